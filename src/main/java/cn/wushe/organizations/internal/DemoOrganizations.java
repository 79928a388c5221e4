package cn.wushe.organizations.internal;

import cn.wushe.organizations.OrganizationKind;
import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import cn.wushe.units.CreditCode;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import cn.wushe.units.Units;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: the register of 白水县 — the two social organizations of the demo units (阳光社工中心
 * 4A, 邻里互助协会), 28 more registered organizations with valid credit codes, and about 130
 * community organizations filed in the communities of every town, one unit each. Fixed ids, so a
 * start on an existing {@code ./data} adds nothing; one transaction, a few seconds.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty(name = "wushe.demo.enabled")
class DemoOrganizations implements ApplicationRunner {

    static final String ACTOR = "演示数据";
    private static final Logger log = LoggerFactory.getLogger(DemoOrganizations.class);
    private static final List<String> PLACES = List.of("仓颉", "杜康", "雷牙", "林皋", "尧禾", "北塬", "西固", "纵目", "冯雷",
            "史官", "城关", "彭衙", "洛河", "白水河");
    private static final List<String> SERVICES = List.of("社会工作服务中心", "志愿者协会", "养老服务中心", "青少年发展中心",
            "残疾人康复服务中心", "公益服务中心", "慈善基金会");
    private static final List<String> COMMUNITY_KINDS = List.of("VILLAGE_COUNCIL", "CEREMONY_COUNCIL", "ELDERLY_ASSOCIATION",
            "CULTURE_SPORTS_TEAM", "VOLUNTEER_TEAM", "MUTUAL_AID");
    private static final List<String> COMMUNITY_NAMES = List.of("村民议事会", "红白理事会", "老年协会", "秧歌队", "志愿服务队",
            "邻里互助会");
    private static final List<String> LEADERS = List.of("王建军", "李秀兰", "张卫东", "刘桂英", "陈志强", "杨丽娟", "赵国庆",
            "黄海燕", "周永红", "吴春梅");
    private static final int COMMUNITY_TARGET = 130;

    private final OrganizationRegister register;
    private final Incubation incubation;
    private final JdbcOrganizations organizations;
    private final Regions regions;
    private final Units units;
    private final TransactionTemplate transaction;
    private final java.time.Clock clock;
    private final String county;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    DemoOrganizations(OrganizationRegister register, Incubation incubation, JdbcOrganizations organizations, Regions regions,
            Units units, TransactionTemplate transaction, java.time.Clock clock,
            @Value("${wushe.home-county:610527}") String county, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.register = register;
        this.incubation = incubation;
        this.organizations = organizations;
        this.regions = regions;
        this.units = units;
        this.transaction = transaction;
        this.county = county;
    }

    static UnitId id(String key) {
        return new UnitId(UUID.nameUUIDFromBytes(("wushe-demo-organization:" + key).getBytes(StandardCharsets.UTF_8)));
    }

    /** The system acting for the demo: ORG_MANAGE over the home county. */
    private Actor system() {
        return new Actor() {
            @Override
            public UUID id() {
                return new UUID(0, 0);
            }

            @Override
            public String username() {
                return "system";
            }

            @Override
            public String displayName() {
                return ACTOR;
            }

            @Override
            public Set<String> roles() {
                return Set.of();
            }

            @Override
            public List<RegionScope> scopesFor(Permission permission) {
                return permission == Permission.ORG_MANAGE || permission == Permission.DOCUMENT_REVOKE
                        ? List.of(new RegionScope(county)) : List.of();
            }
        };
    }

    @Override
    public void run(ApplicationArguments args) {
        if (regions.find(county).isEmpty()) {
            return;
        }
        if (organizations.load(id("registered:0"), cn.wushe.platform.ScopeFilter.unscoped("demo seed check"), false).isEmpty()) {
            Integer created = transaction.execute(status -> seed());
            log.info("演示社会组织：新建 {} 个", created);
        }
        boolean communitiesDone = jdbc.sql("select exists (select 1 from organizations.community_population where county_code = :c)")
                .param("c", county).query(Boolean.class).single();
        if (!communitiesDone) {
            transaction.executeWithoutResult(status -> seedCommunities());
            log.info("演示社区人口和社会组织报到");
        }
    }

    /**
     * Residents for every community but those of the last town (so the page shows what a missing
     * figure looks like), and 报到 of the registered organizations to the demo community worker's
     * community: all confirmed but one, which waits for the community.
     */
    private void seedCommunities() {
        List<Region> towns = regions.children(county);
        int year = LocalDate.now(clock.withZone(OrganizationRegister.CHINA)).getYear() - 1;
        for (int t = 0; t < towns.size() - 1; t++) {
            List<Region> communities = regions.children(towns.get(t).code());
            for (int c = 0; c < communities.size(); c++) {
                jdbc.sql("insert into organizations.community_population (community_code, county_code, residents, as_of_year, "
                                + "updated_by, updated_at) values (:code, :county, :r, :y, :by, now()) on conflict do nothing")
                        .param("code", communities.get(c).code()).param("county", county)
                        .param("r", 1200 + (c * 379 + t * 911) % 4800).param("y", year).param("by", ACTOR).update();
            }
        }
        // the demo community worker's community (道北社区 of 白水县): the first community by code
        String community = towns.stream().map(Region::code).sorted().findFirst()
                .flatMap(town -> regions.children(town).stream().map(Region::code).sorted().findFirst()).orElse(null);
        if (community == null) {
            return;
        }
        // every registered organization of the county serves 道北社区 (so its page lists the funded projects); one waits
        java.util.LinkedHashSet<UnitId> distinct = new java.util.LinkedHashSet<>();
        units.ofKind(UnitKind.SOCIAL_ORGANIZATION, county).forEach(u -> distinct.add(u.id()));
        distinct.remove(id("registered:3"));
        List<UnitId> reporting = new ArrayList<>(distinct);
        reporting.add(id("registered:3"));
        String[] offers = {"独居老人探访、助餐", "儿童课后托管", "残疾人康复训练", "社区议事协商辅导", "志愿者培训"};
        for (int i = 0; i < reporting.size(); i++) {
            boolean pending = i == reporting.size() - 1;
            jdbc.sql("""
                    insert into organizations.checkins (organization_id, community_code, county_code, services, status,
                        reported_at, decided_at, decided_by)
                    select :o, :c, :county, :s, :st, now(), cast(:at as timestamptz), cast(:by as text)
                    where exists (select 1 from organizations.organizations where id = :o and status = 'ACTIVE' and kind <> 'COMMUNITY')
                    on conflict do nothing
                    """).param("o", reporting.get(i).value()).param("c", community).param("county", county)
                    .param("s", offers[i % offers.length]).param("st", pending ? "REPORTED" : "CONFIRMED")
                    .param("at", pending ? null : java.sql.Timestamp.from(clock.instant())).param("by", pending ? null : ACTOR)
                    .update();
        }
    }

