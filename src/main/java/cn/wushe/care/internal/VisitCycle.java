package cn.wushe.care.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * When the next visit is due (下次走访): one cycle of the tier after the last visit, or after the
 * tier was set when nobody has visited yet. A tier changed mid-cycle counts the new cycle from the
 * same base, but never less than {@link #GRACE} after the change, so a person just made red is due
 * tomorrow rather than overdue at once, and a deadline is never scheduled in the past.
 */
public final class VisitCycle {

    /** The least time between a tier change and the next due visit. */
    public static final Duration GRACE = Duration.ofDays(1);

    private VisitCycle() {
    }

    public static Instant nextDue(Tier tier, CareSettings settings, @Nullable Instant lastVisit, Instant tierSince,
            Instant now) {
        Instant base = lastVisit != null ? lastVisit : tierSince;
        Instant due = base.plus(settings.cycle(tier));
        Instant earliest = now.plus(GRACE);
        return (due.isBefore(earliest) ? earliest : due).truncatedTo(ChronoUnit.SECONDS);
    }

    /** After a visit at {@code visitedAt}: one whole cycle from it (a visit is never in the future). */
    public static Instant afterVisit(Tier tier, CareSettings settings, Instant visitedAt, Instant now) {
        Instant due = visitedAt.plus(settings.cycle(tier));
        Instant earliest = now.plus(Duration.ofHours(1));
        return (due.isBefore(earliest) ? earliest : due).truncatedTo(ChronoUnit.SECONDS);
    }
}
