package cn.wushe.registry.exports;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per county: how many people an unmasked export may hold before a second person must approve it
 * ({@code registry.export_policies}; {@link #DEFAULT_THRESHOLD} when the county set nothing).
 */
@Service
public class ExportPolicies {

    public static final int DEFAULT_THRESHOLD = 200;
    public static final int MAX_THRESHOLD = 1_000_000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ExportPolicies(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public int threshold(String countyCode) {
        return jdbc.sql("select approval_threshold from registry.export_policies where county_code = :c")
                .param("c", countyCode).query(Integer.class).optional().orElse(DEFAULT_THRESHOLD);
    }

    /**
     * Sets the county's size; only a security administrator of exactly that county (the one who
     * sets the county's other security policies), audited.
     */
    @Transactional
    public void setThreshold(Actor admin, String countyCode, int rows) {
        if (admin.scopesFor(Permission.ROLE_MANAGE).stream().noneMatch(s -> s.code().equals(countyCode))) {
            throw DomainException.forbidden(Messages.text("registry.export.policy-action"));
        }
        if (rows < 0 || rows > MAX_THRESHOLD) {
            throw DomainException.invalid("approvalThreshold", Messages.text("registry.export.threshold-invalid", MAX_THRESHOLD));
        }
        int before = threshold(countyCode);
        jdbc.sql("""
                insert into registry.export_policies (county_code, approval_threshold, updated_at, updated_by)
                values (:c, :t, :at, :by)
                on conflict (county_code) do update set approval_threshold = :t, updated_at = :at, updated_by = :by
                """).param("c", countyCode).param("t", rows).param("at", Timestamp.from(clock.instant()))
                .param("by", admin.id()).update();
        audit.record(AuditEvent.success("EXPORT_POLICY", "COUNTY", countyCode, countyCode)
                .withDetail("approvalThreshold=" + before + "->" + rows));
    }
}
