package cn.wushe.requests.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.personal.Masking;
import cn.wushe.registry.RevealReasons;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitId;
import cn.wushe.units.Units;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Lists and details of matters, always through {@link MatterScope}: outside it a matter does not exist. */
@Component
public class MatterQueries {

    public static final int MAX_PAGE_SIZE = 100;

    /** Which list: the actor's unit's inbox, the matters they brought in or are the applicant of, or all they see. */
    public enum Box { INBOX, MINE, ALL }

    /** @param number a matter's number (受理编号, e.g. 610527-2026-000123), or null for any */
    public record Filter(Box box, @Nullable MatterStatus status, boolean overdueOnly, int page, int size, @Nullable String number) {

        public Filter(Box box, @Nullable MatterStatus status, boolean overdueOnly, int page, int size) {
            this(box, status, overdueOnly, page, size, null);
        }
    }

    public record Row(UUID id, String number, String item, String status, String statusLabel, String level,
            String unit, Instant submittedAt, Instant dueAt, boolean overdue, boolean urgent) {
    }

    public record Event(Instant at, String kind, String label, @Nullable String actor, @Nullable String unit,
            @Nullable String toUnit, @Nullable String note) {
    }

    public record MaterialRow(String code, String name, String provision, @Nullable UUID attachmentId) {
    }

    public record Detail(UUID id, String number, String countyCode, String regionCode, UUID itemId, String itemCode,
            int itemVersion, String item, String channel, String channelLabel, String status, String statusLabel,
            String level, String levelLabel, UUID unitId, String unit, String applicant, @Nullable String phone,
            @Nullable String proxyName, @Nullable String proxyRelation, String description, @Nullable Double latitude,
            @Nullable Double longitude, Instant submittedAt, @Nullable Instant signDueAt, Instant levelDueAt,
            Instant dueAt, boolean overdue, boolean warned, boolean urgent, boolean returned, boolean reopened,
            @Nullable Instant closedAt, @Nullable String result, @Nullable Boolean closedOnTime, @Nullable Integer rating,
            @Nullable String ratingComment, @Nullable UUID applicantUserId, UUID submittedBy, @Nullable String mergedInto,
            List<MaterialRow> materials, List<Map<String, String>> returnProblems, List<Event> timeline, long version) {

        public boolean open() {
            return MatterStatus.valueOf(status).open();
        }
    }

    private final JdbcClient jdbc;
    private final MatterScope scope;
    private final Units units;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;

