package cn.wushe.requests.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The versioned service catalogue (服务事项目录) of each county and its 导办 questions. Publishing an
 * item writes a new version and retires the previous one; matters keep the version they came in on.
 * The catalogue is public information (no personal data), so reads are not scoped.
 */
@Component
public class Catalogue {

    /** A 导办 question and where each answer leads (item codes). */
    public record Question(String question, List<Answer> answers) {
    }

    public record Answer(String label, List<String> items) {
    }

    /** What a catalogue keeper publishes: the whole new version of an item. */
    public record Draft(String code, String category, String name, List<String> aliases, List<String> conditions,
            List<CatalogueItem.Material> materials, Set<Channel> channels, int communityDays, int townDays,
            int countyDays, @Nullable String department, boolean urgent, String whereWhen) {
    }

    private static final String COLUMNS = """
            county_code, id, code, version, category, name, aliases, conditions, materials::text as materials, channels,
            community_days, town_days, county_days, total_days, department, urgent, where_when, active""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;

    Catalogue(JdbcClient jdbc, ObjectMapper json, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** The active items of the county, by category and name. */
    public List<CatalogueItem> active(String countyCode) {
        return jdbc.sql("select " + COLUMNS + " from requests.catalogue_items where county_code = :county and active "
                + "order by category, name").param("county", countyCode).query(this::item).list();
    }

    /** The newest version of every item, active ones first, then by category and name: what the keeper looks after. */
    public List<CatalogueItem> latest(String countyCode) {
        return jdbc.sql("select * from (select distinct on (code) " + COLUMNS + " from requests.catalogue_items "
                + "where county_code = :county order by code, version desc) newest order by active desc, category, name")
                .param("county", countyCode).query(this::item).list();
    }

    /** Any version, active or retired: a matter shows the version it came in on. */
    public Optional<CatalogueItem> version(String countyCode, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from requests.catalogue_items where county_code = :county and id = :id")
                .param("county", countyCode).param("id", id).query(this::item).optional();
    }

    public Optional<CatalogueItem> activeByCode(String countyCode, String code) {
        return jdbc.sql("select " + COLUMNS + " from requests.catalogue_items where county_code = :county and code = :code and active")
                .param("county", countyCode).param("code", code).query(this::item).optional();
    }

    /** Versions are never changed after publishing (only retired): their content, by id, for the intake. */
    private final Map<UUID, CatalogueItem> versions = new ConcurrentHashMap<>();
    private static final int CACHED_VERSIONS = 10_000;

    private Optional<CatalogueItem> cachedVersion(String countyCode, UUID id) {
        CatalogueItem cached = versions.get(id);
        if (cached != null && cached.countyCode().equals(countyCode)) {
            return Optional.of(cached);
        }
        Optional<CatalogueItem> loaded = version(countyCode, id);
        if (loaded.isPresent() && versions.size() < CACHED_VERSIONS) {
            versions.put(id, loaded.get());
        }
        return loaded;
    }

    private static CatalogueItem withActive(CatalogueItem i, boolean active) {
        return new CatalogueItem(i.id(), i.countyCode(), i.code(), i.version(), i.category(), i.name(), i.aliases(),
                i.conditions(), i.materials(), i.channels(), i.communityDays(), i.townDays(), i.countyDays(), i.totalDays(),
                i.department(), i.urgent(), i.whereWhen(), active);
    }

    /** The newest version of {@code code}, active or retired. */
    public Optional<CatalogueItem> latestByCode(String countyCode, String code) {
        return jdbc.sql("select " + COLUMNS + " from requests.catalogue_items where county_code = :county and code = :code "
                + "order by version desc limit 1").param("county", countyCode).param("code", code).query(this::item).optional();
    }

    /**
     * An item a new matter may take: active, by id or code.
     *
     * @throws DomainException invalid input on {@code item} naming an unknown or a retired item
     */
    public CatalogueItem forIntake(String countyCode, @Nullable String idOrCode) {
        if (idOrCode == null || idOrCode.isBlank()) {
            throw DomainException.invalid("item", Messages.text("requests.item.required"));
        }
        String key = idOrCode.strip();
        Optional<UUID> byId = parseUuid(key);
        // which version and whether it still takes matters: small and fresh on every intake (a retirement
        // on another node counts at once); the version's content is immutable, so it comes from the cache
        Optional<CatalogueItem> found = jdbc.sql("""
                select id, active from requests.catalogue_items
                where county_code = :county and (id = :id or (cast(:id as uuid) is null and code = :code))
                order by active desc, version desc limit 1""")
                .param("county", countyCode).param("id", byId.orElse(null)).param("code", key)
                .query((rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getBoolean(2)}).optional()
                .flatMap(head -> cachedVersion(countyCode, (UUID) head[0]).map(item -> item.active() == (boolean) head[1]
                        ? item : withActive(item, (boolean) head[1])));
        CatalogueItem item = found.orElseThrow(() -> DomainException.invalid("item", Messages.text("requests.item.unknown")));
        if (!item.active()) {
            throw DomainException.invalid("item", Messages.text("requests.item.retired", item.name()));
        }
        return item;
    }

    /**
     * Word search over names and aliases (一口清): every word of the query must occur in the item's
     * name, an alias or its category; an exact alias or name match ranks first.
     */
    public List<CatalogueItem> search(String countyCode, @Nullable String query) {
        List<CatalogueItem> all = active(countyCode);
        if (query == null || query.isBlank()) {
            return all;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(q.split("[\\s,，、]+")).filter(w -> !w.isBlank()).toList();
        return all.stream().filter(item -> words.stream().allMatch(w -> haystack(item).contains(w)))
                .sorted(Comparator.comparingInt((CatalogueItem item) -> rank(item, q)).thenComparing(CatalogueItem::name))
                .toList();
    }

    private static String haystack(CatalogueItem item) {
        return (item.name() + " " + String.join(" ", item.aliases()) + " " + item.category()).toLowerCase(Locale.ROOT);
    }

    private static int rank(CatalogueItem item, String q) {
        if (item.name().equals(q) || item.aliases().contains(q)) {
            return 0;
        }
        return item.name().contains(q) ? 1 : 2;
    }

    /** The active items grouped by category, in catalogue order. */
    public Map<String, List<CatalogueItem>> byCategory(String countyCode) {
        return active(countyCode).stream().collect(Collectors.groupingBy(CatalogueItem::category, LinkedHashMap::new,
                Collectors.toList()));
    }

    public List<Question> questions(String countyCode) {
        return jdbc.sql("select question, answers::text from requests.guide_questions where county_code = :county order by position")
                .param("county", countyCode)
                .query((rs, i) -> new Question(rs.getString(1), json.readValue(rs.getString(2), new TypeReference<List<Answer>>() {
                }))).list();
    }

    /**
     * Publishes the draft as the next version of its code (the first when new), retiring the current
     * one; needs {@code MATTER_CATALOGUE} over the county.
     */
    @Transactional
    public CatalogueItem publish(Actor actor, String countyCode, Draft draft) {
        requireKeeper(actor, countyCode);
        validate(draft);
        CatalogueItem item = write(countyCode, draft);
        audit.record(AuditEvent.success("MATTER_CATALOGUE_PUBLISH", "CATALOGUE_ITEM", item.id().toString(), countyCode)
                .withDetail(item.code() + " v" + item.version()));
        return item;
    }

    /** Retires the active version of {@code code}: it takes no new matters; matters already in keep it. */
    @Transactional
    public CatalogueItem retire(Actor actor, String countyCode, String code) {
        requireKeeper(actor, countyCode);
        CatalogueItem item = activeByCode(countyCode, code)
                .orElseThrow(() -> DomainException.notFound(Messages.text("requests.object.item")));
        jdbc.sql("update requests.catalogue_items set active = false, retired_at = :now where county_code = :county and id = :id")
                .param("now", Timestamp.from(clock.instant())).param("county", countyCode).param("id", item.id()).update();
        audit.record(AuditEvent.success("MATTER_CATALOGUE_RETIRE", "CATALOGUE_ITEM", item.id().toString(), countyCode)
                .withDetail(item.code() + " v" + item.version()));
        return version(countyCode, item.id()).orElseThrow();
    }

    /** Demo data and tests: 白水县's catalogue of 32 items and its questions for {@code countyCode}, where missing. @return items added */
    @Transactional
    public int seedDemo(String countyCode) {
        return DemoCatalogue.seed(this, json, countyCode);
    }

    /** Demo and tests: the draft as a version unless an active version of its code exists. */
    boolean seed(String countyCode, Draft draft) {
        if (activeByCode(countyCode, draft.code()).isPresent()) {
            return false;
        }
        write(countyCode, draft);
        return true;
    }

    void seedQuestions(String countyCode, List<Question> questions) {
        jdbc.sql("delete from requests.guide_questions where county_code = :county").param("county", countyCode).update();
        for (int i = 0; i < questions.size(); i++) {
            jdbc.sql("insert into requests.guide_questions (county_code, position, question, answers) values (:county, :pos, :q, cast(:a as jsonb))")
                    .param("county", countyCode).param("pos", i).param("q", questions.get(i).question())
                    .param("a", json.writeValueAsString(questions.get(i).answers())).update();
        }
    }

    private CatalogueItem write(String countyCode, Draft draft) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from requests.catalogue_items where county_code = :county and code = :code")
                .param("county", countyCode).param("code", draft.code()).query(Integer.class).single();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update requests.catalogue_items set active = false, retired_at = :now where county_code = :county and code = :code and active")
                .param("now", now).param("county", countyCode).param("code", draft.code()).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into requests.catalogue_items (county_code, id, code, version, category, name, aliases, conditions,
                    materials, channels, community_days, town_days, county_days, total_days, department, urgent, where_when,
                    active, created_at)
                values (:county, :id, :code, :version, :category, :name, :aliases, :conditions, cast(:materials as jsonb),
                    :channels, :cd, :td, :kd, :total, :department, :urgent, :whereWhen, true, :now)
                """).param("county", countyCode).param("id", id).param("code", draft.code()).param("version", version)
                .param("category", draft.category()).param("name", draft.name())
                .param("aliases", draft.aliases().toArray(String[]::new))
                .param("conditions", draft.conditions().toArray(String[]::new))
                .param("materials", json.writeValueAsString(draft.materials()))
                .param("channels", draft.channels().stream().map(Enum::name).toArray(String[]::new))
                .param("cd", draft.communityDays()).param("td", draft.townDays()).param("kd", draft.countyDays())
                .param("total", draft.communityDays() + draft.townDays() + draft.countyDays())
                .param("department", draft.department()).param("urgent", draft.urgent()).param("whereWhen", draft.whereWhen())
                .param("now", now).update();
        return version(countyCode, id).orElseThrow();
    }

    private static void requireKeeper(Actor actor, String countyCode) {
        if (!actor.can(Permission.MATTER_CATALOGUE, countyCode)) {
            throw DomainException.forbidden(Messages.text("requests.catalogue.keep"));
        }
    }

    private static void validate(Draft draft) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (draft.code() == null || !draft.code().matches("[a-z0-9-]{2,40}")) {
            errors.put("code", Messages.text("requests.catalogue.code-invalid"));
        }
        if (draft.name() == null || draft.name().strip().length() < 2 || draft.name().length() > 40) {
            errors.put("name", Messages.text("requests.catalogue.name-invalid"));
        }
        if (draft.category() == null || draft.category().strip().length() < 2 || draft.category().length() > 20) {
            errors.put("category", Messages.text("requests.catalogue.category-invalid"));
        }
        if (draft.channels() == null || draft.channels().isEmpty()) {
            errors.put("channels", Messages.text("requests.catalogue.channels-required"));
        }
        if (draft.communityDays() < 1 || draft.townDays() < 1 || draft.countyDays() < 1) {
            errors.put("days", Messages.text("requests.catalogue.days-invalid"));
        }
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int i = 0; i < draft.materials().size(); i++) {
            CatalogueItem.Material m = draft.materials().get(i);
            if (m.code() == null || !m.code().matches("[a-z0-9-]{1,40}") || !codes.add(m.code())) {
                errors.put("materials[" + i + "].code", Messages.text("requests.catalogue.material-code-invalid", i + 1));
            }
            if (m.name() == null || m.name().isBlank() || m.name().length() > 40) {
                errors.put("materials[" + i + "].name", Messages.text("requests.catalogue.material-name-invalid", i + 1));
            }
            if (m.count() < 1 || m.count() > 20) {
                errors.put("materials[" + i + "].count", Messages.text("requests.catalogue.material-count-invalid", i + 1));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private CatalogueItem item(ResultSet rs, int row) throws SQLException {
        List<CatalogueItem.Material> materials = json.readValue(rs.getString("materials"),
                new TypeReference<List<CatalogueItem.Material>>() {
                });
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        strings(rs.getArray("channels")).forEach(c -> channels.add(Channel.valueOf(c)));
        return new CatalogueItem(rs.getObject("id", UUID.class), rs.getString("county_code"), rs.getString("code"),
                rs.getInt("version"), rs.getString("category"), rs.getString("name"), strings(rs.getArray("aliases")),
                strings(rs.getArray("conditions")), materials, channels, rs.getInt("community_days"),
                rs.getInt("town_days"), rs.getInt("county_days"), rs.getInt("total_days"), rs.getString("department"),
                rs.getBoolean("urgent"), rs.getString("where_when"), rs.getBoolean("active"));
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

}
