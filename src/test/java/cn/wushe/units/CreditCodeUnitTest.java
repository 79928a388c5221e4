package cn.wushe.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hutool.core.util.CreditCodeUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100 check characters, cross-checked against hutool's {@code CreditCodeUtil}. */
class CreditCodeUnitTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "52610527MJU000001W", "51610527MJU0000023", "91310000MA1FL1Q2X2",
            "91110000100006168R"})
    void acceptsCodesWhoseCheckCharacterFits(String code) {
        assertThat(new CreditCode(code).value()).isEqualTo(code);
        assertThat(CreditCodeUtil.isCreditCode(code)).as("hutool agrees").isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y44,统一社会信用代码校验码不正确，请核对",
            "52610527MJU000001X,统一社会信用代码校验码不正确，请核对",
            "91350100M000100Y4,统一社会信用代码须为 18 位",
            "91350100MO00100Y43,统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V），第 3 至 8 位须为数字",
            "9135010AM000100Y43,统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V），第 3 至 8 位须为数字"})
    void rejectsWithAChineseReason(String code, String message) {
        assertThatThrownBy(() -> new CreditCode(code)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThat(CreditCodeUtil.isCreditCode(code)).as("hutool agrees").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100m000100y43", " 91350100M000100Y43 "})
    void acceptsLowerCaseAndBlanksAndStoresTheCanonicalForm(String typed) {
        assertThat(new CreditCode(typed).value()).isEqualTo("91350100M000100Y43");
        assertThat(new CreditCode(typed).regionCode()).isEqualTo("350100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5261052700000000", "9144030071526726", "1234567890ABCDEF"})
    void theComputedCheckCharacterAgreesWithHutool(String first16) {
        String first17 = first16 + "X";
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCodeUtil.isCreditCode(code)).as(code).isTrue();
    }
}
