package cn.wushe.organizations.internal;

import cn.wushe.organizations.OrganizationKind;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.Masking;
import cn.wushe.units.UnitId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reading the register: lists and details inside the actor's ORG_VIEW scope, or the actor's own
 * organization (ORG_OWN); anything else is 404. The leader shows as a masked identity number with
 * the age beside it — never the birth date — and a masked phone.
 */
@Service
public class OrganizationQueries {

    public static final int MAX_PAGE_SIZE = 100;

    private final JdbcOrganizations organizations;
    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Clock clock;

    OrganizationQueries(JdbcOrganizations organizations, JdbcClient jdbc, FieldCipher cipher, Clock clock) {
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    public record Filter(@Nullable OrganizationKind kind, @Nullable String q, int page, int size) {
    }

    public record Row(String id, String name, String kind, String kindLabel, String regionCode,
            @Nullable String creditCode, @Nullable String filingNumber, @Nullable Integer grade, boolean active,
            boolean abnormal) {
    }

    /** A change of the register (变更记录). */
    public record Change(Instant at, String actor, String field, @Nullable String before, @Nullable String after) {

        private static final Map<String, String> LABELS = Map.of("name", "organizations.history.field.name",
                "leader_name", "organizations.history.field.leader_name", "party_status",
                "organizations.history.field.party_status", "fields", "organizations.history.field.fields", "status",
                "organizations.history.field.status");

        /** The changed fact in words (名称、负责人、党组织、服务领域、状态). */
        public String fieldLabel() {
            String key = LABELS.get(field);
            return key == null ? field : Messages.text(key);
        }
    }

    /** An entry of the abnormal list, current or past. */
    public record AbnormalEntry(Instant listedAt, String reason, @Nullable Instant removedAt, @Nullable String removalReason) {
    }

    /** What a reader of the register sees of one organization; personal data masked. */
    public record View(OrganizationRecord organization, String leaderName, @Nullable String leaderIdMasked,
            @Nullable Integer leaderAge, @Nullable String leaderPhoneMasked, @Nullable String communityTypeLabel,
            List<Change> changes, List<AbnormalEntry> abnormalHistory) {
    }

    /** The actor's ORG_VIEW region scope, or their own organizations. */
    static ScopeFilter.SqlPredicate visible(Actor actor) {
        ScopeFilter.SqlPredicate region = ScopeFilter.predicate(actor, Permission.ORG_VIEW, "o.county_code", "o.region_code");
        ScopeFilter.SqlPredicate own = actor.can(Permission.ORG_OWN) ? ScopeFilter.ownUnit(actor, "o.id")
                : new ScopeFilter.SqlPredicate("false", Map.of());
        Map<String, Object> params = new HashMap<>(region.params());
        params.putAll(own.params());
        return new ScopeFilter.SqlPredicate("(" + region.sql() + " or " + own.sql() + ")", params);
    }

    public Page<Row> page(Actor actor, Filter filter) {
        ScopeFilter.SqlPredicate scope = visible(actor);
        String q = Text.trimToNull(filter.q());
        String where = " from organizations.organizations o where " + scope.sql()
                + (filter.kind() == null ? "" : " and o.kind = :kind")
                + (q == null ? "" : " and (o.name like :q or o.credit_code = upper(:exact) or o.filing_number = :exact)");
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.kind() != null) {
            params.put("kind", filter.kind().name());
        }
        if (q != null) {
            params.put("q", "%" + q.replace("%", "") + "%");
            params.put("exact", q);
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Row> rows = jdbc.sql("select o.id, o.name, o.kind, o.region_code, o.credit_code, o.filing_number, o.grade, "
                        + "o.status, o.abnormal" + where + " order by o.status, o.name limit :limit offset :offset")
                .params(params).param("limit", filter.size()).param("offset", filter.page() * filter.size())
                .query((rs, n) -> {
                    OrganizationKind kind = OrganizationKind.valueOf(rs.getString("kind"));
                    return new Row(rs.getString("id"), rs.getString("name"), kind.name(), kind.label(),
                            rs.getString("region_code"), rs.getString("credit_code"), rs.getString("filing_number"),
                            (Integer) rs.getObject("grade"), "ACTIVE".equals(rs.getString("status")), rs.getBoolean("abnormal"));
                }).list();
        return Page.counted(rows, total, filter.page(), filter.size());
    }

    public View view(Actor actor, UnitId id) {
        OrganizationRecord o = organizations.load(id, visible(actor), false)
                .orElseThrow(() -> DomainException.notFound(Messages.text("organizations.subject")));
        String idMasked = null;
        Integer age = null;
        if (o.leaderIdCipher() != null) {
            String number = cipher.decrypt(o.leaderIdCipher());
            idMasked = Masking.identityNumber(number);
            LocalDate today = LocalDate.now(clock.withZone(OrganizationRegister.CHINA));
            age = Period.between(new IdentityNumber(IdDocumentType.RESIDENT_ID, number).birthDate(), today).getYears();
        }
        String phone = o.leaderPhoneCipher() == null ? null : Masking.phone(cipher.decrypt(o.leaderPhoneCipher()));
        String typeLabel = o.communityType() == null ? null
                : jdbc.sql("select label from organizations.community_types where code = :c").param("c", o.communityType())
                        .query(String.class).optional().orElse(null);
        List<Change> changes = jdbc.sql("select changed_at, actor_name, field, before_value, after_value "
                        + "from organizations.changes where organization_id = :id order by changed_at desc, id desc limit 50")
                .param("id", id.value())
                .query((rs, n) -> new Change(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
        List<AbnormalEntry> abnormal = jdbc.sql("select listed_at, reason, removed_at, removal_reason "
                        + "from organizations.abnormal_entries where organization_id = :id order by listed_at desc")
                .param("id", id.value())
                .query((rs, n) -> new AbnormalEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getString(4))).list();
        return new View(o, Masking.name(o.leaderName()), idMasked, age, phone, typeLabel, changes, abnormal);
    }

    /** A type of community organization to pick (可配置的类型表). */
    public record CommunityType(String code, String label) {
    }

    public List<CommunityType> communityTypes() {
        return jdbc.sql("select code, label from organizations.community_types where active order by position")
                .query((rs, n) -> new CommunityType(rs.getString(1), rs.getString(2))).list();
    }

    /** Filed community organizations per type inside the actor's ORG_VIEW scope. */
    public record TypeCount(String label, long count) {
    }

    public List<TypeCount> communityCounts(Actor actor) {
        ScopeFilter.SqlPredicate scope = ScopeFilter.predicate(actor, Permission.ORG_VIEW, "o.county_code", "o.region_code");
        return jdbc.sql("select t.label, count(o.id) from organizations.community_types t left join "
                        + "organizations.organizations o on o.community_type = t.code and o.status = 'ACTIVE' and " + scope.sql()
                        + " group by t.label, t.position order by t.position")
                .params(scope.params()).query((rs, n) -> new TypeCount(rs.getString(1), rs.getLong(2))).list();
    }

    /** One line of the abnormal list (活动异常名录), current or past. */
    public record Listing(String organizationId, String name, String kindLabel, Instant listedAt, String reason,
            @Nullable Instant removedAt, @Nullable String removalReason) {
    }

    /** The abnormal list of the actor's ORG_VIEW scope: organizations listed now first, then past entries. */
    public List<Listing> abnormalList(Actor actor, int limit) {
        ScopeFilter.SqlPredicate scope = ScopeFilter.predicate(actor, Permission.ORG_VIEW, "o.county_code", "o.region_code");
        return jdbc.sql("select o.id, o.name, o.kind, e.listed_at, e.reason, e.removed_at, e.removal_reason "
                        + "from organizations.abnormal_entries e join organizations.organizations o on o.id = e.organization_id "
                        + "where " + scope.sql() + " order by (e.removed_at is null) desc, e.listed_at desc limit :limit")
                .params(scope.params()).param("limit", limit)
                .query((rs, n) -> new Listing(rs.getString(1), rs.getString(2), OrganizationKind.valueOf(rs.getString(3)).label(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7))).list();
    }

    /** A year's 年报 result (合格、基本合格、不合格). */
    public record AnnualReport(int year, String result) {

        private static final Map<String, String> LABELS = Map.of("QUALIFIED", "organizations.annual.result.QUALIFIED",
                "BASIC", "organizations.annual.result.BASIC", "UNQUALIFIED", "organizations.annual.result.UNQUALIFIED");

        public String resultLabel() {
            return Messages.text(LABELS.getOrDefault(result, "organizations.annual.result"));
        }
    }

    /** The organization's 年报 results, latest first (the caller has read the organization in scope). */
    public List<AnnualReport> annualReports(UnitId id) {
        return jdbc.sql("select year, result from organizations.annual_reports where organization_id = :id order by year desc")
                .param("id", id.value()).query((rs, n) -> new AnnualReport(rs.getInt(1), rs.getString(2))).list();
    }
}
