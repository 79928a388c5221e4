package cn.wushe.units;

import cn.wushe.platform.Messages;
import java.util.Locale;
import java.util.Optional;
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
    private static final int[] ORGANIZATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
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

    /** 登记管理机关代码 (1st character): 5 for civil affairs (民政), 9 for market regulation. */
    public char authority() {
        return value.charAt(0);
    }

    /** 机构类别代码 (2nd character): under civil affairs 1 社会团体, 2 民办非企业单位/社会服务机构, 3 基金会. */
    public char category() {
        return value.charAt(1);
    }

    /** 主体标识码 (characters 9–17): the organization code of GB 11714, its own check character last. */
    public String organizationCode() {
        return value.substring(8, 17);
    }

    /** The check character (9th) of a GB 11714 organization code whose first 8 characters are {@code first8}. */
    public static char organizationCheckCharacter(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * ORGANIZATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /**
     * Why this code cannot belong to an organization registered by civil affairs (民政) in
     * {@code category} (1 社会团体, 2 社会服务机构, 3 基金会), naming the faulty part; empty when it can.
     * The region part is left to the caller, which knows the region tree.
     */
    public Optional<String> civilAffairsProblem(char category) {
        if (authority() != '5') {
            return Optional.of(Messages.text("units.credit-code.authority", String.valueOf(authority())));
        }
        if (category() != category) {
            return Optional.of(Messages.text("units.credit-code.category", String.valueOf(category),
                    categoryName(category), String.valueOf(category())));
        }
        char expected = organizationCheckCharacter(organizationCode());
        if (organizationCode().charAt(8) != expected) {
            return Optional.of(Messages.text("units.credit-code.organization-check", organizationCode(),
                    String.valueOf(expected)));
        }
        return Optional.empty();
    }

    private static String categoryName(char category) {
        return switch (category) {
            case '1' -> Messages.text("units.credit-code.category-social-group");
            case '2' -> Messages.text("units.credit-code.category-social-service");
            case '3' -> Messages.text("units.credit-code.category-foundation");
            default -> String.valueOf(category);
        };
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
