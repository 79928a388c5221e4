package cn.wushe.identity.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A login name (用户名): 3–32 letters, digits, {@code . _ -}, starting with a letter or digit.
 * Compared without regard to case, so {@code Admin} and {@code admin} are one login.
 */
public record Username(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{2,31}");

    public Username {
        if (value == null || !FORM.matcher(value).matches()) {
            throw DomainException.invalid("username", Messages.text("identity.account.username-invalid"));
        }
    }

    public String normalized() {
        return normalize(value);
    }

    /**
     * The key failed logins are counted under, for any string typed into the login form: the same
     * for {@code User} and {@code user}, and bounded in length.
     */
    public static String normalize(String typed) {
        String key = Normalizer.normalize(typed.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return key.length() > 64 ? key.substring(0, 64) : key;
    }

    @Override
    public String toString() {
        return value;
    }
}
