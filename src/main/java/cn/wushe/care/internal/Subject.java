package cn.wushe.care.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person under care (关爱对象) as care keeps them: where they live, a masked name and an age band
 * from the registry's directory, and care's own tier and cycle.
 */
public record Subject(UUID personId, String countyCode, String communityCode, String regionCode, UUID householdId,
        String maskedName, String ageBand, List<String> categories, boolean active, @Nullable Tier tier,
        @Nullable Instant tierSince, @Nullable Instant lastVisitAt, @Nullable Instant nextDueAt, long version) {

    public Subject {
        categories = List.copyOf(categories);
    }

    public boolean overdue(Instant now) {
        return active && nextDueAt != null && nextDueAt.isBefore(now);
    }

    public String tierLabel() {
        return tier == null ? cn.wushe.platform.Messages.text("care.tier.none") : tier.label();
    }

    /** The categories in words, e.g. 低保、残疾人. */
    public String categoryLabels() {
        return String.join("、", categories.stream().map(KnownCategory::label).toList());
    }

    public String tierBadge() {
        return tier == null ? "text-bg-secondary" : tier.badge();
    }
}
