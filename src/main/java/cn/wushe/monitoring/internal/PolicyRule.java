package cn.wushe.monitoring.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A typed 政策找人 rule: people 在册 who hold every category of {@code holds} and none of
 * {@code lacks}, within an age band and a household size, and (optionally) whose latest fact of a
 * department's file of {@code factKind} lies in {@code factMin..factMax} — e.g. 残联 grade 1–2
 * without 残疾人. Each bound may be left open.
 */
public record PolicyRule(UUID id, String countyCode, String name, List<String> holds, List<String> lacks,
        @Nullable Integer minAge, @Nullable Integer maxAge, @Nullable Integer minHousehold, @Nullable Integer maxHousehold,
        @Nullable FeedKind factKind, @Nullable BigDecimal factMin, @Nullable BigDecimal factMax, boolean active,
        @Nullable Instant lastRunAt, @Nullable Integer lastHits) {

    public PolicyRule {
        holds = List.copyOf(holds);
        lacks = List.copyOf(lacks);
    }

    /** What a county admin asks for; validated by {@link PolicyFinding#define}. */
    public record Draft(String countyCode, @Nullable String name, @Nullable List<String> holds, @Nullable List<String> lacks,
            @Nullable Integer minAge, @Nullable Integer maxAge, @Nullable Integer minHousehold, @Nullable Integer maxHousehold,
            @Nullable FeedKind factKind, @Nullable BigDecimal factMin, @Nullable BigDecimal factMax) {
    }
}
