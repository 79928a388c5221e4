package cn.wushe.projects.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.documents.DocumentKind;
import cn.wushe.documents.Documents;
import cn.wushe.documents.IssuedDocument;
import cn.wushe.documents.PrintedContent;
import cn.wushe.documents.PublicClaims;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.projects.InstalmentDue;
import cn.wushe.projects.ProjectConfirmed;
import cn.wushe.scheduling.DeadlineRef;
import cn.wushe.scheduling.Deadlines;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 确认立项: a recommended application becomes a project when its award can be taken from the
 * round's remaining budget in one conditional update — so k+1 concurrent confirmations on room for
 * k confirm exactly k. The same transaction lays out the instalments and reports, schedules their
 * deadlines, and publishes {@link ProjectConfirmed} (and {@link InstalmentDue} for the first share).
 */
@Service
public class Confirming {

    /** 项目协议书 */
    public static final DocumentKind AGREEMENT = DocumentKind.receipt("PROJECT_AGREEMENT");
    static final String INSTALMENT_DUE = "projects.instalment-due";

    private final ProjectStore store;
    private final Transitions transitions;
    private final Deadlines deadlines;
    private final Documents documents;
    private final ApplicationEventPublisher events;
    private final Objections objections;
    private final AuditLog audit;
    private final Clock clock;

    Confirming(ProjectStore store, Transitions transitions, Deadlines deadlines, Documents documents,
            ApplicationEventPublisher events, Objections objections, AuditLog audit, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.deadlines = deadlines;
        this.documents = documents;
        this.events = events;
        this.objections = objections;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Application confirm(Actor actor, UUID applicationId) {
        Application a = store.application(applicationId, ProjectScope.manage(actor, "a"), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
        if (a.status() != ApplicationStatus.RECOMMENDED) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.application.transition",
                    a.status().label(), ApplicationStatus.CONFIRMED.label()));
        }
        objections.requirePublicityOver(a);
        objections.requireNoOpenObjection(a.id());
        Round round = store.round(a.roundId(), ProjectScope.manage(actor, "r")).orElseThrow();
        if (!store.takeFromBudget(round.id(), a.requested())) {
            throw new DomainException(ProblemType.BUDGET_EXCEEDED, Messages.text("projects.confirm.budget",
                    Application.yuan(a.requested())));
        }
        transitions.move(a, ApplicationStatus.CONFIRMED, Map.of("awarded", a.requested()), null);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, RoundManagement.CHINA);
        List<Integer> shares = round.instalments();
        BigDecimal paidOut = BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            boolean last = i == shares.size() - 1;
            BigDecimal amount = last ? a.requested().subtract(paidOut)
                    : a.requested().multiply(BigDecimal.valueOf(shares.get(i))).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
            paidOut = paidOut.add(amount);
            LocalDate due = today.plusMonths((long) round.projectMonths() * i / Math.max(1, shares.size() - 1));
            store.jdbc().sql("insert into projects.instalments (application_id, number, county_code, amount, due_on, final, status) "
                            + "values (:a, :n, :county, :amount, :due, :final, 'PENDING')")
                    .param("a", a.id()).param("n", i + 1).param("county", a.countyCode()).param("amount", amount)
                    .param("due", java.sql.Date.valueOf(due)).param("final", last).update();
            if (i == 0) {
                events.publishEvent(new InstalmentDue(a.id(), 1, amount, a.countyCode()));
            } else if (!last) {
                deadlines.schedule(new DeadlineRef(INSTALMENT_DUE, "application", a.id() + ":" + (i + 1)),
                        due.atStartOfDay(RoundManagement.CHINA).toInstant());
            }
        }
        LocalDate mid = today.plusMonths(Math.max(1, round.projectMonths() / 2));
        LocalDate end = today.plusMonths(round.projectMonths());
        report(a, 1, "PROGRESS", mid);
        report(a, 2, "FINAL", end);
        events.publishEvent(new ProjectConfirmed(a.id(), round.id(), a.ownerUnitId(), a.countyCode(), a.requested()));
        return store.application(applicationId, ProjectScope.manage(actor, "a"), false).orElseThrow();
    }

    private void report(Application a, int number, String kind, LocalDate due) {
        store.jdbc().sql("insert into projects.reports (application_id, number, county_code, kind, due_at) "
                        + "values (:a, :n, :county, :kind, :due)")
                .param("a", a.id()).param("n", number).param("county", a.countyCode()).param("kind", kind)
                .param("due", ProjectStore.ts(due.plusDays(1).atStartOfDay(RoundManagement.CHINA).toInstant())).update();
    }

    /** The agreement (项目协议书) of a confirmed project as a PDF with a QR code; no personal data. */
    @Transactional
    public IssuedDocument agreement(Actor actor, UUID applicationId) {
        Application a = store.application(applicationId, ProjectScope.applications(actor), false)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
        if (!a.status().project()) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.agreement.not-confirmed"));
        }
        Round round = store.round(a.roundId(), cn.wushe.platform.ScopeFilter.unscoped("the round of a visible project"))
                .orElseThrow();
        String amount = Application.yuan(java.util.Objects.requireNonNull(a.awarded()));
        PublicClaims claims = new PublicClaims(a.ownerName(), List.of(
                Messages.text("projects.agreement.fact-project", a.title()),
                Messages.text("projects.agreement.fact-amount", amount)), round.funder(), round.title(), null);
        PrintedContent content = new PrintedContent(a.ownerName(), List.of(
                Messages.text("projects.agreement.body", round.funder(), a.ownerName(), a.title(), amount,
                        round.projectMonths())),
                List.of(new PrintedContent.Particular(Messages.text("projects.agreement.round"), round.title()),
                        new PrintedContent.Particular(Messages.text("projects.agreement.field"), a.field()),
                        new PrintedContent.Particular(Messages.text("projects.agreement.instalments"),
                                round.instalments().stream().map(i -> i + "%").reduce((x, y) -> x + " / " + y).orElse(""))));
        IssuedDocument issued = documents.issue(actor, AGREEMENT, a.regionCode(), claims, content);
        audit.record(AuditEvent.success("PROJECT_AGREEMENT", Transitions.OBJECT_TYPE, a.id().toString(), a.regionCode())
                .withDetail(issued.serial()));
        return issued;
    }
}
