package cn.wushe.volunteering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.volunteering.internal.HoursArithmetic.Span;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hours arithmetic: clamping into the window, missing check-outs, overlaps, past midnight. */
class HoursArithmeticUnitTest {

    static Instant at(String local) {
        return LocalDateTime.parse("2026-12-" + local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    static final Span WINDOW = new Span(at("06T09:00"), at("06T12:00"));

    @ParameterizedTest(name = "in {0} out {1} typed {2} → {3} min")
    @CsvSource(nullValues = "-", value = {
            "06T09:00, 06T12:00, -, 180",
            "06T08:00, 06T13:00, -, 180", // early arrival and late leave are capped by the window
            "06T09:30, 06T11:00, -, 90",
            "06T10:00, -, -, 120", // no check-out: the window's end
            "06T10:00, -, 06T11:15, 75", // no check-out: the time the organizer typed
            "06T12:30, 06T13:00, -, 0", // wholly after the window
            "06T11:59, 06T12:00, -, 1"})
    void countsTheTimeInsideTheWindow(String in, String out, String typed, int minutes) {
        Span span = HoursArithmetic.counted(WINDOW, at(in), out == null ? null : at(out), typed == null ? null : at(typed));
        assertThat(HoursArithmetic.newMinutes(span, List.of())).isEqualTo(minutes);
    }

    @Test
    void aServicePastMidnightIsOneSpan() {
        Span night = new Span(at("06T22:00"), at("07T02:00"));
        Span counted = HoursArithmetic.counted(night, at("06T21:50"), at("07T02:10"), null);
        assertThat(HoursArithmetic.newMinutes(counted, List.of())).isEqualTo(240);
    }

    @Test
    void overlappingConfirmedServiceIsNeverCountedTwice() {
        Span span = new Span(at("06T09:00"), at("06T12:00"));
        List<Span> already = List.of(new Span(at("06T08:00"), at("06T10:00")), new Span(at("06T09:30"), at("06T10:30")),
                new Span(at("06T11:30"), at("06T13:00")));
        assertThat(HoursArithmetic.newMinutes(span, already)).isEqualTo(60);
        assertThat(HoursArithmetic.newMinutes(span, List.of(span))).isZero();
        assertThat(HoursArithmetic.newMinutes(span, List.of(new Span(at("06T12:00"), at("06T13:00"))))).isEqualTo(180);
    }

    @Test
    void unionMergesTouchingAndOverlappingSpans() {
        assertThat(HoursArithmetic.union(List.of(new Span(at("06T10:00"), at("06T11:00")),
                new Span(at("06T09:00"), at("06T10:00")), new Span(at("06T12:00"), at("06T13:00")))))
                .containsExactly(new Span(at("06T09:00"), at("06T11:00")), new Span(at("06T12:00"), at("06T13:00")));
    }
}
