package cn.wushe.care.internal;

import cn.wushe.attachments.AttachmentAccess;
import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Photos of a visit (走访照片, attachments of type {@code care-visit}): seen by whoever sees the
 * visited person ({@link CareScope}); added or removed by one of the visit's visitors within a week
 * of the visit — the photos belong to what they saw, not to later visits.
 */
@Component
class VisitAttachmentAccess implements AttachmentAccess {

    static final String OBJECT_TYPE = "care-visit";
    static final Duration PHOTO_WINDOW = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Clock clock;

    VisitAttachmentAccess(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String objectType() {
        return OBJECT_TYPE;
    }

    @Override
    public Permission viewPermission() {
        return Permission.CARE_VISIT;
    }

    @Override
    public Optional<String> mayView(Actor actor, String objectId) {
        return parse(objectId).flatMap(id -> {
            SqlPredicate visible = CareScope.visible(actor, "v");
            return jdbc.sql("select v.region_code from care.visits v where v.id = :id and " + visible.sql())
                    .params(visible.params()).param("id", id).query(String.class).optional();
        });
    }

    @Override
    public boolean mayAttach(Actor actor, String objectId) {
        return parse(objectId).map(id -> jdbc.sql("""
                select exists (select 1 from care.visits where id = :id and (recorded_by = :me or :me = any(visitors))
                    and received_at > :since)""")
                .param("id", id).param("me", actor.id()).param("since", java.sql.Timestamp.from(clock.instant().minus(PHOTO_WINDOW)))
                .query(Boolean.class).single()).orElse(false);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
