package cn.wushe.audit.internal;

import cn.wushe.platform.Page;
import cn.wushe.audit.AuditEvent.Outcome;
import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit log for auditors. Entries bound to a region are limited by the auditor's
 * {@code AUDIT_READ} scope through {@link ScopeFilter}; entries of the {@code system} chain (sign-ins,
 * configuration, the log's own queries) carry no region and are visible to every auditor.
 */
@Repository
class AuditEntries {

    private static final Map<String, String> COLUMNS = Map.of(
            "from", "occurred_at >= :from",
            "to", "occurred_at < :to",
            "actor", "actor_name = :actor",
            "action", "action = :action",
            "objectType", "object_type = :objectType",
            "objectId", "object_id = :objectId",
            "outcome", "outcome = :outcome");

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<AuditEntry> search(Actor auditor, AuditFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(auditor, filter, params);
        long total = jdbc.sql("select count(*) from audit.entries where " + where).params(params)
                .query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<AuditEntry> items = jdbc.sql("select * from audit.entries where " + where
                        + " order by occurred_at desc, id desc limit :limit offset :offset")
                .params(params).query((rs, i) -> map(rs)).list();
        return Page.counted(items, total, page, size);
    }

    private static String where(Actor auditor, AuditFilter filter, Map<String, Object> params) {
        ScopeFilter.SqlPredicate scope = ScopeFilter.predicate(auditor, Permission.AUDIT_READ, "chain", "object_region");
        params.putAll(scope.params());
        params.put("systemChain", JdbcAuditLog.SYSTEM_CHAIN);
        List<String> conditions = new ArrayList<>();
        conditions.add("(chain = :systemChain or " + scope.sql() + ")");
        filter.criteria().forEach((name, value) -> {
            conditions.add(COLUMNS.get(name));
            params.put(name, sqlValue(value));
        });
        return String.join(" and ", conditions);
    }

    private static Object sqlValue(Object value) {
        return switch (value) {
            case Instant instant -> instant.atOffset(ZoneOffset.UTC);
            case Outcome outcome -> outcome.name();
            default -> value;
        };
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getString("chain"), rs.getInt("lane"), rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getObject("actor_id", UUID.class),
                rs.getString("actor_name"), split(rs.getString("actor_roles")), split(rs.getString("actor_scope")),
                rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                rs.getString("object_region"), Outcome.valueOf(rs.getString("outcome")), rs.getString("client_ip"),
                rs.getString("request_id"), rs.getString("reason"), rs.getString("detail"));
    }

    private static List<String> split(@Nullable String commaSeparated) {
        return commaSeparated == null || commaSeparated.isEmpty() ? List.of()
                : Arrays.asList(commaSeparated.split(","));
    }
}
