package cn.wushe.projects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The transition table, pair by pair: exactly the listed moves are legal, every other one refused. */
class ApplicationStatusUnitTest {

    static final Set<String> LEGAL = Set.of("DRAFT>SUBMITTED", "SUBMITTED>NEEDS_CORRECTION", "SUBMITTED>ELIGIBLE",
            "SUBMITTED>INELIGIBLE", "NEEDS_CORRECTION>SUBMITTED", "NEEDS_CORRECTION>INELIGIBLE", "ELIGIBLE>RECOMMENDED",
            "ELIGIBLE>NOT_RECOMMENDED", "RECOMMENDED>CONFIRMED", "RECOMMENDED>NOT_RECOMMENDED", "CONFIRMED>ACCEPTED",
            "CONFIRMED>FAILED", "CONFIRMED>TERMINATED");

    static Stream<Arguments> pairs() {
        return Arrays.stream(ApplicationStatus.values()).flatMap(from -> Arrays.stream(ApplicationStatus.values())
                .map(to -> Arguments.of(from, to, LEGAL.contains(from + ">" + to))));
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("pairs")
    void onlyTheTableMoves(ApplicationStatus from, ApplicationStatus to, boolean legal) {
        assertThat(from.mayMoveTo(to)).isEqualTo(legal);
    }

    @org.junit.jupiter.api.Test
    void everyStatusHasAChineseLabel() {
        assertThat(Arrays.stream(ApplicationStatus.values()).map(ApplicationStatus::label).collect(Collectors.toSet()))
                .hasSize(ApplicationStatus.values().length);
    }
}
