package cn.wushe.registry.internal;

import cn.wushe.attachments.AttachmentAccess;
import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's rule for a person's attachments (photos of a visit, certificates, scans): seen by
 * whoever may view the person (PERSON_VIEW in the person's region), added or deleted by whoever may
 * edit them (PERSON_EDIT), and not while the record is closed. The town-wide search scope does not
 * reach attachments: its masked projection shows no files.
 */
@Component
class PersonAttachmentAccess implements AttachmentAccess {

    static final String OBJECT_TYPE = "person";

    private final JdbcClient jdbc;

    PersonAttachmentAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String objectType() {
        return OBJECT_TYPE;
    }

    @Override
    public Permission viewPermission() {
        return Permission.PERSON_VIEW;
    }

    @Override
    public Optional<String> mayView(Actor actor, String objectId) {
        return id(objectId).flatMap(id -> regionWhere(Scopes.view(actor, "p"), id, false));
    }

    @Override
    public boolean mayAttach(Actor actor, String objectId) {
        return id(objectId).flatMap(id -> regionWhere(Scopes.edit(actor, "p"), id, true)).isPresent();
    }

    private Optional<String> regionWhere(SqlPredicate scope, UUID id, boolean open) {
        return jdbc.sql("select p.region_code from registry.people p where p.id = :id and " + scope.sql()
                        + (open ? " and p.status = 'ACTIVE'" : ""))
                .params(scope.params()).param("id", id).query(String.class).optional();
    }

    private static Optional<UUID> id(String objectId) {
        try {
            return Optional.of(UUID.fromString(objectId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
