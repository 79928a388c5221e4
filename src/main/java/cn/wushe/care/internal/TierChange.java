package cn.wushe.care.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of a person's tier history (等级变更): applied at once, or waiting for approval. */
public record TierChange(UUID id, UUID personId, String countyCode, String regionCode, @Nullable Tier from, Tier to,
        Tier suggested, List<RiskFactor> factors, @Nullable String reason, Status status, UUID requestedBy,
        Instant requestedAt, @Nullable UUID decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote) {

    public enum Status {
        APPLIED, PENDING, REJECTED;

        public String label() {
            return cn.wushe.platform.Messages.text("care.tier-change." + name());
        }
    }

    public TierChange {
        factors = List.copyOf(factors);
    }
}
