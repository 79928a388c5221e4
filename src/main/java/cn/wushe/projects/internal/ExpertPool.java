package cn.wushe.projects.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert pool (专家库) of a county: reviewers' accounts with their fields and employer (the
 * employer and a former one decide detected conflicts), entered and retired with a reason; phone
 * and bank account stored encrypted only.
 */
@Service
public class ExpertPool {

    private final ProjectStore store;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    ExpertPool(ProjectStore store, FieldCipher cipher, AuditLog audit, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public record Expert(UUID userId, String name, List<String> fields, String employer, boolean active) {
    }

    /** Enters a reviewer account into the county's pool (ROUND_MANAGE over the county). */
    @Transactional
    public void enter(Actor actor, String countyCode, UUID userId, String name, List<String> fields, String employer,
            @Nullable UUID employerUnitId, @Nullable UUID formerUnitId, @Nullable LocalDate formerUntil,
            @Nullable String phone, @Nullable String bankAccount) {
        if (!actor.can(Permission.ROUND_MANAGE, countyCode)) {
            throw DomainException.outOfScope(Map.of("countyCode", Messages.text("projects.round.region-out-of-scope")));
        }
        if (Text.trimToNull(name) == null || fields.isEmpty() || Text.trimToNull(employer) == null) {
            throw DomainException.invalid("fields", Messages.text("projects.expert.fields"));
        }
        store.jdbc().sql("""
                insert into projects.experts (user_id, county_code, name, fields, employer, employer_unit_id, former_unit_id,
                    former_until, phone_cipher, bank_cipher, active, created_at)
                values (:u, :county, :name, cast(:fields as text[]), :employer, :eu, :fu, :until, :phone, :bank, true, :at)
                on conflict (user_id) do update set fields = excluded.fields, employer = excluded.employer,
                    employer_unit_id = excluded.employer_unit_id, former_unit_id = excluded.former_unit_id,
                    former_until = excluded.former_until, active = true, exit_reason = null
                """).param("u", userId).param("county", countyCode).param("name", name.strip())
                .param("fields", fields.toArray(String[]::new)).param("employer", employer.strip()).param("eu", employerUnitId)
                .param("fu", formerUnitId).param("until", formerUntil == null ? null : java.sql.Date.valueOf(formerUntil))
                .param("phone", Text.trimToNull(phone) == null ? null : cipher.encrypt(phone.strip()))
                .param("bank", Text.trimToNull(bankAccount) == null ? null : cipher.encrypt(bankAccount.strip()))
                .param("at", ProjectStore.ts(clock.instant())).update();
        audit.record(AuditEvent.success("EXPERT_ENTER", "EXPERT", userId.toString(), countyCode));
    }

    /** Retires an expert from the pool with a reason; open assignments stay (a substitute is drawn on conflict only). */
    @Transactional
    public void exit(Actor actor, UUID userId, @Nullable String reason) {
        String county = store.jdbc().sql("select county_code from projects.experts where user_id = :u").param("u", userId)
                .query(String.class).optional().filter(c -> actor.can(Permission.ROUND_MANAGE, c))
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.expert.subject")));
        if (Text.trimToNull(reason) == null) {
            throw DomainException.invalid("reason", Messages.text("projects.expert.reason"));
        }
        store.jdbc().sql("update projects.experts set active = false, exit_reason = :r where user_id = :u")
                .param("r", reason.strip()).param("u", userId).update();
        audit.record(AuditEvent.success("EXPERT_EXIT", "EXPERT", userId.toString(), county).withReason(reason.strip()));
    }

    public List<Expert> pool(Actor actor) {
        var scope = cn.wushe.platform.ScopeFilter.predicate(actor, Permission.ROUND_MANAGE, "e.county_code", "e.county_code");
        return store.jdbc().sql("select user_id, name, fields, employer, active from projects.experts e where " + scope.sql()
                        + " order by active desc, name").params(scope.params())
                .query((rs, n) -> new Expert(rs.getObject(1, UUID.class), rs.getString(2), ProjectStore.strings(rs.getArray(3)),
                        rs.getString(4), rs.getBoolean(5))).list();
    }
}
