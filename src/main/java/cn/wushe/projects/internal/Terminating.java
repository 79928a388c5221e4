package cn.wushe.projects.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.identity.StaffDirectory;
import cn.wushe.notifications.Notice;
import cn.wushe.notifications.Notifications;
import cn.wushe.notifications.Recipients;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineHandler;
import cn.wushe.scheduling.DeadlineRef;
import cn.wushe.scheduling.Deadlines;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 终止 with 追回: the bureau ends a running project with a reason. What was paid out but not justified
 * by the organization's reported spending becomes an amount to recover (追回) by a due date (a
 * scheduling deadline); the unpaid rest of the award goes back to the round's remaining budget at
 * once, and each receipt of recovered money (one or more, until settled) goes back too. An
 * unsettled recovery past its due date notifies the round's managers.
 */
@Service
public class Terminating implements DeadlineHandler {

    static final String RECOVERY_DUE = "projects.recovery-due";
    private static final int LONGEST_RECOVERY_DAYS = 366;

    private final ProjectStore store;
    private final Transitions transitions;
    private final Implementing implementing;
    private final Deadlines deadlines;
    private final Notifications notifications;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Clock clock;

    Terminating(ProjectStore store, Transitions transitions, Implementing implementing, Deadlines deadlines,
            Notifications notifications, StaffDirectory staff, AuditLog audit, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.implementing = implementing;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** A receipt of recovered money (追回到账): amount, day received, the bank or voucher reference. */
    public record Receipt(int number, BigDecimal amount, LocalDate receivedOn, String reference, Instant recordedAt) {
    }

    /**
     * A terminated project's account: what was paid, what the reports justified, what is to be
     * recovered by when and what came back so far.
     */
    public record Termination(String reason, LocalDate terminatedOn, BigDecimal paid, BigDecimal justified,
            BigDecimal toRecover, BigDecimal recovered, @Nullable LocalDate dueOn, @Nullable Instant settledAt,
            boolean overdue, List<Receipt> receipts) {

        public BigDecimal outstanding() {
            return toRecover.subtract(recovered);
        }

        public boolean settled() {
            return outstanding().signum() == 0;
        }
    }

    /** Recovery totals of a round: what terminated projects owe and what came back (already in its remaining budget). */
    public record RoundRecovery(BigDecimal toRecover, BigDecimal recovered, int terminated) {
    }

    /** The termination of a project the caller has already been allowed to read. */
    public Optional<Termination> termination(UUID applicationId) {
        LocalDate today = today();
        return store.jdbc().sql("select * from projects.terminations where application_id = :a").param("a", applicationId)
                .query((rs, n) -> termination(rs, today)).optional()
                .map(t -> new Termination(t.reason(), t.terminatedOn(), t.paid(), t.justified(), t.toRecover(),
                        t.recovered(), t.dueOn(), t.settledAt(), t.overdue(), receipts(applicationId)));
    }

    public RoundRecovery roundRecovery(UUID roundId) {
        return store.jdbc().sql("""
                select coalesce(sum(t.to_recover), 0), coalesce(sum(t.recovered), 0), count(*)
                from projects.terminations t join projects.applications a on a.id = t.application_id
                where a.round_id = :r""").param("r", roundId)
                .query((rs, n) -> new RoundRecovery(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getInt(3))).single();
    }

    /**
     * Terminates a running (CONFIRMED) project. The amount to recover is what was paid minus what
     * the submitted reports justify (their highest reported spending); when it is above zero a due
     * date after today (within a year) is required. Unpaid instalments are cancelled and their share
     * of the award returns to the round's budget in the same transaction.
     */
    @Transactional
    public Termination terminate(Actor actor, UUID id, @Nullable String reason, @Nullable LocalDate dueOn) {
        Application a = store.application(id, ProjectScope.manage(actor, "a"), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
        if (a.status() != ApplicationStatus.CONFIRMED) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.terminate.not-running",
                    a.status().label()));
        }
        BigDecimal paid = implementing.instalments(id).stream().filter(i -> i.status().equals("PAID"))
                .map(Implementing.Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal justified = implementing.reports(id).stream().filter(r -> r.submittedAt() != null && r.spent() != null)
                .map(Implementing.Report::spent).reduce(BigDecimal.ZERO, BigDecimal::max).min(paid);
        BigDecimal toRecover = paid.subtract(justified);
        String why = Text.trimToNull(reason);
        LocalDate today = today();
        Map<String, String> errors = new LinkedHashMap<>();
        if (why == null || why.length() < 4 || why.length() > 500) {
            errors.put("reason", Messages.text("projects.terminate.reason"));
        }
        if (toRecover.signum() > 0 && (dueOn == null || !dueOn.isAfter(today)
                || dueOn.isAfter(today.plusDays(LONGEST_RECOVERY_DAYS)))) {
            errors.put("dueOn", Messages.text("projects.terminate.due-on", Application.yuan(toRecover)));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        LocalDate due = toRecover.signum() > 0 ? dueOn : null;
        transitions.move(a, ApplicationStatus.TERMINATED, Map.of(), why);
        List<Integer> unpaid = implementing.instalments(id).stream().filter(i -> !i.status().equals("PAID"))
                .map(Implementing.Instalment::number).toList();
        store.jdbc().sql("update projects.instalments set status = 'CANCELLED' where application_id = :a and status <> 'PAID'")
                .param("a", id).update();
        unpaid.forEach(n -> deadlines.cancel(new DeadlineRef(Confirming.INSTALMENT_DUE, "application", id + ":" + n)));
        BigDecimal released = a.awarded() == null ? BigDecimal.ZERO : a.awarded().subtract(paid);
        giveBack(a.roundId(), released);
        store.jdbc().sql("""
                insert into projects.terminations (application_id, county_code, reason, terminated_on, paid, justified,
                    to_recover, recovered, due_on, settled_at, created_at)
                values (:a, :c, :reason, :today, :paid, :justified, :toRecover, 0, :due, :settled, :at)""")
                .param("a", id).param("c", a.countyCode()).param("reason", why).param("today", today)
                .param("paid", paid).param("justified", justified).param("toRecover", toRecover).param("due", due)
                .param("settled", toRecover.signum() > 0 ? null : ProjectStore.ts(clock.instant()))
                .param("at", ProjectStore.ts(clock.instant())).update();
        if (due != null) {
            deadlines.schedule(recoveryDeadline(id), endOf(due));
        }
        audit.record(AuditEvent.success("PROJECT_TERMINATE", Transitions.OBJECT_TYPE, id.toString(), a.regionCode())
                .withDetail(toRecover.toPlainString()).withReason(why));
        return termination(id).orElseThrow();
    }

    /**
     * Records money recovered (one receipt; several until settled). It may not exceed what is still
     * owed, nor be dated in the future or before the termination. The money goes back to the
     * round's remaining budget; the last receipt settles the recovery and cancels its deadline.
     */
    @Transactional
    public Termination recordReceipt(Actor actor, UUID id, @Nullable BigDecimal amount, @Nullable LocalDate receivedOn,
            @Nullable String reference) {
        Application a = store.application(id, ProjectScope.manage(actor, "a"), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("projects.application.subject")));
        Termination t = termination(id).filter(x -> !x.settled())
                .orElseThrow(() -> new DomainException(ProblemType.APPLICATION_STATUS,
                        Messages.text("projects.recovery.nothing-owed")));
        String ref = Text.trimToNull(reference);
        Map<String, String> errors = new LinkedHashMap<>();
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(t.outstanding()) > 0) {
            errors.put("amount", Messages.text("projects.recovery.amount", Application.yuan(t.outstanding())));
        }
        if (receivedOn == null || receivedOn.isAfter(today()) || receivedOn.isBefore(t.terminatedOn())) {
            errors.put("receivedOn", Messages.text("projects.recovery.received-on", t.terminatedOn()));
        }
        if (ref == null || ref.length() < 2 || ref.length() > 60) {
            errors.put("reference", Messages.text("projects.recovery.reference"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Instant now = clock.instant();
        // conditional on what is owed now, so two clerks recording at once never recover more than owed
        int rows = store.jdbc().sql("""
                update projects.terminations set recovered = recovered + :x,
                    settled_at = case when recovered + :x = to_recover then cast(:at as timestamptz) end
                where application_id = :a and settled_at is null and recovered + :x <= to_recover""")
                .param("x", amount).param("at", ProjectStore.ts(now)).param("a", id).update();
        if (rows != 1) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.application.changed-meanwhile"));
        }
        int number = t.receipts().size() + 1;
        store.jdbc().sql("""
                insert into projects.recovery_receipts (application_id, number, county_code, amount, received_on, reference,
                    recorded_by, created_at)
                values (:a, :n, :c, :amount, :on, :ref, :by, :at)""")
                .param("a", id).param("n", number).param("c", a.countyCode()).param("amount", amount)
                .param("on", receivedOn).param("ref", ref).param("by", actor.id()).param("at", ProjectStore.ts(now)).update();
        giveBack(a.roundId(), amount);
        Termination after = termination(id).orElseThrow();
        if (after.settled()) {
            deadlines.cancel(recoveryDeadline(id));
        }
        audit.record(AuditEvent.success("RECOVERY_RECEIPT", Transitions.OBJECT_TYPE, id.toString(), a.regionCode())
                .withDetail(number + ":" + amount.toPlainString()));
        return after;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(RECOVERY_DUE);
    }

    /** The recovery's due date passed: when money is still owed, the round's managers are told. Idempotent. */
    @Override
    @Transactional
    public void onDue(DeadlineDue due) {
        if (!due.is(RECOVERY_DUE)) {
            return;
        }
        UUID id = UUID.fromString(due.deadline().objectId());
        Application a = store.application(id, ScopeFilter.unscoped("a deadline of this project fired"), false).orElse(null);
        Termination t = termination(id).orElse(null);
        if (a == null || t == null || t.settled()) {
            return;
        }
        int marked = store.jdbc().sql("update projects.terminations set overdue_notified_at = :at "
                        + "where application_id = :a and overdue_notified_at is null")
                .param("at", ProjectStore.ts(clock.instant())).param("a", id).update();
        if (marked != 1) {
            return;
        }
        Round round = store.round(a.roundId(), ScopeFilter.unscoped("the round of a project whose deadline fired"))
                .orElseThrow();
        List<UUID> managers = new ArrayList<>(staff.holdersAt(round.regionCode(), Permission.ROUND_MANAGE));
        if (managers.isEmpty() && !round.regionCode().equals(round.countyCode())) {
            managers.addAll(staff.holdersAt(round.countyCode(), Permission.ROUND_MANAGE));
        }
        if (!managers.isEmpty()) {
            notifications.send(new Notice(Recipients.users(managers), ProjectNoticeKinds.RECOVERY_OVERDUE,
                    Messages.text("projects.notice.recovery-overdue-title", a.title()),
                    Messages.text("projects.notice.recovery-overdue-text", a.ownerName(), Application.yuan(t.outstanding()),
                            t.dueOn()),
                    "/projects/" + id, a.regionCode()));
        }
        audit.record(AuditEvent.success("RECOVERY_OVERDUE", Transitions.OBJECT_TYPE, id.toString(), a.regionCode())
                .withDetail(t.outstanding().toPlainString()).byActor("system"));
    }

    private void giveBack(UUID roundId, BigDecimal amount) {
        if (amount.signum() > 0) {
            store.jdbc().sql("update projects.rounds set budget_remaining = least(budget_total, budget_remaining + :x), "
                    + "version = version + 1 where id = :r").param("x", amount).param("r", roundId).update();
        }
    }

    private List<Receipt> receipts(UUID id) {
        return store.jdbc().sql("select number, amount, received_on, reference, created_at from projects.recovery_receipts "
                        + "where application_id = :a order by number").param("a", id)
                .query((rs, n) -> new Receipt(rs.getInt(1), rs.getBigDecimal(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).list();
    }

    private static Termination termination(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        Instant settled = ProjectStore.instant(rs.getTimestamp("settled_at"));
        return new Termination(rs.getString("reason"), rs.getObject("terminated_on", LocalDate.class), rs.getBigDecimal("paid"),
                rs.getBigDecimal("justified"), rs.getBigDecimal("to_recover"), rs.getBigDecimal("recovered"), due, settled,
                settled == null && due != null && due.isBefore(today), List.of());
    }

    static DeadlineRef recoveryDeadline(UUID id) {
        return new DeadlineRef(RECOVERY_DUE, "application", id.toString());
    }

    /** The end of the due day in China: the money may still come in that day. */
    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(RoundManagement.CHINA).toInstant();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(RoundManagement.CHINA));
    }
}
