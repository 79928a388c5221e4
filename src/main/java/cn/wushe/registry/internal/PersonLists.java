package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.Masking;
import cn.wushe.platform.personal.PhoneNumber;
import cn.wushe.platform.personal.Sex;
import cn.wushe.registry.HouseholdId;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of people inside the actor's view scope, filtered in SQL (region, grid, category, age band,
 * sex, disability, name), counts per category, and households. A list request is audited once,
 * naming every person on the page.
 */
@Service
public class PersonLists {

    public static final int MAX_PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final PersonViews views;
    private final AuditLog audit;
    private final Clock clock;

    private final NameOrder nameOrder;

    PersonLists(JdbcClient jdbc, FieldCipher cipher, PersonViews views, AuditLog audit, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${wushe.registry.name-order:pinyin}") String nameOrder) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
        this.nameOrder = NameOrder.of(nameOrder);
    }

    /**
     * How names sort in lists ({@code wushe.registry.name-order}). {@code pinyin}: PostgreSQL's ICU
     * collation {@code zh-x-icu} (汉语拼音 order of every character, walked in the people_region_*_pinyin
     * indexes). {@code gb18030}: the GB 18030 bytes as a sort key, pinyin for the 3,755 common
     * characters of GB 2312 and by radical after them, for a PostgreSQL built without ICU (it needs
     * indexes on {@code registry.name_key_gb18030(name)}, see docs/benchmarks.md). {@code code-point}: Unicode order (任 before 何
     * before 党), the benchmark's reference. docs/benchmarks.md has the three measured.
     */
    enum NameOrder {
        PINYIN, GB18030, CODE_POINT;

        static NameOrder of(String value) {
            return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }

        String expression(String alias) {
            return switch (this) {
                case PINYIN -> alias + ".name collate \"zh-x-icu\"";
                case GB18030 -> "registry.name_key_gb18030(" + alias + ".name)";
                case CODE_POINT -> alias + ".name";
            };
        }
    }

    /** The orders a list can be read in: by name (pinyin), oldest first, or by community then name. */
    public enum Order {
        NAME, AGE, COMMUNITY;

        public static Order parse(@org.jspecify.annotations.Nullable String value) {
            if (value == null || value.isBlank()) {
                return NAME;
            }
            for (Order o : values()) {
                if (o.name().equalsIgnoreCase(value.strip())) {
                    return o;
                }
            }
            throw DomainException.invalid("sort", Messages.text("registry.list.sort-invalid"));
        }
    }

    private String orderBy(Order order, String alias) {
        String name = nameOrder.expression(alias);
        return switch (order) {
            case NAME -> name + ", " + alias + ".id";
            case AGE -> alias + ".birth_date, " + name + ", " + alias + ".id";
            case COMMUNITY -> alias + ".community_code, " + name + ", " + alias + ".id";
        };
    }

    /** A household (家庭户) with its members as the actor may see them. */
    public record HouseholdView(UUID id, String communityCode, String communityName, List<PersonListItem> members) {
    }

    /** A household in a list: its community, its head's name and how many registered members it has. */
    public record HouseholdSummary(UUID id, String communityCode, String communityName, String headName, int members) {
    }

