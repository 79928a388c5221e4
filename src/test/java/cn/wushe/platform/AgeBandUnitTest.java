package cn.wushe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** One parser for the age band of the people list, its export and the API. */
class AgeBandUnitTest {

    @ParameterizedTest(name = "{0} is {1} to {2}")
    @CsvSource(nullValues = "open", value = {
            "0-17,    0,  17,   0-17 岁",
            "18-59,   18, 59,   18-59 岁",
            "60-79,   60, 79,   60-79 岁",
            "80-,     80, open, 80 岁以上",
            "' 60-79 ', 60, 79, 60-79 岁",
            "65-65,   65, 65,   65-65 岁",
            "0-150,   0,  150,  0-150 岁"})
    void readsBandsAsPagesWriteThem(String text, int min, Integer max, String label) {
        AgeBand band = AgeBand.parse(text);
        assertThat(band).isEqualTo(new AgeBand(min, max));
        assertThat(band.label()).isEqualTo(label);
        assertThat(AgeBand.parse(band.toString())).isEqualTo(band);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void blankMeansNoBand(String text) {
        assertThat(AgeBand.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"60", "-79", "abc", "79-60", "151-", "0-151", "1000-", "60–79", "60-79-"})
    void rejectsAnythingElseOnFieldAge(String text) {
        assertThatThrownBy(() -> AgeBand.parse(text)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.fieldErrors()).containsKey("age"));
    }

    @Test
    void offersTheFourBandsOfThePeopleList() {
        assertThat(AgeBand.PRESETS).extracting(AgeBand::toString).containsExactly("0-17", "18-59", "60-79", "80-");
    }
}
