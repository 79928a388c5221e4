package cn.wushe.region;

import cn.wushe.region.internal.RegionCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.ScopeLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeUnitTest {

    @ParameterizedTest(name = "{0} is a {1}, parent {2}, county {3}")
    @CsvSource(nullValues = "-", textBlock = """
            61,           PROVINCE,  -,         -
            6105,         CITY,      61,        -
            610527,       COUNTY,    6105,      610527
            610527102,    TOWN,      610527,    610527
            610527102201, COMMUNITY, 610527102, 610527
            """)
    void knowsItsLevelParentAndCounty(String code, ScopeLevel level, String parent, String county) {
        RegionCode regionCode = new RegionCode(code);
        assertThat(regionCode.level()).isEqualTo(level);
        assertThat(regionCode.parent() == null ? null : regionCode.parent().value()).isEqualTo(parent);
        assertThat(regionCode.countyCode()).isEqualTo(county);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(textBlock = """
            6,               区划代码应为 2、4、6、9 或 12 位数字
            61052,           区划代码应为 2、4、6、9 或 12 位数字
            6105271020,      区划代码应为 2、4、6、9 或 12 位数字
            610527102201001, 区划代码应为 2、4、6、9 或 12 位数字
            61052710220X,    区划代码只能由数字组成
            ' 610527',       区划代码只能由数字组成
            61０527,          区划代码只能由数字组成
            """)
    void refusesWhatIsNotACodeOfALevel(String code, String message) {
        assertThatThrownBy(() -> new RegionCode(code)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"610527102", "6105271022011", "61052710220X", "610527102201001"})
    void aCommunityCodeHasTwelveDigits(String code) {
        assertThatThrownBy(() -> RegionCode.community(code)).hasMessage("社区代码应为 12 位数字");
    }
}
