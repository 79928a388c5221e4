package cn.wushe.registry.exports;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.identity.RoleHolders;
import cn.wushe.notifications.Notice;
import cn.wushe.notifications.NoticeKind;
import cn.wushe.notifications.NoticeKindContributor;
import cn.wushe.notifications.Notifications;
import cn.wushe.notifications.Recipients;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.personal.Sex;
import cn.wushe.registry.internal.PersonFilter;
import cn.wushe.registry.internal.PersonLists;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four-eyes export (双人审批, security.md check 23): an unmasked export larger than the county's
 * size ({@link ExportPolicies}) is requested with a reason, approved or rejected by another person
 * who may unmask and export at the request's region or above, and then downloaded once by the
 * requester before it expires. Requests are visible to approvers inside their PII_UNMASK and
 * PERSON_EXPORT scopes only (404 elsewhere); every step is audited, refusals by the request layer.
 */
@Service
public class ExportApprovals {

    /** How long a request waits for a decision. */
    public static final Duration DECISION_WINDOW = Duration.ofDays(3);
    /** How long an approved export may be downloaded. */
    public static final Duration DOWNLOAD_WINDOW = Duration.ofHours(24);
    static final int NOTE_MAX = 200;

    public enum Status {
        PENDING, APPROVED, REJECTED, DOWNLOADED, EXPIRED;

        public String label() {
            return Messages.text(switch (this) {
                case PENDING -> "registry.export-request.status.PENDING";
                case APPROVED -> "registry.export-request.status.APPROVED";
                case REJECTED -> "registry.export-request.status.REJECTED";
                case DOWNLOADED -> "registry.export-request.status.DOWNLOADED";
                case EXPIRED -> "registry.export-request.status.EXPIRED";
            });
        }
    }

    /** A request as its requester and approvers see it; the name filter only as "有" (it is personal data). */
    public record ExportRequest(UUID id, String countyCode, String regionCode, UUID requestedBy, String requestedByName,
            String reason, long rowCount, Status status, Instant createdAt, Instant expiresAt,
            @Nullable String decidedByName, @Nullable Instant decidedAt, @Nullable String decisionNote,
            @Nullable Instant downloadedAt, String filterDescription) {
    }

    private final JdbcClient jdbc;
    private final PersonLists lists;
    private final ExportingRoster roster;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;
    private final RoleHolders holders;
    private final Notifications notifications;

    /** Tells the approvers a request waits for them (the 待办 tile shows it too, but only once they look). */
    public static final NoticeKind AWAITING_DECISION = NoticeKind.mandatory("registry.export-awaiting-decision",
            "registry.notice.export-awaiting-decision");

