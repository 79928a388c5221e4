package cn.wushe.registry.internal;

import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.registry.PersonId;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Correction requests (更正申请) as {@link Correction} aggregates; the open queue is read by {@link Corrections}. */
@Repository
class CorrectionRequests {

    private final JdbcClient jdbc;

    CorrectionRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The request if it lies inside {@code scope} (a predicate over the alias {@code r}), whatever its status. */
    Optional<Correction> load(UUID id, SqlPredicate scope) {
        return jdbc.sql("select r.id, r.person_id, r.region_code, r.status, r.version from registry.correction_requests r"
                        + " where r.id = :id and " + scope.sql())
                .params(scope.params()).param("id", id)
                .query((rs, i) -> Correction.restore(rs.getObject(1, UUID.class), new PersonId(rs.getObject(2, UUID.class)),
                        rs.getString(3), Correction.Status.valueOf(rs.getString(4)), rs.getInt(5)))
                .optional();
    }

    /** @return {@code false} when someone else handled the request since it was loaded */
    boolean save(Correction request) {
        return jdbc.sql("""
                update registry.correction_requests set status = :status, handled_by = :by, handled_at = :at,
                    handling_note = :note, version = version + 1
                where id = :id and version = :version""")
                .param("id", request.id()).param("version", request.version()).param("status", request.status().name())
                .param("by", request.handledBy()).param("at", request.handledAt() == null ? null : Timestamp.from(request.handledAt()))
                .param("note", request.handlingNote())
                .update() == 1;
    }
}
