package cn.wushe.platform.personal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A mainland phone number, stored as digits only; {@code toString()} is masked. Two rules are named:
 * {@link #mobile} (手机号, 11 digits from 1[3-9]) where a number must reach a person by text message
 * (accounts), and {@link #mobileOrLandline} (a mobile, or a landline with its area code) where any
 * number one can call will do (the registry). The constructor accepts either.
 */
public record PhoneNumber(String digits) {

    /** The {@code BlindIndex} purpose of phone numbers: every module indexes them under this name. */
    public static final String BLIND_INDEX_PURPOSE = "phone";

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{9,11}");
    /** Compiled once: a roster import normalises every row's phone numbers. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()（）]");

    public PhoneNumber {
        if (digits == null || !(MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches())) {
            throw new IllegalArgumentException(Messages.text("platform.phone.invalid"));
        }
    }

    /**
     * A mobile number as typed (spaces, dashes, +86 allowed).
     *
     * @throws DomainException on field {@code phone} when it is not a mainland mobile number
     */
    public static PhoneNumber mobile(String raw) {
        String digits = normalise(raw);
        if (!MOBILE.matcher(digits).matches()) {
            throw DomainException.invalid("phone", Messages.text("platform.phone.not-mobile"));
        }
        return new PhoneNumber(digits);
    }

    /** A mobile or landline number as typed; check {@link #problem} first for a message. */
    public static PhoneNumber mobileOrLandline(String raw) {
        return new PhoneNumber(normalise(raw));
    }

    /** Strips spaces, dashes and a leading +86/0086 as people write numbers. */
    public static String normalise(String raw) {
        String digits = SEPARATORS.matcher(raw).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return IdentityNumber.normalise(digits);
    }

    /** The Chinese problem with {@code raw} under {@link #mobileOrLandline}, or {@code null} when it is valid. */
    public static @Nullable String problem(String raw) {
        String digits = normalise(raw);
        if (!digits.chars().allMatch(Character::isDigit)) {
            return Messages.text("platform.phone.not-digits");
        }
        return MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches() ? null
                : Messages.text("platform.phone.invalid");
    }

    public boolean isMobile() {
        return MOBILE.matcher(digits).matches();
    }

    /** {@code 138****5678}; a landline keeps its first three and last four digits. */
    public String masked() {
        return Masking.phone(digits);
    }

    @Override
    public String toString() {
        return masked();
    }
}
