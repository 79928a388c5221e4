package cn.wushe.registry.internal;

import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A resident's request to correct their record, as the community worker's queue shows it.
 *
 * @param dueAt the request is answered by then (30 days); {@code overdue} once it has passed
 */
public record CorrectionRequest(UUID id, UUID personId, String personName, CorrectableField field, String proposedValue,
        @Nullable String note, String status, LocalDateTime requestedAt, @Nullable String handlingNote,
        LocalDateTime dueAt, boolean overdue) {
}
