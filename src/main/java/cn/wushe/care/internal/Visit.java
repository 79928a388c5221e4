package cn.wushe.care.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A recorded visit (走访记录); {@code receivedAt} is when the server got it, beside the phone's {@code visitedAt}. */
public record Visit(UUID id, UUID personId, String countyCode, String regionCode, Instant visitedAt, Instant receivedAt,
        UUID recordedBy, List<UUID> visitors, Map<Aspect, Finding> findings, @Nullable String notes,
        @Nullable BigDecimal lat, @Nullable BigDecimal lng, boolean nothingFound) {

    public Visit {
        visitors = List.copyOf(visitors);
        EnumMap<Aspect, Finding> ordered = new EnumMap<>(Aspect.class);
        ordered.putAll(findings);
        findings = Collections.unmodifiableMap(ordered); // in 五了解 order, so a resent answer is byte-identical
    }

    public Finding finding(Aspect aspect) {
        return findings.getOrDefault(aspect, Finding.OK);
    }
}
