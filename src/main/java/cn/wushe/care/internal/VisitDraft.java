package cn.wushe.care.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A visit as the phone sends it.
 *
 * @param visitedAt  the phone's time of the visit; {@code null} for now. At most 7 days old, never ahead
 * @param findings   one {@link Finding} per {@link Aspect}; a missing aspect counts as {@code OK}
 * @param companions other users who came along (their visit counts too)
 */
public record VisitDraft(@Nullable Instant visitedAt, Map<Aspect, Finding> findings, @Nullable String notes,
        @Nullable BigDecimal lat, @Nullable BigDecimal lng, List<AssistDraft> assists, List<UUID> companions) {

    public VisitDraft {
        findings = Map.copyOf(findings);
        assists = List.copyOf(assists);
        companions = List.copyOf(companions);
    }

    /**
     * One 四协助 item.
     *
     * @param providerUnit a registered unit (单位) providing the resource, or {@code null}
     * @param providerText the provider in words when it is not a registered unit
     * @param valueYuan    a resource's value in yuan
     */
    public record AssistDraft(AssistKind kind, @Nullable String description, @Nullable ResourceKind resourceKind,
            @Nullable UUID providerUnit, @Nullable String providerText, @Nullable BigDecimal valueYuan) {
    }
}
