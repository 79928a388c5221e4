package cn.wushe.region;

import cn.wushe.region.internal.GridCode;
import cn.wushe.region.internal.RegionCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GridCodeUnitTest {

    @Test
    void isItsCommunityPlusAThreeDigitNumber() {
        GridCode code = new GridCode("610527102201003");
        assertThat(code.community()).isEqualTo(new RegionCode("610527102201"));
        assertThat(code.countyCode()).isEqualTo("610527");
        assertThat(code.number()).isEqualTo(3);
    }

    @ParameterizedTest(name = "number {1} in {0} → {2}")
    @CsvSource(textBlock = """
            610527102201, 1,   610527102201001
            610527102201, 42,  610527102201042
            610527102201, 999, 610527102201999
            """)
    void numbersGridsOfACommunity(String community, int number, String expected) {
        assertThat(GridCode.of(new RegionCode(community), number).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1000})
    void refusesANumberOutsideOneTo999(int number) {
        assertThatThrownBy(() -> GridCode.of(new RegionCode("610527102201"), number)).hasMessage("网格序号应为 001–999");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"610527102201", "61052710220100", "6105271022010011", "61052710220100X", " 610527102201001"})
    void refusesWhatIsNotFifteenDigits(String code) {
        assertThatThrownBy(() -> new GridCode(code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("网格代码应为 15 位数字（社区代码 12 位 + 网格序号 3 位）");
    }

    @Test
    void refusesNumberZero() {
        assertThatThrownBy(() -> new GridCode("610527102201000")).hasMessage("网格序号应为 001–999");
    }
}
