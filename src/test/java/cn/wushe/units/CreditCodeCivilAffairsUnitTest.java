package cn.wushe.units;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hutool.core.util.CreditCodeUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The civil-affairs rule (民政 51/52/53 by kind, GB 11714 check of the organization code) in one
 * table; every code of the table is also put to hutool's {@code CreditCodeUtil}, which checks only
 * the shape and the 18th character, so both agree on the USCC check while only ours names the part.
 */
public class CreditCodeCivilAffairsUnitTest {

    /** A code with both check characters right: authority and category, region, 8 characters of the organization code. */
    public static String valid(String authorityAndCategory, String region, String organization8) {
        String first17 = authorityAndCategory + region + organization8 + CreditCode.organizationCheckCharacter(organization8);
        return first17 + CreditCode.checkCharacter(first17);
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource(delimiter = ';', value = {
            "51;MJU00000;1;",
            "52;MJU00000;2;",
            "53;MJU00000;3;",
            "52;MA1FL1Q2;2;",
            "91;MJU00000;2;统一社会信用代码第 1 位（登记管理机关代码）应为 5（民政部门），现为 9",
            "52;MJU00000;1;统一社会信用代码第 2 位（机构类别代码）应为 1（社会团体），现为 2",
            "51;MJU00000;3;统一社会信用代码第 2 位（机构类别代码）应为 3（基金会），现为 1",
            "53;MJU00000;2;统一社会信用代码第 2 位（机构类别代码）应为 2（社会服务机构），现为 3"})
    void namesTheFaultyPart(String authorityAndCategory, String organization8, char category, String expected) {
        String code = valid(authorityAndCategory, "610527", organization8);
        assertThat(CreditCodeUtil.isCreditCode(code)).as("hutool accepts the USCC check of " + code).isTrue();
        assertThat(new CreditCode(code).civilAffairsProblem(category).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MJU00000,4", "12345678,8", "00000000,0", "D2143569,X", "MA1FL1Q2,1"})
    void organizationCheckCharacterFollowsGb11714(String first8, char expected) {
        assertThat(CreditCode.organizationCheckCharacter(first8)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"52610527MJU000001W", "51610527MJU0000023"})
    void aWrongOrganizationCheckIsNamedEvenWhenTheUsccCheckFits(String code) {
        assertThat(CreditCodeUtil.isCreditCode(code)).as("hutool looks only at the 18th character").isTrue();
        assertThat(new CreditCode(code).civilAffairsProblem(code.charAt(1)).orElseThrow())
                .isEqualTo("统一社会信用代码第 9 至 17 位（组织机构代码 MJU000001）的校验位不正确，应为 4"
                        .replace("MJU000001", code.substring(8, 17)));
    }
}
