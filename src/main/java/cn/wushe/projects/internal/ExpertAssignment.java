package cn.wushe.projects.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Draws experts (专家抽取) for an application: active experts of the round's county, those of the
 * application's field first, then the least loaded (fewest open assignments), never one whose
 * employer is the applicant or was within two years (a detected conflict). A declared conflict
 * draws one substitute the same way.
 */
@Component
class ExpertAssignment {

    private final ProjectStore store;
    private final AuditLog audit;
    private final Clock clock;

    ExpertAssignment(ProjectStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    void assign(Round round, Application a) {
        for (UUID expert : candidates(round.countyCode(), a, round.expertsPerApplication())) {
            insert(a, expert);
        }
    }

    /** One more expert instead of one who declared a conflict; empty when the pool is exhausted. */
    Optional<UUID> substitute(String countyCode, Application a) {
        List<UUID> next = candidates(countyCode, a, 1);
        next.forEach(e -> insert(a, e));
        return next.stream().findFirst();
    }

    private List<UUID> candidates(String countyCode, Application a, int count) {
        LocalDate twoYearsAgo = LocalDate.ofInstant(clock.instant(), RoundManagement.CHINA).minusYears(2);
        return store.jdbc().sql("""
                select e.user_id from projects.experts e
                where e.county_code = :county and e.active
                  and e.employer_unit_id is distinct from :owner
                  and not (e.former_unit_id is not distinct from :owner and e.former_until >= :since)
                  and not exists (select 1 from projects.assignments s where s.application_id = :app and s.expert_id = e.user_id)
                order by (:field = any(e.fields)) desc,
                  (select count(*) from projects.assignments s where s.expert_id = e.user_id and s.status in ('ASSIGNED', 'CLEAR')),
                  e.user_id
                limit :count
                """).param("county", countyCode).param("owner", a.ownerUnitId()).param("since", java.sql.Date.valueOf(twoYearsAgo))
                .param("app", a.id()).param("field", a.field()).param("count", count).query(UUID.class).list();
    }

    private void insert(Application a, UUID expert) {
        store.jdbc().sql("insert into projects.assignments (application_id, expert_id, county_code, status) "
                + "values (:a, :e, :county, 'ASSIGNED')").param("a", a.id()).param("e", expert).param("county", a.countyCode())
                .update();
        audit.record(AuditEvent.success("EXPERT_ASSIGN", Transitions.OBJECT_TYPE, a.id().toString(), a.regionCode())
                .withDetail(expert.toString()));
    }
}
