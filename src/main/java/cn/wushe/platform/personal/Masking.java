package cn.wushe.platform.personal;

import org.jspecify.annotations.Nullable;

/**
 * How masked values look, the one place for it: names (张*明), phone numbers (138****5678),
 * identity numbers (610527********123X), addresses (城关****).
 */
public final class Masking {

    private Masking() {
    }

    public static String name(String name) {
        int[] cps = name.codePoints().toArray();
        if (cps.length <= 1) {
            return "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }

    public static @Nullable String address(@Nullable String detail) {
        if (detail == null) {
            return null;
        }
        int[] cps = detail.codePoints().toArray();
        return new String(cps, 0, Math.min(2, cps.length)) + "****";
    }

    public static @Nullable String phone(@Nullable PhoneNumber phone) {
        return phone == null ? null : phone.masked();
    }

    /** A phone number's digits: the first three and the last four stay; seven digits or fewer are all hidden. */
    public static String phone(String digits) {
        if (digits.length() <= 7) {
            return "*".repeat(digits.length());
        }
        int head = 3;
        return digits.substring(0, head) + "*".repeat(digits.length() - head - 4) + digits.substring(digits.length() - 4);
    }

    /** An identity document number: the issuer part (6 of a resident ID, else 3) and the last four characters. */
    public static String identityNumber(String value) {
        int head = value.length() == 18 ? 6 : 3;
        return value.substring(0, head) + "*".repeat(value.length() - head - 4) + value.substring(value.length() - 4);
    }
}