    ExportApprovals(JdbcClient jdbc, PersonLists lists, ExportingRoster roster, FieldCipher cipher, AuditLog audit, Clock clock,
            RoleHolders holders, Notifications notifications) {
        this.holders = holders;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.lists = lists;
        this.roster = roster;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Files a request for the unmasked export of {@code filter} with {@code reason}.
     *
     * @throws DomainException 403 without PII_UNMASK, 400 for a missing or short reason
     */
    @Transactional
    public ExportRequest request(Actor actor, PersonFilter filter, @Nullable String reason) {
        roster.checkReason(actor, new ExportingRoster.Request(filter, true, reason));
        String stated = reason == null ? "" : reason.strip();
        long rows = lists.countForExport(actor, filter);
        String region = regionOf(actor, filter);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into registry.export_requests (id, county_code, region_code, requested_by, requested_by_name, reason,
                    row_count, filter_region, filter_category, filter_age_min, filter_age_max, filter_sex, filter_disability,
                    filter_disability_type, filter_name_enc, status, created_at, expires_at)
                values (:id, :county, :region, :by, :byName, :reason, :rows, :fRegion, :fCategory, :fAgeMin, :fAgeMax, :fSex,
                    :fDisability, :fDisabilityType, :fName, 'PENDING', :now, :expires)
                """)
                .param("id", id).param("county", region.substring(0, 6)).param("region", region).param("by", actor.id())
                .param("byName", actor.displayName()).param("reason", stated).param("rows", rows)
                .param("fRegion", filter.regionCode()).param("fCategory", filter.category())
                .param("fAgeMin", filter.ageMin()).param("fAgeMax", filter.ageMax())
                .param("fSex", filter.sex() == null ? null : filter.sex().name()).param("fDisability", filter.disability())
                .param("fDisabilityType", filter.disabilityType())
                .param("fName", filter.name() == null ? null : cipher.encrypt(filter.name()))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(DECISION_WINDOW))).update();
        audit.record(AuditEvent.success("EXPORT_REQUESTED", "EXPORT_REQUEST", id.toString(), region).withReason(stated)
                .withDetail("rows=" + rows + ",filter=" + ExportingRoster.describe(filter)));
        List<UUID> approvers = holders.reaching(java.util.Set.of(Permission.PII_UNMASK, Permission.PERSON_EXPORT), region).stream()
                .filter(u -> !u.equals(actor.id())).toList();
        if (!approvers.isEmpty()) {
            notifications.send(new Notice(Recipients.users(approvers), AWAITING_DECISION,
                    Messages.text("registry.notice.export-awaiting-decision.title", rows),
                    Messages.text("registry.notice.export-awaiting-decision.text", actor.displayName(), rows),
                    "/people/export-requests", region));
        }
        return find(id, ScopeFilter.unscoped("the requester's own request, just written inside their export scope"));
    }

    /** The actor's own requests, newest first. */
    @Transactional(readOnly = true)
    public List<ExportRequest> mine(Actor actor) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.PERSON_EXPORT, "county_code", "region_code");
        return jdbc.sql("select * from registry.export_requests where requested_by = :me and " + scope.sql()
                        + " order by created_at desc limit 50")
                .params(scope.params()).param("me", actor.id()).query(this::row).list();
    }

    /** Requests of other people waiting for the actor's decision, oldest first. */
    @Transactional(readOnly = true)
    public List<ExportRequest> toDecide(Actor actor) {
        SqlPredicate scope = approverScope(actor);
        return jdbc.sql("select * from registry.export_requests where status = 'PENDING' and expires_at > :now"
                        + " and requested_by <> :me and " + scope.sql() + " order by created_at limit 100")
                .params(scope.params()).param("me", actor.id()).param("now", Timestamp.from(clock.instant()))
                .query(this::row).stream().filter(r -> mayDecide(actor, r)).toList();
    }

    /** One request the actor may see: their own, or one they may decide. */
    @Transactional(readOnly = true)
    public ExportRequest get(Actor actor, UUID id) {
        SqlPredicate own = ScopeFilter.predicate(actor, Permission.PERSON_EXPORT, "county_code", "region_code");
        SqlPredicate approver = approverScope(actor);
        return jdbc.sql("select * from registry.export_requests where id = :id and ((requested_by = :me and " + own.sql()
                        + ") or " + approver.sql() + ")")
                .params(own.params()).params(approver.params()).param("id", id).param("me", actor.id())
                .query(this::row).optional()
                .filter(r -> r.requestedBy().equals(actor.id()) || mayDecide(actor, r))
                .orElseThrow(() -> DomainException.notFound(Messages.text("registry.export-request.what")));
    }

    /**
     * Approves a pending request of someone else.
     *
     * @throws DomainException 404 outside the approver's scope, 403 for one's own request,
     *                         409 when decided or expired already
     */
    @Transactional
    public ExportRequest approve(Actor approver, UUID id, @Nullable String note) {
        return decide(approver, id, Status.APPROVED, note);
    }

    /** Rejects a pending request of someone else; the note (why) is required. */
    @Transactional
    public ExportRequest reject(Actor approver, UUID id, @Nullable String note) {
        if (note == null || note.isBlank()) {
            throw DomainException.invalid("note", Messages.text("registry.export-request.note-required"));
        }
        return decide(approver, id, Status.REJECTED, note);
    }

    private ExportRequest decide(Actor approver, UUID id, Status decision, @Nullable String note) {
        SqlPredicate scope = approverScope(approver);
        ExportRequest request = jdbc.sql("select * from registry.export_requests where id = :id and " + scope.sql())
                .params(scope.params()).param("id", id).query(this::row).optional()
                .filter(r -> mayDecide(approver, r))
                .orElseThrow(() -> DomainException.notFound(Messages.text("registry.export-request.what")));
        if (request.requestedBy().equals(approver.id())) {
            throw DomainException.forbidden(Messages.text("registry.export-request.own"));
        }
        String stated = note == null || note.isBlank() ? null : note.strip();
        if (stated != null && stated.length() > NOTE_MAX) {
            throw DomainException.invalid("note", Messages.text("registry.export-request.note-too-long", NOTE_MAX));
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update registry.export_requests set status = :status, decided_by = :by, decided_by_name = :byName,
                    decided_at = :now, decision_note = :note, expires_at = case when :status = 'APPROVED' then :until else expires_at end
                where id = :id and status = 'PENDING' and expires_at > :now
                """).param("status", decision.name()).param("by", approver.id()).param("byName", approver.displayName())
                .param("now", Timestamp.from(now)).param("note", stated)
                .param("until", Timestamp.from(now.plus(DOWNLOAD_WINDOW))).param("id", id).update();
        if (changed == 0) {
            throw closed(request);
        }
        audit.record(AuditEvent.success(decision == Status.APPROVED ? "EXPORT_APPROVED" : "EXPORT_REJECTED", "EXPORT_REQUEST",
                id.toString(), request.regionCode()).withReason(stated)
                .withDetail("rows=" + request.rowCount() + ",requester=" + request.requestedBy()));
        return find(id, ScopeFilter.unscoped("the request just decided inside the approver's scope"));
    }

