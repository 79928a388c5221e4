package cn.wushe.care.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierSuggestionUnitTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "'', GREEN",
            "DISABILITY, GREEN",
            "LOW_INCOME DISABILITY, BLUE",
            "SERIOUS_ILLNESS, BLUE",
            "SERIOUS_ILLNESS LOW_INCOME, BLUE",
            "SERIOUS_ILLNESS NO_FAMILY_SUPPORT, YELLOW",
            "SERIOUS_ILLNESS NO_FAMILY_SUPPORT LOW_INCOME, YELLOW",
            "SERIOUS_ILLNESS NO_FAMILY_SUPPORT LIVING_ALONE, RED",
            "LIVING_ALONE UNSAFE_HOME, RED",
            "LIVING_ALONE, BLUE",
            "LIVING_ALONE DISABILITY LOW_INCOME, YELLOW",
    })
    void suggestsTheTierOfTheWeightedFactors(String factors, Tier expected) {
        List<RiskFactor> list = factors.isBlank() ? List.of()
                : Arrays.stream(factors.split(" ")).map(RiskFactor::valueOf).toList();

        assertThat(TierSuggestion.suggest(list)).isEqualTo(expected);
    }
}
