package cn.wushe.requests.internal;

import cn.wushe.attachments.AttachmentAccess;
import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Materials, consents, photos and 一次告知 notices of a matter: seen by whoever sees the matter;
 * added by its applicant or taker while it is open, and by the staff of the unit it sits at.
 */
@Component
class MatterAttachmentAccess implements AttachmentAccess {

    private final JdbcClient jdbc;
    private final MatterScope scope;

    MatterAttachmentAccess(JdbcClient jdbc, MatterScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    @Override
    public String objectType() {
        return MatterIntake.OBJECT_TYPE;
    }

    @Override
    public Permission viewPermission() {
        return Permission.MATTER_VIEW;
    }

    @Override
    public Optional<String> mayView(Actor actor, String objectId) {
        return parse(objectId).flatMap(id -> {
            SqlPredicate visible = scope.visible(actor);
            return jdbc.sql("select m.region_code from requests.matters m where m.id = :id and " + visible.sql())
                    .param("id", id).params(visible.params()).query(String.class).optional();
        });
    }

    @Override
    public boolean mayAttach(Actor actor, String objectId) {
        return parse(objectId).flatMap(id -> jdbc.sql("select applicant_user_id, submitted_by, unit_id, status from requests.matters where id = :id")
                .param("id", id).query((rs, i) -> {
                    boolean open = MatterStatus.valueOf(rs.getString("status")).open();
                    boolean own = actor.id().equals(rs.getObject(1, UUID.class)) || actor.id().equals(rs.getObject(2, UUID.class));
                    return open && (own || scope.handlesFor(actor, rs.getObject(3, UUID.class)));
                }).optional()).orElse(false);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
