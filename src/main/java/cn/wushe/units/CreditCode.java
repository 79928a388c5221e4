package cn.wushe.units;

import cn.wushe.platform.Messages;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-symbol
 * alphabet without I, O, Z, S and V — registering authority, organization type, the 6-digit region
 * code, the 9-character organization code and a check character. Lower case is accepted and stored
 * upper case.
 */
public record CreditCode(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");

    public CreditCode {
        value = value.strip().toUpperCase(Locale.ROOT);
        if (value.length() != 18) {
            throw new IllegalArgumentException(Messages.text("units.credit-code.length"));
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(Messages.text("units.credit-code.characters"));
        }
        if (value.charAt(17) != checkCharacter(value)) {
            throw new IllegalArgumentException(Messages.text("units.credit-code.check"));
        }
    }

    /** The check character (18th) that the first 17 characters of {@code code} call for. */
    public static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The 6-digit region code of the registering authority (characters 3–8). */
    public String regionCode() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
