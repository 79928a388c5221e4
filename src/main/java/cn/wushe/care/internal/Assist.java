package cn.wushe.care.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A 四协助 item, open until closed with its outcome. */
public record Assist(UUID id, UUID visitId, UUID personId, String countyCode, String regionCode, AssistKind kind,
        String description, @Nullable ResourceKind resourceKind, @Nullable UUID providerUnit,
        @Nullable String providerText, @Nullable BigDecimal valueYuan, boolean open, @Nullable String outcome,
        @Nullable Instant closedAt, Instant createdAt, long version) {
}