    /** Households inside the view scope, newest first; {@code regionCode} narrows to a town, community or grid. */
    @Transactional(readOnly = true)
    public List<HouseholdSummary> households(Actor actor, @org.jspecify.annotations.Nullable String regionCode, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", Messages.text("registry.list.page-invalid", MAX_PAGE_SIZE));
        }
        PersonFilter filter = new PersonFilter(regionCode, null, null, null, null, null, null, null);
        SqlPredicate view = Scopes.view(actor, "h");
        String region = filter.regionCode() == null ? "" : " and " + Scopes.segment("h", filter.regionCode().length()) + " = :region";
        List<HouseholdSummary> households = jdbc.sql("""
                select h.id, h.community_code, coalesce((select p.name from registry.people p where p.id = h.head_person_id), ''),
                       (select count(*) from registry.people p where p.household_id = h.id)
                from registry.households h where """ + view.sql() + region
                        + " order by h.created_at desc, h.id limit :limit offset :offset")
                .params(view.params()).param("region", filter.regionCode()).param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> new HouseholdSummary(rs.getObject(1, UUID.class), rs.getString(2),
                        views.regionName(rs.getString(2)), rs.getString(3), rs.getInt(4)))
                .list();
        audit.recordAccess(AuditEvent.success("HOUSEHOLD_LIST", "HOUSEHOLD", null, PersonReading.countyOf(actor))
                .withDetail("ids=" + households.stream().map(h -> h.id().toString()).collect(Collectors.joining(","))));
        return households;
    }

    @Transactional(readOnly = true)
    public Page<PersonListItem> list(Actor actor, PersonFilter filter, int page, int size) {
        return list(actor, filter, page, size, Order.NAME);
    }

    @Transactional(readOnly = true)
    public Page<PersonListItem> list(Actor actor, PersonFilter filter, int page, int size, Order order) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", Messages.text("registry.list.page-invalid", MAX_PAGE_SIZE));
        }
        Where where = where(actor, filter, true);
        // the page is cut first and only its rows get their categories: the rows an offset skips need none
        List<PersonListItem> rows = jdbc.sql("select q.*, " + categoriesOf("q") + " from (" + columns(actor, where)
                        + " order by " + orderBy(order, "p") + " limit :limit offset :offset) q order by " + orderBy(order, "q"))
                .params(where.params).params(Scopes.edit(actor, "p").params())
                .param("limit", size + 1).param("offset", (long) page * size)
                .query((rs, i) -> item(rs)).list();
        boolean hasMore = rows.size() > size;
        List<PersonListItem> items = hasMore ? rows.subList(0, size) : rows;
        auditList(actor, "PERSON_LIST", null, items);
        return Page.uncounted(items, page, size, hasMore);
    }

    /** Current holders per category (and {@code _ALL}: people in the filter), within the view scope. */
    @Transactional(readOnly = true)
    public Map<String, Long> counts(Actor actor, PersonFilter filter) {
        Where where = where(actor, new PersonFilter(filter.regionCode(), null, filter.ageMin(), filter.ageMax(),
                filter.sex(), filter.disability(), filter.disabilityType(), filter.name()), false);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("_ALL", jdbc.sql("select count(*) from registry.people p where " + where.sql)
                .params(where.params).query(Long.class).single());
        jdbc.sql("""
                select c.category_code, count(distinct p.id) from registry.people p
                join registry.person_categories c on c.person_id = p.id and c.start_date <= :today
                     and (c.end_date is null or c.end_date >= :today)
                where """ + where.sql + " group by c.category_code")
                .params(where.params)
                .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    @Transactional(readOnly = true)
    public HouseholdView household(Actor actor, HouseholdId id) {
        SqlPredicate view = Scopes.view(actor, "h");
        String community = jdbc.sql("select h.community_code from registry.households h where h.id = :id and " + view.sql())
                .params(view.params()).param("id", id.value()).query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.household")));
        Where where = where(actor, PersonFilter.none(), true);
        List<PersonListItem> members = jdbc.sql(select(actor, where) + " and p.household_id = :household"
                        + " order by (p.relation_to_head = 'SELF') desc, p.birth_date, p.id")
                .params(where.params).params(Scopes.edit(actor, "p").params()).param("household", id.value())
                .query((rs, i) -> item(rs)).list();
        auditList(actor, "HOUSEHOLD_READ", id.toString(), members);
        return new HouseholdView(id.value(), community, views.regionName(community), members);
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(Actor actor, PersonFilter f, boolean categoryFilter) {
        return where(Scopes.view(actor, "p"), f, categoryFilter);
    }

    private Where where(SqlPredicate view, PersonFilter f, boolean categoryFilter) {
        LocalDate today = LocalDate.now(clock);
        List<String> and = new ArrayList<>(List.of(view.sql()));
        Map<String, Object> params = new HashMap<>(view.params());
        params.put("today", Date.valueOf(today));
        if (f.regionCode() != null) {
            and.add(Scopes.segment("p", f.regionCode().length()) + " = :region");
            params.put("region", f.regionCode());
        }
        if (categoryFilter && f.category() != null) {
            and.add(holds("c.category_code = :category"));
            params.put("category", f.category());
        }
        if (Boolean.TRUE.equals(f.disability()) || f.disabilityType() != null) {
            and.add(holds("c.category_code = 'DISABLED'" + (f.disabilityType() == null ? "" : " and c.disability_type = :dtype")));
            params.put("dtype", f.disabilityType());
        }
        if (f.ageMin() != null) {
            and.add("p.birth_date <= :bornBy");
            params.put("bornBy", Date.valueOf(today.minusYears(f.ageMin())));
        }
        if (f.ageMax() != null) {
            and.add("p.birth_date > :bornAfter");
            params.put("bornAfter", Date.valueOf(today.minusYears(f.ageMax() + 1L)));
        }
        if (f.sex() != null) {
            and.add("p.sex = :sex");
            params.put("sex", f.sex().name());
        }
        if (f.name() != null) {
            and.add("p.name like :name");
            params.put("name", "%" + f.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(String.join(" and ", and), params);
    }

    /**
     * Every person the filter selects inside the actor's PERSON_EXPORT scope, in list order, handed
     * over one at a time from a database cursor (an export never holds the whole list). Values are
     * in clear: the exporter masks; the exporter also audits, once, with the row count.
     *
     * @return how many people were handed over
     */
    /** How many people {@link #forExport} would hand over now: the size an export approval is judged by. */
    @Transactional(readOnly = true)
    public long countForExport(Actor actor, PersonFilter filter) {
        Where where = where(Scopes.of(actor, cn.wushe.platform.Permission.PERSON_EXPORT, "p", "x"), filter, true);
        return jdbc.sql("select count(*) from registry.people p where " + where.sql).params(where.params)
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public long forExport(Actor actor, PersonFilter filter, java.util.function.Consumer<ExportedPerson> sink) {
        Where where = where(Scopes.of(actor, cn.wushe.platform.Permission.PERSON_EXPORT, "p", "x"), filter, true);
        SqlPredicate edit = Scopes.edit(actor, "p");
        SqlPredicate view = Scopes.view(actor, "p");
        long[] count = {0};
        jdbc.sql("""
                select p.name, p.sex, p.birth_date, p.id_doc_type, p.id_number_enc, p.phone_enc, p.community_code,
                    p.grid_code, p.address_detail_enc, p.relation_to_head,
                    array(select c.category_code from registry.person_categories c where c.person_id = p.id
                          and c.start_date <= :today and (c.end_date is null or c.end_date >= :today)
                          order by c.category_code) as categories,
                    case when (%s) then 'EDIT' when (%s) then 'VIEW' else 'SEARCH' end as on_screen
                from registry.people p where """.formatted(edit.sql(), view.sql()) + where.sql
                        + " order by " + orderBy(Order.COMMUNITY, "p"))
                .withFetchSize(1000).params(where.params).params(edit.params()).params(view.params())
                .query(rs -> {
                    String phone = rs.getString("phone_enc");
                    String address = rs.getString("address_detail_enc");
                    String community = rs.getString("community_code");
                    sink.accept(new ExportedPerson(rs.getString("name"), Sex.valueOf(rs.getString("sex")),
                            rs.getDate("birth_date").toLocalDate(),
                            new IdentityNumber(IdDocumentType.valueOf(rs.getString("id_doc_type")), cipher.decrypt(rs.getString("id_number_enc"))),
                            phone == null ? null : new PhoneNumber(cipher.decrypt(phone)), community, views.regionName(community),
                            rs.getString("grid_code"), address == null ? null : cipher.decrypt(address),
                            RelationToHead.valueOf(rs.getString("relation_to_head")),
                            List.of((String[]) rs.getArray("categories").getArray()),
                            Disclosure.valueOf(rs.getString("on_screen"))));
                    count[0]++;
                });
        return count[0];
    }

    private static String holds(String condition) {
        return "exists (select 1 from registry.person_categories c where c.person_id = p.id and " + condition
                + " and c.start_date <= :today and (c.end_date is null or c.end_date >= :today))";
    }

    private static String select(Actor actor, Where where) {
        return columns(actor, where, ", " + categoriesOf("p"));
    }

    private static String columns(Actor actor, Where where) {
        return columns(actor, where, "");
    }

    private static String columns(Actor actor, Where where, String more) {
        return """
                select p.id, p.name, p.sex, p.birth_date, p.id_doc_type, p.id_number_enc, p.phone_enc, p.community_code,
                    p.grid_code, p.relation_to_head, (%s) as editable%s from registry.people p where %s"""
                .formatted(Scopes.edit(actor, "p").sql(), more, where.sql);
    }

    /** The categories a person holds today, in code order, as the column {@code categories}. */
    private static String categoriesOf(String alias) {
        return """
                array(select c.category_code from registry.person_categories c where c.person_id = %s.id
                      and c.start_date <= :today and (c.end_date is null or c.end_date >= :today)
                      order by c.category_code) as categories""".formatted(alias);
    }

    private PersonListItem item(ResultSet rs) throws SQLException {
        IdentityNumber number = new IdentityNumber(IdDocumentType.valueOf(rs.getString("id_doc_type")),
                cipher.decrypt(rs.getString("id_number_enc")));
        boolean editable = rs.getBoolean("editable");
        String phoneEnc = rs.getString("phone_enc");
        String phone = phoneEnc == null ? null : cipher.decrypt(phoneEnc);
        if (phone != null && !editable) {
            phone = Masking.phone(phone);
        }
        Array categories = rs.getArray("categories");
        String community = rs.getString("community_code");
        return new PersonListItem(rs.getObject("id", UUID.class), rs.getString("name"),
                Sex.valueOf(rs.getString("sex")).label(),
                PersonViews.age(rs.getDate("birth_date").toLocalDate(), LocalDate.now(clock)), number.masked(), phone,
                community, views.regionName(community), views.regionName(community.substring(0, 9)), rs.getString("grid_code"),
                List.of((String[]) categories.getArray()), editable, RelationToHead.valueOf(rs.getString("relation_to_head")).label());
    }

    private void auditList(Actor actor, String action, String objectId, List<PersonListItem> items) {
        audit.recordAccess(AuditEvent.success(action, "PERSON", objectId,
                        items.isEmpty() ? PersonReading.countyOf(actor) : items.get(0).communityCode())
                .withDetail("ids=" + items.stream().map(i -> i.id().toString()).collect(Collectors.joining(","))));
    }
}
