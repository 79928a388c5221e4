package cn.wushe.volunteering.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How much service time an attendance counts: the time actually present inside the activity's
 * window, minus whatever the volunteer already has confirmed at the same time (two overlapping
 * activities never count twice). Instants, not local times, so a service past midnight is one span.
 */
public final class HoursArithmetic {

    private HoursArithmetic() {
    }

    /** A span of time, start inclusive, end exclusive. */
    public record Span(Instant start, Instant end) {

        public Span {
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("a span ends after it starts");
            }
        }

        long minutes() {
            return Duration.between(start, end).toMinutes();
        }
    }

    /**
     * The span counted for one attendance: check-in and check-out clamped into the window; a missing
     * check-out takes {@code typedEnd} when given, else the window's end.
     *
     * @return empty span (start = end) when the attendance lies wholly outside the window
     */
    public static Span counted(Span window, Instant checkedIn, @Nullable Instant checkedOut, @Nullable Instant typedEnd) {
        Instant out = checkedOut != null ? checkedOut : typedEnd != null ? typedEnd : window.end();
        Instant start = max(checkedIn, window.start());
        Instant end = min(out, window.end());
        if (!end.isAfter(start)) {
            return new Span(start, start);
        }
        return new Span(start, end);
    }

    /** Whole minutes of {@code span} not covered by any of {@code alreadyCounted}. */
    public static int newMinutes(Span span, List<Span> alreadyCounted) {
        long covered = 0;
        for (Span s : union(alreadyCounted)) {
            Instant start = max(s.start(), span.start());
            Instant end = min(s.end(), span.end());
            if (end.isAfter(start)) {
                covered += Duration.between(start, end).toSeconds();
            }
        }
        long seconds = Duration.between(span.start(), span.end()).toSeconds() - covered;
        return (int) (seconds / 60);
    }

    /** The spans merged where they overlap or touch, in order. */
    public static List<Span> union(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span s : sorted) {
            if (!merged.isEmpty() && !s.start().isAfter(merged.getLast().end())) {
                Span last = merged.removeLast();
                merged.add(new Span(last.start(), max(last.end(), s.end())));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
