package cn.wushe.monitoring.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's comparison rules as settings (monitoring.rules): read by the runs, changed by the
 * county admin (MONITORING_RUN in the county) with the version read ({@code If-Match}). A county
 * outside the admin's grant does not exist (404).
 */
@Service
public class CountyRules {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    CountyRules(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    ComparisonRules of(String countyCode) {
        return jdbc.sql("select * from monitoring.rules where county_code = :county").param("county", countyCode)
                .query((rs, n) -> new ComparisonRules(countyCode, rs.getInt("max_stay_days"), rs.getBigDecimal("dibao_line_yuan"),
                        rs.getInt("policy_quiet_days"), rs.getLong("version"))).optional()
                .orElseGet(() -> ComparisonRules.defaults(countyCode));
    }

    public ComparisonRules read(Actor actor, String countyCode) {
        FeedComparison.requireCounty(actor, countyCode);
        return of(countyCode);
    }

    @Transactional
    public ComparisonRules change(Actor actor, String countyCode, int maxStayDays, BigDecimal dibaoLineYuan, int policyQuietDays,
            long expectedVersion) {
        FeedComparison.requireCounty(actor, countyCode);
        Map<String, String> errors = new LinkedHashMap<>();
        if (maxStayDays < 1 || maxStayDays > 365) {
            errors.put("maxStayDays", Messages.text("care.settings.range", 1, 365));
        }
        if (dibaoLineYuan == null || dibaoLineYuan.signum() <= 0 || dibaoLineYuan.compareTo(new BigDecimal("100000")) > 0) {
            errors.put("dibaoLineYuan", Messages.text("monitoring.rules.dibao-range"));
        }
        if (policyQuietDays < 1 || policyQuietDays > 3660) {
            errors.put("policyQuietDays", Messages.text("care.settings.range", 1, 3660));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Timestamp now = Timestamp.from(clock.instant());
        int changed = expectedVersion == 0
                ? jdbc.sql("""
                        insert into monitoring.rules (county_code, max_stay_days, dibao_line_yuan, policy_quiet_days, version,
                            changed_by, changed_at)
                        values (:county, :stay, :line, :quiet, 1, :me, :now) on conflict (county_code) do nothing""")
                        .param("county", countyCode).param("stay", maxStayDays).param("line", dibaoLineYuan)
                        .param("quiet", policyQuietDays).param("me", actor.id()).param("now", now).update()
                : jdbc.sql("""
                        update monitoring.rules set max_stay_days = :stay, dibao_line_yuan = :line, policy_quiet_days = :quiet,
                            version = version + 1, changed_by = :me, changed_at = :now
                        where county_code = :county and version = :version""")
                        .param("county", countyCode).param("stay", maxStayDays).param("line", dibaoLineYuan)
                        .param("quiet", policyQuietDays).param("me", actor.id()).param("now", now)
                        .param("version", expectedVersion).update();
        if (changed == 0) {
            throw new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("care.changed-meanwhile"));
        }
        audit.record(AuditEvent.success("MONITORING_RULES_CHANGE", "MONITORING_RULES", countyCode, countyCode)
                .withDetail("stay " + maxStayDays + " d, dibao " + dibaoLineYuan.toPlainString() + " yuan, quiet "
                        + policyQuietDays + " d"));
        return of(countyCode);
    }
}