    /**
     * Writes the approved export to {@code out}, once: the request is marked downloaded in the same
     * transaction that writes and audits the file.
     *
     * @throws DomainException 404 when not the actor's own request, 409 when not approved, downloaded already or expired
     */
    public long download(Actor actor, UUID id, OutputStream out) throws IOException {
        ExportRequest request = downloadable(actor, id);
        PersonFilter filter = filterOf(id);
        roster.checkReason(actor, new ExportingRoster.Request(filter, true, request.reason()));
        return roster.exportApproved(actor, filter, request.reason(), id, () -> {
            Timestamp now = Timestamp.from(clock.instant());
            int claimed = jdbc.sql("""
                    update registry.export_requests set status = 'DOWNLOADED', downloaded_at = :now
                    where id = :id and requested_by = :me and status = 'APPROVED' and expires_at > :now
                    """).param("now", now).param("id", id).param("me", actor.id()).update();
            if (claimed == 0) {
                throw closed(request);
            }
        }, out);
    }

    /** Refuses a download before any header is sent, so a refusal is still a page or problem+json. */
    @Transactional(readOnly = true)
    public ExportRequest downloadable(Actor actor, UUID id) {
        SqlPredicate own = ScopeFilter.predicate(actor, Permission.PERSON_EXPORT, "county_code", "region_code");
        ExportRequest request = jdbc.sql("select * from registry.export_requests where id = :id and requested_by = :me and "
                        + own.sql())
                .params(own.params()).param("id", id).param("me", actor.id()).query(this::row).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("registry.export-request.what")));
        if (request.status() != Status.APPROVED) {
            throw closed(request);
        }
        return request;
    }

    private DomainException closed(ExportRequest request) {
        return DomainException.conflict(ProblemType.EXPORT_REQUEST_CLOSED, "status",
                Messages.text("registry.export-request.closed", request.status().label()));
    }

    /**
     * Where the actor may decide: PII_UNMASK reaching the request's region (the same level or above);
     * PERSON_EXPORT there too is checked by {@link #mayDecide} (its scopes may differ from PII_UNMASK's).
     */
    private static SqlPredicate approverScope(Actor actor) {
        return ScopeFilter.predicate(actor, Permission.PII_UNMASK, "county_code", "region_code");
    }

    private static boolean mayDecide(Actor actor, ExportRequest request) {
        return actor.can(Permission.PERSON_EXPORT, request.regionCode()) && actor.can(Permission.PII_UNMASK, request.regionCode());
    }

    /** The region a request covers: the filter's, else the requester's one export scope, else their county. */
    private static String regionOf(Actor actor, PersonFilter filter) {
        if (filter.regionCode() != null) {
            return filter.regionCode();
        }
        List<RegionScope> scopes = actor.scopesFor(Permission.PERSON_EXPORT);
        if (scopes.size() == 1 && scopes.get(0).code().length() >= 6) {
            return scopes.get(0).code();
        }
        return ExportingRoster.countyOf(actor);
    }

    private ExportRequest find(UUID id, SqlPredicate scope) {
        return jdbc.sql("select * from registry.export_requests where id = :id and " + scope.sql()).params(scope.params())
                .param("id", id).query(this::row).single();
    }

    private PersonFilter filterOf(UUID id) {
        return jdbc.sql("select * from registry.export_requests where id = :id").param("id", id).query((rs, i) -> {
            String name = rs.getString("filter_name_enc");
            String sex = rs.getString("filter_sex");
            return new PersonFilter(rs.getString("filter_region"), rs.getString("filter_category"),
                    (Integer) rs.getObject("filter_age_min"), (Integer) rs.getObject("filter_age_max"),
                    sex == null ? null : Sex.valueOf(sex), (Boolean) rs.getObject("filter_disability"),
                    rs.getString("filter_disability_type"), name == null ? null : cipher.decrypt(name));
        }).single();
    }

    private ExportRequest row(ResultSet rs, int i) throws SQLException {
        Instant expires = rs.getTimestamp("expires_at").toInstant();
        Status status = Status.valueOf(rs.getString("status"));
        if ((status == Status.PENDING || status == Status.APPROVED) && !expires.isAfter(clock.instant())) {
            status = Status.EXPIRED;
        }
        Timestamp decided = rs.getTimestamp("decided_at");
        Timestamp downloaded = rs.getTimestamp("downloaded_at");
        StringBuilder filter = new StringBuilder();
        describe(filter, "registry.export-request.filter.region", rs.getString("filter_region"));
        describe(filter, "registry.export-request.filter.category", rs.getString("filter_category"));
        Object min = rs.getObject("filter_age_min");
        Object max = rs.getObject("filter_age_max");
        if (min != null || max != null) {
            describe(filter, "registry.export-request.filter.age", (min == null ? "" : min) + "-" + (max == null ? "" : max));
        }
        String sex = rs.getString("filter_sex");
        describe(filter, "registry.export-request.filter.sex", sex == null ? null : Sex.valueOf(sex).label());
        describe(filter, "registry.export-request.filter.disability",
                Boolean.TRUE.equals(rs.getObject("filter_disability")) ? Messages.text("registry.export-request.filter.yes") : null);
        describe(filter, "registry.export-request.filter.name",
                rs.getString("filter_name_enc") == null ? null : Messages.text("registry.export-request.filter.yes"));
        return new ExportRequest(rs.getObject("id", UUID.class), rs.getString("county_code"), rs.getString("region_code"),
                rs.getObject("requested_by", UUID.class), rs.getString("requested_by_name"), rs.getString("reason"),
                rs.getLong("row_count"), status, rs.getTimestamp("created_at").toInstant(), expires,
                rs.getString("decided_by_name"), decided == null ? null : decided.toInstant(), rs.getString("decision_note"),
                downloaded == null ? null : downloaded.toInstant(),
                filter.isEmpty() ? Messages.text("registry.export-request.filter.none") : filter.toString());
    }

    private static void describe(StringBuilder sb, String key, @Nullable String value) {
        if (value != null) {
            sb.append(sb.isEmpty() ? "" : "; ").append(Messages.text(key, value));
        }
    }

    /** Declared apart from the service: the notifications module collects kinds before it can send. */
    @org.springframework.stereotype.Component
    static class Kinds implements NoticeKindContributor {

        @Override
        public List<NoticeKind> kinds() {
            return List.of(AWAITING_DECISION);
        }
    }
}
