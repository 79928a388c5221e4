package cn.wushe.platform.personal;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A mainland mobile number (11 digits from 1[3-9]) or a landline with area code, stored as digits
 * only; {@code toString()} is masked.
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
            throw new IllegalArgumentException("电话号码格式不正确：手机号为 11 位，固定电话需带区号");
        }
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

    /** The Chinese problem with {@code raw}, or {@code null} when it is a valid number. */
    public static @Nullable String problem(String raw) {
        String digits = normalise(raw);
        if (!digits.chars().allMatch(Character::isDigit)) {
            return "电话号码只能包含数字";
        }
        return MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches() ? null
                : "电话号码格式不正确：手机号为 11 位，固定电话需带区号";
    }

    public static PhoneNumber parse(String raw) {
        return new PhoneNumber(normalise(raw));
    }

    /** {@code 138****5678}; a landline keeps its area code and last four digits. */
    public String masked() {
        return mask(digits);
    }

    public static String mask(String digits) {
        if (digits.length() <= 7) {
            return "*".repeat(digits.length());
        }
        int head = 3;
        return digits.substring(0, head) + "*".repeat(digits.length() - head - 4) + digits.substring(digits.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