    private int seed() {
        int created = 0;
        String countyName = regions.find(county).orElseThrow().name();
        for (Unit unit : units.ofKind(UnitKind.SOCIAL_ORGANIZATION, county)) {
            boolean centre = unit.name().contains("阳光");
            if (register.adopt(unit.id(), centre ? OrganizationKind.SOCIAL_SERVICE : OrganizationKind.SOCIAL_GROUP,
                    unit.name(), unit.regionCode(), unit.creditCode(), LEADERS.getFirst(), centre ? 4 : null,
                    centre ? LocalDate.of(2028, 12, 31) : null, ACTOR)) {
                created++;
            }
        }
        Actor system = system();
        for (int i = 0; i < 28; i++) {
            String service = SERVICES.get((i + i / PLACES.size()) % SERVICES.size());
            OrganizationKind kind = service.endsWith("基金会") ? OrganizationKind.FOUNDATION
                    : service.endsWith("协会") ? OrganizationKind.SOCIAL_GROUP : OrganizationKind.SOCIAL_SERVICE;
            String org8 = "MJD" + String.format("%05d", i + 10);
            String first17 = "5" + kind.category() + county + org8 + CreditCode.organizationCheckCharacter(org8);
            String name = countyName + PLACES.get(i % PLACES.size()) + service;
            register.register(system, id("registered:" + i), new OrganizationRegister.NewOrganization(kind.name(), name,
                    county, first17 + CreditCode.checkCharacter(first17), LEADERS.get(i % LEADERS.size()), leaderId(i),
                    "1390913" + String.format("%04d", i), i % 3 == 0 ? "SINGLE" : i % 3 == 1 ? "JOINT" : "NONE",
                    i % 2 == 0 ? "为老服务、社区治理" : "儿童关爱、助残服务", null, null, null), ACTOR);
            created++;
        }
        incubate(system);
        List<Region> communities = new ArrayList<>();
        for (Region town : regions.children(county)) {
            communities.addAll(regions.children(town.code()));
        }
        for (int i = 0; i < Math.min(COMMUNITY_TARGET, communities.size()); i++) {
            Region community = communities.get(i);
            int type = i % COMMUNITY_KINDS.size();
            String base = community.name().replaceAll("(居委会|村委会|社区|村)$", "");
            register.register(system, id("filed:" + community.code()), new OrganizationRegister.NewOrganization("COMMUNITY",
                    base + COMMUNITY_NAMES.get(type), community.code(), null, LEADERS.get((i + 3) % LEADERS.size()), null,
                    null, "NONE", null, COMMUNITY_KINDS.get(type), 8 + i % 40, "章程已备案"), ACTOR);
            created++;
        }
        return created;
    }

    /** One organization at every incubation stage: applied, incubating, evaluated (failed), graduated, exited. */
    private void incubate(Actor system) {
        LocalDate term = LocalDate.now(clock.withZone(OrganizationRegister.CHINA)).plusMonths(6);
        java.util.Map<String, Boolean> all = new java.util.LinkedHashMap<>();
        Incubation.CHECKLIST.forEach(item -> all.put(item, true));
        java.util.Map<String, Boolean> failed = new java.util.LinkedHashMap<>(all);
        failed.put(Incubation.CHECKLIST.get(1), false);
        for (int stage = 0; stage < 5; stage++) {
            UnitId org = id("registered:" + (20 + stage));
            incubation.apply(system, org);
            if (stage == 4) {
                incubation.exit(system, org, "负责人变动，主动退出");
                continue;
            }
            if (stage == 0) {
                continue;
            }
            incubation.admit(system, org, term, "白水县社会组织孵化基地 " + stage + " 号室");
            incubation.logService(system, org, Incubation.SERVICE_KINDS.get(stage % 3), "财务制度和项目设计辅导");
            if (stage == 2) {
                incubation.evaluate(system, org, failed);
            } else if (stage == 3) {
                incubation.evaluate(system, org, all);
                incubation.graduate(system, org);
            }
        }
    }

    /** A valid demo identity number: 白水县, born 1965–1990. */
    private String leaderId(int i) {
        String first17 = county + (1965 + i) + String.format("%02d%02d", 1 + i % 12, 1 + i % 28) + String.format("%03d", 100 + i);
        return first17 + IdentityNumber.checkCharacter(first17);
    }
}
