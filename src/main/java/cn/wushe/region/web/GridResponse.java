package cn.wushe.region.web;

import cn.wushe.region.internal.GridAggregate;
import cn.wushe.region.internal.GridQueries;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One grid as the API shows it, with its grid workers (网格员). */
record GridResponse(String code, String communityCode, String communityName, String communityFullName,
        String countyCode, String name, boolean active, @Nullable Instant retiredAt, @Nullable BigDecimal centreLat,
        @Nullable BigDecimal centreLng, @Schema(ref = "#/components/schemas/GeoJsonGeometry") @Nullable JsonNode boundary, long version, Instant createdAt,
        Instant updatedAt, List<Worker> workers) {

    record Worker(UUID userId, String displayName, Instant assignedAt) {
    }

    static GridResponse of(GridQueries.Detail detail) {
        GridAggregate g = detail.grid();
        return new GridResponse(g.code().value(), detail.community().code(), detail.community().name(),
                detail.community().fullName(), g.code().countyCode(), g.name().value(), g.active(), g.retiredAt(),
                g.centre() == null ? null : g.centre().lat(), g.centre() == null ? null : g.centre().lng(),
                g.boundary() == null ? null : g.boundary().toJson(), g.version(), g.createdAt(), g.updatedAt(),
                detail.workers().stream().map(w -> new Worker(w.userId(), w.displayName(), w.assignedAt())).toList());
    }
}
