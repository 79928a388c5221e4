package cn.wushe.care.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.calendar.WorkingCalendar;
import cn.wushe.care.AlertClosed;
import cn.wushe.identity.RoleHolders;
import cn.wushe.notifications.Notice;
import cn.wushe.notifications.Notifications;
import cn.wushe.notifications.Recipients;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.Text;
import cn.wushe.region.Grids;
import cn.wushe.scheduling.Deadlines;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts (预警→走访→处置). Raised by legwork, data comparison, 政策找人 or the system (a missed
 * visit); owned by the grid's workers ({@code region.Grids.workersOf}) or, where a grid has none,
 * the next level's role holders; due after the county's working days ({@code WorkingCalendar});
 * when overdue, handed up one level with a notice (COMMUNITY_WORKER → TOWN_STATION →
 * COUNTY_STATION). Closed with a disposition and a reason; publishes {@link AlertClosed}.
 */
@Service
public class Alerts {

    /** What raises an alert; {@code dedupKey} makes a repeated cause (a redelivered event, a re-run rule) a no-op. */
    public record AlertDraft(@Nullable UUID personId, @Nullable String subjectText, String regionCode, Alert.Source source,
            Alert.Severity severity, String summary, @Nullable String dedupKey) {
    }

    private final JdbcClient jdbc;
    private final Subjects subjects;
    private final CareSettingsStore settings;
    private final Grids grids;
    private final RoleHolders holders;
    private final WorkingCalendar calendar;
    private final Deadlines deadlines;
    private final Notifications notifications;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Alerts(JdbcClient jdbc, Subjects subjects, CareSettingsStore settings, Grids grids, RoleHolders holders,
            WorkingCalendar calendar, Deadlines deadlines, Notifications notifications, FieldCipher cipher, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.settings = settings;
        this.grids = grids;
        this.holders = holders;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Legwork (摸排) by a worker: about a person under care, or someone not registered, described in words. */
    @Transactional
    public Alert raiseFromLegwork(Actor actor, @Nullable UUID personId, @Nullable String subjectText,
            @Nullable String regionCode, Alert.Severity severity, @Nullable String summary) {
        String region;
        Map<String, String> errors = new HashMap<>();
        String text = Text.trimToNull(subjectText);
        if (personId != null) {
            Subject subject = subjects.visible(actor, personId, false).orElseThrow(() -> TierAssessment.notFound(personId));
            region = subject.regionCode();
            text = null;
        } else {
            if (text == null) {
                errors.put("subjectText", Messages.text("care.alert.subject-required"));
            } else if (text.length() > 100) {
                errors.put("subjectText", Messages.text("care.text.too-long", 100));
            }
            region = Text.trimToNull(regionCode);
            if (region == null || !region.matches("[0-9]{12}([0-9]{3})?")) {
                errors.put("regionCode", Messages.text("care.alert.region-required"));
                region = null;
            }
        }
        String what = Text.trimToNull(summary);
        if (what == null) {
            errors.put("summary", Messages.text("care.alert.summary-required"));
        } else if (what.length() > 200) {
            errors.put("summary", Messages.text("care.text.too-long", 200));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (!actor.can(Permission.CARE_VISIT, region)) {
            if (personId != null) {
                throw DomainException.forbidden(Messages.text("care.alert.action-raise"));
            }
            throw DomainException.outOfScope(Map.of("regionCode", Messages.text("care.alert.region-out-of-scope", region)));
        }
        return raise(new AlertDraft(personId, text, region, Alert.Source.LEGWORK, severity, what, null)).orElseThrow();
    }

    /** Raises an alert unless its {@code dedupKey} was raised before; joins the caller's transaction. */
    @Transactional
    public Optional<Alert> raise(AlertDraft draft) {
        Instant now = clock.instant();
        String county = draft.regionCode().substring(0, 6);
        Owners owners = owners(draft.regionCode(), AlertLevel.GRID);
        Instant due = dueFrom(now, county);
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into care.alerts (county_code, id, person_id, subject_text, region_code, source, severity, summary,
                    level, owner_ids, due_at, status, dedup_key, created_at, version)
                values (:county, :id, :person, :subject, :region, :source, :severity, :summary, :level,
                    cast(:owners as uuid[]), :due, 'OPEN', :dedup, :now, 0)
                on conflict (dedup_key) where dedup_key is not null do nothing""")
                .param("county", county).param("id", id).param("person", draft.personId())
                .param("subject", draft.subjectText() == null ? null : cipher.encrypt(draft.subjectText()))
                .param("region", draft.regionCode()).param("source", draft.source().name())
                .param("severity", draft.severity().name()).param("summary", draft.summary())
                .param("level", owners.level().name()).param("owners", ids(owners.users()))
                .param("due", Timestamp.from(due)).param("dedup", draft.dedupKey()).param("now", Timestamp.from(now))
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        deadlines.schedule(CareDeadlines.alertDue(id), due);
        notify(owners.users(), CareNotices.ALERT_NEW, Messages.text("care.notice.alert-new.title", draft.source().label()),
                Messages.text("care.notice.alert-new.text", draft.severity().label()), id, draft.regionCode());
        audit.record(AuditEvent.success("CARE_ALERT_RAISE", "CARE_ALERT", id.toString(), draft.regionCode())
                .withDetail(draft.source().name() + " " + draft.severity().name()));
        return find(id);
    }

    /**
     * Raises many system alerts at once (a department's file, 政策找人): the same rows, owners and
     * deadlines as {@link #raise}, written in one statement and one deadline batch; each owner hears
     * once per batch how many new alerts await them, and one audit entry per county records the batch.
     * Drafts whose {@code dedupKey} was raised before are skipped. Joins the caller's transaction.
     *
     * @return how many alerts were raised
     */
    @Transactional
    public int raiseAll(List<AlertDraft> drafts) {
        if (drafts.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<String, Instant> dueByCounty = new HashMap<>();
        Map<String, Owners> ownersByRegion = new HashMap<>();
        int n = drafts.size();
        String[] ids = new String[n];
        String[] counties = new String[n];
        String[] owners = new String[n];
        String[] levels = new String[n];
        String[] dues = new String[n];
        for (int i = 0; i < n; i++) {
            AlertDraft d = drafts.get(i);
            String county = d.regionCode().substring(0, 6);
            Owners o = ownersByRegion.computeIfAbsent(d.regionCode(), r -> owners(r, AlertLevel.GRID));
            Instant due = dueByCounty.computeIfAbsent(county, c -> dueFrom(now, c));
            ids[i] = UUID.randomUUID().toString();
            counties[i] = county;
            owners[i] = String.join(",", ids(o.users()));
            levels[i] = o.level().name();
            dues[i] = due.toString();
        }
        record Raised(UUID id, String county, String region, Instant due, String owners) {
        }
        List<Raised> raised = jdbc.sql("""
                insert into care.alerts (county_code, id, person_id, subject_text, region_code, source, severity, summary,
                    level, owner_ids, due_at, status, dedup_key, created_at, version)
                select d.county, d.id, d.person, null, d.region, d.source, d.severity, d.summary, d.level,
                    coalesce(cast(string_to_array(nullif(d.owners, ''), ',') as uuid[]), '{}'), d.due, 'OPEN', d.dedup, :now, 0
                from unnest(cast(:county as text[]), cast(:id as uuid[]), cast(:person as uuid[]), cast(:region as text[]),
                    cast(:source as text[]), cast(:severity as text[]), cast(:summary as text[]), cast(:level as text[]),
                    cast(:owners as text[]), cast(cast(:due as text[]) as timestamptz[]), cast(:dedup as text[]))
                    as d(county, id, person, region, source, severity, summary, level, owners, due, dedup)
                on conflict (dedup_key) where dedup_key is not null do nothing
                returning id, county_code, region_code, due_at, array_to_string(owner_ids, ',')""")
                .param("county", counties).param("id", ids)
                .param("person", drafts.stream().map(d -> d.personId() == null ? null : d.personId().toString()).toArray(String[]::new))
                .param("region", drafts.stream().map(AlertDraft::regionCode).toArray(String[]::new))
                .param("source", drafts.stream().map(d -> d.source().name()).toArray(String[]::new))
                .param("severity", drafts.stream().map(d -> d.severity().name()).toArray(String[]::new))
                .param("summary", drafts.stream().map(AlertDraft::summary).toArray(String[]::new))
                .param("level", levels).param("owners", owners).param("due", dues)
                .param("dedup", drafts.stream().map(AlertDraft::dedupKey).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .query((rs, i) -> new Raised(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
        Map<cn.wushe.scheduling.DeadlineRef, Instant> deadlinesDue = new HashMap<>();
        raised.forEach(r -> deadlinesDue.put(CareDeadlines.alertDue(r.id()), r.due()));
        deadlines.scheduleNew(deadlinesDue);
        String source = drafts.getFirst().source().label();
        raised.stream().filter(r -> !r.owners().isEmpty())
                .collect(java.util.stream.Collectors.groupingBy(Raised::owners, java.util.stream.Collectors.toList()))
                .forEach((ownerList, theirs) -> notifications.send(new Notice(
                        Recipients.users(java.util.Arrays.stream(ownerList.split(",")).map(UUID::fromString).toList()), CareNotices.ALERT_NEW,
                        Messages.text("care.notice.alerts-new.title", source, theirs.size()),
                        Messages.text("care.notice.alerts-new.text", theirs.size()), "/care/alerts", theirs.getFirst().region())));
        raised.stream().collect(java.util.stream.Collectors.groupingBy(Raised::county, java.util.stream.Collectors.counting()))
                .forEach((county, count) -> audit.record(new AuditEvent("CARE_ALERT_RAISE", "CARE_ALERT", "batch", county,
                        AuditEvent.Outcome.SUCCESS, null, drafts.getFirst().source().name() + " batch of " + count, "system:care")));
        return raised.size();
    }

    /**
     * The alert's time at its level ran out: hand it to the next level (or keep it at the county, the
     * last) with a new deadline and a notice. Idempotent: a redelivered firing for a due time the alert
     * has left changes nothing.
     */
    @Transactional
    public boolean escalate(UUID alertId, Instant dueAt) {
        Optional<Alert> found = jdbc.sql("select * from care.alerts where id = :id for update").param("id", alertId)
                .query(this::row).optional();
        if (found.isEmpty()) {
            return false;
        }
        Alert alert = found.get();
        if (alert.status() == Alert.Status.CLOSED || !alert.dueAt().equals(dueAt)) {
            return false;
        }
        Optional<AlertLevel> next = alert.level().next();
        if (next.isEmpty()) {
            return false;
        }
        Owners owners = owners(alert.regionCode(), next.get());
        Instant now = clock.instant();
        Instant due = dueFrom(now, alert.countyCode());
        jdbc.sql("""
                update care.alerts set level = :level, owner_ids = cast(:owners as uuid[]), due_at = :due, version = version + 1
                where county_code = :county and id = :id""")
                .param("level", owners.level().name()).param("owners", ids(owners.users())).param("due", Timestamp.from(due))
                .param("county", alert.countyCode()).param("id", alertId).update();
        deadlines.schedule(CareDeadlines.alertDue(alertId), due);
        notify(owners.users(), CareNotices.ALERT_ESCALATED,
                Messages.text("care.notice.alert-escalated.title", owners.level().label()),
                Messages.text("care.notice.alert-escalated.text", alert.source().label()), alertId, alert.regionCode());
        audit.record(new AuditEvent("CARE_ALERT_ESCALATE", "CARE_ALERT", alertId.toString(), alert.regionCode(),
                AuditEvent.Outcome.SUCCESS, null, alert.level().name() + " → " + owners.level().name(), "system:care"));
        return true;
    }

    /** 走访: someone went to see; the alert stays open until its disposition. */
    @Transactional
    public Alert markVisited(Actor actor, UUID alertId, long expectedVersion) {
        Alert alert = visibleForAction(actor, alertId);
        if (alert.status() != Alert.Status.OPEN) {
            throw DomainException.conflict(ProblemType.CONCURRENT_MODIFICATION, "status", Messages.text("care.alert.not-open"));
        }
        update(alert, expectedVersion, "status = 'VISITED'", Map.of());
        audit.record(AuditEvent.success("CARE_ALERT_VISIT", "CARE_ALERT", alertId.toString(), alert.regionCode()));
        return find(alertId).orElseThrow();
    }

    /** 处置: closes the alert with a disposition and the reason for it. */
    @Transactional
    public Alert close(Actor actor, UUID alertId, Alert.@Nullable Disposition disposition, @Nullable String reason,
            long expectedVersion) {
        Alert alert = visibleForAction(actor, alertId);
        Map<String, String> errors = new HashMap<>();
        if (disposition == null) {
            errors.put("disposition", Messages.text("care.alert.disposition-required"));
        }
        String why = Text.trimToNull(reason);
        if (why == null) {
            errors.put("reason", Messages.text("care.alert.reason-required"));
        } else if (why.length() > 500) {
            errors.put("reason", Messages.text("care.text.too-long", 500));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (alert.status() == Alert.Status.CLOSED) {
            throw DomainException.conflict(ProblemType.CONCURRENT_MODIFICATION, "status", Messages.text("care.alert.closed"));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("disposition", disposition.name());
        params.put("reason", why);
        params.put("now", Timestamp.from(clock.instant()));
        params.put("by", actor.id());
        update(alert, expectedVersion, "status = 'CLOSED', disposition = :disposition, close_reason = :reason, "
                + "closed_at = :now, closed_by = :by", params);
        deadlines.cancel(CareDeadlines.alertDue(alertId));
        audit.record(AuditEvent.success("CARE_ALERT_CLOSE", "CARE_ALERT", alertId.toString(), alert.regionCode())
                .withReason(why).withDetail(disposition.name()));
        events.publishEvent(new AlertClosed(alertId, alert.personId(), alert.countyCode(), alert.regionCode(),
                alert.source().name(), disposition.name()));
        return find(alertId).orElseThrow();
    }

    public Optional<Alert> find(UUID id) {
        return jdbc.sql("select * from care.alerts where id = :id").param("id", id).query(this::row).optional();
    }

    /** The alert if the actor sees its region (CARE_VIEW) or owns it. */
    public Optional<Alert> visible(Actor actor, UUID id) {
        SqlPredicate scope = alertScope(actor);
        return jdbc.sql("select a.* from care.alerts a where a.id = :id and " + scope.sql())
                .params(scope.params()).param("id", id).query(this::row).optional();
    }

    public Page<Alert> list(Actor actor, boolean openOnly, int page, int size) {
        SqlPredicate scope = alertScope(actor);
        String where = " where " + scope.sql() + (openOnly ? " and a.status <> 'CLOSED'" : "");
        long total = jdbc.sql("select count(*) from care.alerts a" + where).params(scope.params()).query(Long.class).single();
        List<Alert> items = jdbc.sql("select a.* from care.alerts a" + where
                        + " order by (a.status = 'CLOSED'), a.due_at, a.id limit :limit offset :offset")
                .params(scope.params()).param("limit", size).param("offset", (long) page * size).query(this::row).list();
        return Page.counted(items, total, page, size);
    }

    public List<Alert> ofPerson(UUID personId) {
        return jdbc.sql("select * from care.alerts where person_id = :person order by created_at desc limit 50")
                .param("person", personId).query(this::row).list();
    }

    /** May act on (visit, close) the alert: an owner, or CARE_MANAGE over its region. */
    public static boolean mayAct(Actor actor, Alert alert) {
        return alert.owners().contains(actor.id()) || actor.can(Permission.CARE_MANAGE, alert.regionCode());
    }

    private Alert visibleForAction(Actor actor, UUID alertId) {
        Alert alert = visible(actor, alertId).orElseThrow(() -> DomainException.notFound(Messages.text("care.subject.alert")));
        if (!mayAct(actor, alert)) {
            throw DomainException.forbidden(Messages.text("care.alert.action-handle"));
        }
        return alert;
    }

    private void update(Alert alert, long expectedVersion, String set, Map<String, Object> params) {
        int updated = jdbc.sql("update care.alerts set " + set + ", version = version + 1 "
                        + "where county_code = :county and id = :id and version = :version")
                .params(params).param("county", alert.countyCode()).param("id", alert.id()).param("version", expectedVersion)
                .update();
        if (updated == 0) {
            throw new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("care.changed-meanwhile"));
        }
    }

    private static SqlPredicate alertScope(Actor actor) {
        SqlPredicate region = actor.can(Permission.CARE_VIEW)
                ? ScopeFilter.predicate(actor, Permission.CARE_VIEW, "a.county_code", "a.region_code")
                : ScopeFilter.predicate(actor, Permission.CARE_VISIT, "a.county_code", "a.region_code");
        SqlPredicate own = new SqlPredicate(":care_me = any(a.owner_ids)", Map.of("care_me", actor.id()));
        return new SqlPredicate("(" + region.sql() + " or " + own.sql() + ")", merge(region, own));
    }

    private static Map<String, Object> merge(SqlPredicate a, SqlPredicate b) {
        Map<String, Object> all = new HashMap<>(a.params());
        all.putAll(b.params());
        return all;
    }

    /** Who owns an alert at {@code from} or, where nobody holds that level, the next level up. */
    private Owners owners(String regionCode, AlertLevel from) {
        for (AlertLevel level = from; ; level = level.next().orElseThrow()) {
            Optional<String> code = level.regionOf(regionCode);
            if (code.isPresent()) {
                List<UUID> users = level == AlertLevel.GRID ? grids.workersOf(code.get()) : holders.holding(level.role(), code.get());
                if (!users.isEmpty() || level == AlertLevel.COUNTY) {
                    return new Owners(level, users);
                }
            }
            if (level == AlertLevel.COUNTY) {
                return new Owners(level, List.of());
            }
        }
    }

    /** An alert's time at a level: the county's working days from {@code now}, to the second. */
    private Instant dueFrom(Instant now, String county) {
        return calendar.addWorkingDays(now, settings.of(county).alertWorkingDays(), county).truncatedTo(ChronoUnit.SECONDS);
    }

    private record Owners(AlertLevel level, List<UUID> users) {
    }

    private void notify(List<UUID> users, cn.wushe.notifications.NoticeKind kind, String title, String text, UUID alertId,
            String regionCode) {
        if (!users.isEmpty()) {
            notifications.send(new Notice(Recipients.users(users), kind, title, text, "/care/alerts/" + alertId, regionCode));
        }
    }

    private static String[] ids(List<UUID> users) {
        return users.stream().map(UUID::toString).toArray(String[]::new);
    }

    private Alert row(ResultSet rs, int n) throws SQLException {
        List<UUID> owners = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray("owner_ids").getArray()) {
            owners.add((UUID) o);
        }
        String subject = rs.getString("subject_text");
        String disposition = rs.getString("disposition");
        return new Alert(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                subject == null ? null : cipher.decrypt(subject), rs.getString("county_code"), rs.getString("region_code"),
                Alert.Source.valueOf(rs.getString("source")), Alert.Severity.valueOf(rs.getString("severity")),
                rs.getString("summary"), AlertLevel.valueOf(rs.getString("level")), owners,
                rs.getTimestamp("due_at").toInstant(), Alert.Status.valueOf(rs.getString("status")),
                disposition == null ? null : Alert.Disposition.valueOf(disposition), rs.getString("close_reason"),
                Subjects.instant(rs, "closed_at"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }

    /** Open alerts a user owns, and how many of them are past their due time (the 待办 count). */
    public record Owned(long open, long overdue) {
    }

    public Owned ownedBy(UUID user, Instant now) {
        return jdbc.sql("""
                select count(*), count(*) filter (where due_at < :now) from care.alerts
                where status <> 'CLOSED' and :me = any(owner_ids)""")
                .param("me", user).param("now", java.sql.Timestamp.from(now))
                .query((rs, n) -> new Owned(rs.getLong(1), rs.getLong(2))).single();
    }
}