    MatterQueries(JdbcClient jdbc, MatterScope scope, Units units, FieldCipher cipher, ObjectMapper json, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.cipher = cipher;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A list counts its matches up to this many and says "more than" beyond: a unit with a backlog of
     * 30,000 open matters counted them all on every page (40 ms of a core each; 7 ms up to 10,000,
     * most of it reading the newest rows, not yet all-visible), and a county's 全部 its year of
     * matters. Fifty pages is as deep as anyone pages; beyond, they look a matter up by its number.
     */
    public static final int COUNT_LIMIT = 1_000;

    /**
     * The page of matters in the box; its total is exact up to {@link #COUNT_LIMIT} and
     * {@code COUNT_LIMIT + 1} meaning "more than that" (see {@link #moreThanCounted}).
     */
    @Transactional(readOnly = true)
    public Page<Row> list(Actor actor, Filter filter) {
        Listing listing = listing(actor, filter);
        long total = jdbc.sql("select count(*) from (select 1" + listing.from() + " limit " + (COUNT_LIMIT + 1) + ") counted")
                .params(listing.params()).query(Long.class).single();
        Map<UUID, String> names = new HashMap<>();
        List<Row> rows = jdbc.sql(listing.page()).params(listing.params())
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("item"),
                        rs.getString("status"), MatterStatus.valueOf(rs.getString("status")).label(),
                        Level.valueOf(rs.getString("level")).label(),
                        names.computeIfAbsent(rs.getObject("unit_id", UUID.class), this::unitName),
                        rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
                        rs.getBoolean("overdue"), rs.getBoolean("urgent")))
                .list();
        return Page.counted(rows, total, filter.page(), filter.size());
    }

    /** Whether the list has more matches than it counted. */
    public static boolean moreThanCounted(Page<?> page) {
        return page.count() > COUNT_LIMIT;
    }

    /** A list's FROM…WHERE, its page query and their parameters (the plan test explains the page query). */
    record Listing(String from, String page, Map<String, Object> params) {
    }

    Listing listing(Actor actor, Filter filter) {
        SqlPredicate where = switch (filter.box()) {
            case INBOX -> scope.atMyUnit(actor);
            case MINE -> new SqlPredicate("(m.applicant_user_id = :v_me or m.submitted_by = :v_me)", Map.of("v_me", actor.id()));
            case ALL -> scope.visible(actor);
        };
        Map<String, Object> params = new HashMap<>(where.params());
        // the item's name is read for the page's rows only: joined for every row, the planner sorted
        // the unit's whole inbox (65 ms at 10,000 open matters) instead of walking matters_open_by_unit
        StringBuilder sql = new StringBuilder(" from requests.matters m where " + where.sql());
        if (filter.box() == Box.INBOX) {
            sql.append(" and m.status in ('AWAITING_SIGN', 'HANDLING')");
        }
        if (filter.status() != null) {
            sql.append(" and m.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.overdueOnly()) {
            sql.append(" and m.overdue");
        }
        if (filter.number() != null) {
            sql.append(" and m.number = :number");
            params.put("number", filter.number());
        }
        params.put("limit", filter.size());
        params.put("offset", (long) filter.page() * filter.size());
        String page = "select m.id, m.number, (select c.name from requests.catalogue_items c where c.county_code = m.county_code "
                + "and c.id = m.item_id) as item, m.status, m.level, m.unit_id, m.submitted_at, m.due_at, "
                + "m.overdue, m.urgent" + sql + " order by m.submitted_at desc, m.id limit :limit offset :offset";
        return new Listing(sql.toString(), page, params);
    }

    /** What waits at the actor's units: open matters and how many of them are past their limit. */
    public record Waiting(long open, long overdue) {
    }

    /** The actor's inbox counted (for the workbench's 待办), over the index of open matters per unit. */
    @Transactional(readOnly = true)
    public Waiting waiting(Actor actor) {
        if (!actor.can(cn.wushe.platform.Permission.MATTER_HANDLE) || actor.unitIds().isEmpty()) {
            return new Waiting(0, 0);
        }
        SqlPredicate where = scope.atMyUnit(actor);
        return jdbc.sql("select count(*), count(*) filter (where m.overdue or m.due_at < :now) from requests.matters m where "
                + where.sql() + " and m.status in ('AWAITING_SIGN', 'HANDLING')").params(where.params())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query((rs, i) -> new Waiting(rs.getLong(1), rs.getLong(2))).single();
    }

    /** The matter with its timeline; staff reading someone else's matter is an access entry in the audit log. */
    public Detail detail(Actor actor, UUID id) {
        SqlPredicate visible = scope.visible(actor);
        Detail detail = jdbc.sql("select m.*, c.name as item_name from requests.matters m join requests.catalogue_items c "
                + "on c.county_code = m.county_code and c.id = m.item_id where m.id = :id and " + visible.sql())
                .param("id", id).params(visible.params())
                .query((rs, i) -> {
                    UUID matterId = rs.getObject("id", UUID.class);
                    String county = rs.getString("county_code");
                    String phone = rs.getString("applicant_phone");
                    String proxy = rs.getString("proxy_name");
                    UUID mergedInto = rs.getObject("merged_into", UUID.class);
                    MatterStatus status = MatterStatus.valueOf(rs.getString("status"));
                    Level level = Level.valueOf(rs.getString("level"));
                    Channel channel = Channel.valueOf(rs.getString("channel"));
                    UUID unit = rs.getObject("unit_id", UUID.class);
                    double lat = rs.getDouble("latitude");
                    Double latitude = rs.wasNull() ? null : lat;
                    double lng = rs.getDouble("longitude");
                    Double longitude = rs.wasNull() ? null : lng;
                    // the applicant reads their own name and phone in clear: nobody else's, nothing to mask
                    boolean self = actor.id().equals(rs.getObject("applicant_user_id", UUID.class));
                    java.util.function.UnaryOperator<String> name = self ? v -> v : Masking::name;
                    return new Detail(matterId, rs.getString("number"), county, rs.getString("region_code"),
                            rs.getObject("item_id", UUID.class), rs.getString("item_code"), rs.getInt("item_version"),
                            rs.getString("item_name"), channel.name(), channel.label(), status.name(), status.label(),
                            level.name(), level.label(), unit, unitName(unit),
                            name.apply(cipher.decrypt(rs.getString("applicant_name"))),
                            phone == null ? null : self ? cipher.decrypt(phone) : Masking.phone(cipher.decrypt(phone)),
                            proxy == null ? null : Masking.name(cipher.decrypt(proxy)), rs.getString("proxy_relation"),
                            rs.getString("description"), latitude, longitude, Matters.instant(rs, "submitted_at"),
                            Matters.instant(rs, "sign_due_at"), Matters.instant(rs, "level_due_at"),
                            Matters.instant(rs, "due_at"), rs.getBoolean("overdue"), rs.getBoolean("warned"),
                            rs.getBoolean("urgent"), rs.getBoolean("returned"), rs.getBoolean("reopened"),
                            Matters.instant(rs, "closed_at"), rs.getString("result"),
                            (Boolean) rs.getObject("closed_on_time"),
                            rs.getObject("rating") == null ? null : rs.getInt("rating"), rs.getString("rating_comment"),
                            rs.getObject("applicant_user_id", UUID.class), rs.getObject("submitted_by", UUID.class),
                            mergedInto == null ? null : numberOf(county, mergedInto), materials(county, matterId),
                            returnProblems(county, matterId),
                            timeline(county, matterId, self ? null : rs.getObject("applicant_user_id", UUID.class)),
                            rs.getLong("version"));
                })
                .optional().orElseThrow(() -> DomainException.notFound(Messages.text("requests.object.matter")));
        if (!actor.id().equals(detail.applicantUserId())) {
            audit.recordAccess(AuditEvent.success("MATTER_VIEW", "MATTER", id.toString(), detail.regionCode())
                    .withDetail(detail.number()));
        }
        return detail;
    }

    /** The applicant's name and phone and the proxy's name in clear. */
    public record Revealed(String applicant, @Nullable String phone, @Nullable String proxyName) {
    }

    private record Sealed(String region, String number, UUID unit, @Nullable UUID closingUnit, String name,
            @Nullable String phone, @Nullable String proxy) {
    }

    /**
     * The applicant in clear, to call them back: for the staff of the unit the matter sits at (or
     * that closed it) and for holders of {@code PII_UNMASK} over its place, with a reason chosen as
     * in the registry ({@link RevealReasons}) and kept in the audit log. Outside the reader's matters
     * 404, anyone else 403.
     */
    @Transactional(readOnly = true)
    public Revealed reveal(Actor actor, UUID id, @Nullable String reason, @Nullable String note) {
        SqlPredicate visible = scope.visible(actor);
        Sealed sealed = jdbc.sql("select m.region_code, m.number, m.unit_id, m.closing_unit_id, m.applicant_name, m.applicant_phone, "
                + "m.proxy_name from requests.matters m where m.id = :id and " + visible.sql())
                .param("id", id).params(visible.params())
                .query((rs, i) -> new Sealed(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7)))
                .optional().orElseThrow(() -> DomainException.notFound(Messages.text("requests.object.matter")));
        boolean handler = scope.handlesFor(actor, sealed.unit())
                || (sealed.closingUnit() != null && scope.handlesFor(actor, sealed.closingUnit()));
        if (!handler && !actor.can(Permission.PII_UNMASK, sealed.region())) {
            throw DomainException.forbidden(Messages.text("requests.reveal.forbidden"));
        }
        String stated = RevealReasons.stated(reason, note);
        audit.recordAccess(AuditEvent.success("MATTER_APPLICANT_UNMASK", "MATTER", id.toString(), sealed.region())
                .withReason(stated).withDetail(sealed.number()));
        return new Revealed(cipher.decrypt(sealed.name()), sealed.phone() == null ? null : cipher.decrypt(sealed.phone()),
                sealed.proxy() == null ? null : cipher.decrypt(sealed.proxy()));
    }

    /** Whether the detail is overdue now (the flag is set by the clock; between its firing and now it may lag). */
    public boolean lateNow(Detail d) {
        return d.overdue() || (d.open() && !"RETURNED".equals(d.status()) && clock.instant().isAfter(d.dueAt()));
    }

    private String numberOf(String county, UUID id) {
        return jdbc.sql("select number from requests.matters where county_code = :county and id = :id").param("county", county)
                .param("id", id).query(String.class).optional().orElse("");
    }

    private List<MaterialRow> materials(String county, UUID id) {
        return jdbc.sql("select code, name, provision, attachment_id from requests.matter_materials where county_code = :county "
                + "and matter_id = :id order by name").param("county", county).param("id", id)
                .query((rs, i) -> new MaterialRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class)))
                .list();
    }

    private List<Map<String, String>> returnProblems(String county, UUID id) {
        return jdbc.sql("select problems::text from requests.matter_returns where county_code = :county and matter_id = :id")
                .param("county", county).param("id", id).query(String.class).optional()
                .map(text -> json.readValue(text, new TypeReference<List<Map<String, String>>>() {
                })).orElse(List.of());
    }

    /** The timeline; the applicant's own steps (submitted, resubmitted, rated) name them masked to anyone but themself. */
    private List<Event> timeline(String county, UUID id, @Nullable UUID maskedApplicant) {
        Map<UUID, String> names = new HashMap<>();
        return jdbc.sql("select at, kind, actor_id, actor_name, unit_id, to_unit_id, note from requests.matter_events "
                + "where county_code = :county and matter_id = :id order by at, id").param("county", county).param("id", id)
                .query((rs, i) -> {
                    UUID unit = rs.getObject("unit_id", UUID.class);
                    UUID to = rs.getObject("to_unit_id", UUID.class);
                    String kind = rs.getString("kind");
                    return new Event(rs.getTimestamp("at").toInstant(), kind, TimelineKind.valueOf(kind).label(),
                            maskedApplicant != null && maskedApplicant.equals(rs.getObject("actor_id", UUID.class))
                                    && rs.getString("actor_name") != null ? Masking.name(rs.getString("actor_name"))
                                    : rs.getString("actor_name"), unit == null ? null : names.computeIfAbsent(unit, this::unitName),
                            to == null ? null : names.computeIfAbsent(to, this::unitName), rs.getString("note"));
                }).list();
    }

    String unitName(UUID id) {
        return units.find(new UnitId(id)).map(Unit::name).orElse("");
    }
}
