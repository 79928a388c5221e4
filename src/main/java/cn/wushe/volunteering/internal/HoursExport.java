package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.Text;
import cn.wushe.platform.files.SafeText;
import cn.wushe.platform.personal.Masking;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national export (全国志愿服务信息系统): a UTF-8 CSV, one row per confirmed ledger row in the
 * actor's {@code VOLUNTEER_VIEW} scope and period; identity numbers masked, in full only with
 * {@code PII_UNMASK} over every row's region and a stated reason (audited). Columns in docs/volunteering.md.
 */
@Service
public class HoursExport {

    static final int MAX_ROWS = 100_000;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditLog audit;

    HoursExport(JdbcClient jdbc, FieldCipher cipher, AuditLog audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Transactional
    public String csv(Actor actor, Instant from, Instant to, @Nullable String reason) {
        String why = Text.trimToNull(reason);
        boolean full = why != null;
        // full numbers: only the rows inside the PII_UNMASK scope (which the region roles hold where they view)
        SqlPredicate scope = ScopeFilter.predicate(actor, full ? Permission.PII_UNMASK : Permission.VOLUNTEER_VIEW,
                "h.county_code", "h.region_code");
        if (full && !actor.can(Permission.PII_UNMASK)) {
            throw DomainException.forbidden(Messages.text("volunteering.volunteer.unmask-forbidden"));
        }
        List<String[]> rows = jdbc.sql("""
                select v.real_name, v.id_type, v.id_number_enc, a.title, a.service_line, h.organizer_unit_id, h.period_start,
                    h.period_end, h.minutes, h.recorded_at
                from volunteering.hours_ledger h
                join volunteering.volunteers v on v.county_code = h.county_code and v.id = h.volunteer_id
                join volunteering.activities a on a.county_code = h.county_code and a.id = h.activity_id
                where """ + scope.sql() + """
                  and h.kind = 'CONFIRMED' and h.minutes > 0 and h.period_start >= :from and h.period_start < :to
                  and not exists (select 1 from volunteering.hours_ledger r where r.county_code = h.county_code and r.reverses_id = h.id)
                order by h.period_start, h.id limit :max""")
                .params(scope.params()).param("from", Times.ts(from)).param("to", Times.ts(to)).param("max", MAX_ROWS)
                .query((rs, i) -> {
                    String number = cipher.decrypt(rs.getString("id_number_enc"));
                    return new String[] {rs.getString("real_name"), rs.getString("id_type"),
                            full ? number : Masking.identityNumber(number), rs.getString("title"),
                            Labels.of("line", rs.getString("service_line")), rs.getString("organizer_unit_id"),
                            Times.required(rs, "period_start").toString(), Times.required(rs, "period_end").toString(),
                            HoursFormat.hours(rs.getInt("minutes")), Times.required(rs, "recorded_at").toString()};
                }).list();
        if (rows.isEmpty()) {
            throw DomainException.conflict(ProblemType.NO_CONFIRMED_HOURS, "from", Messages.text("volunteering.export.empty"));
        }
        StringBuilder csv = new StringBuilder(Messages.text("volunteering.export.header")).append("\r\n");
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append('"').append(SafeText.of(row[i]).replace("\"", "\"\"")).append('"');
            }
            csv.append("\r\n");
        }
        AuditEvent event = AuditEvent.success(full ? "VOLUNTEER_EXPORT_UNMASKED" : "VOLUNTEER_EXPORT", "VOLUNTEER", null, null)
                .withDetail(Messages.text("volunteering.audit.exported", rows.size()));
        audit.record(full ? event.withReason(why) : event);
        return csv.toString();
    }
}
