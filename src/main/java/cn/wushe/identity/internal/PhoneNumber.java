package cn.wushe.identity.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import java.util.regex.Pattern;

/** A mainland mobile number (手机号), 11 digits; shown masked. */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    public PhoneNumber {
        if (value == null || !MOBILE.matcher(value).matches()) {
            throw DomainException.invalid("phone", Messages.text("identity.phone.invalid"));
        }
    }

    /** 138****1234: enough to recognise, not enough to call. */
    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }

    @Override
    public String toString() {
        return masked();
    }
}
