package cn.wushe.units.internal;

import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import cn.wushe.units.CreditCode;
import cn.wushe.units.UnitId;
import cn.wushe.units.UnitKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
 * Demo mode: the units of 白水县 (610527 unless {@code wushe.home-county} says otherwise) — seven
 * county departments, the county social-work station, every town's government or street office
 * and social-work station (names from the region tree), the committees and social-work rooms of
 * the demo accounts' communities, two social organizations and one charity. Every unit has a fixed
 * id derived from its role, so each start (also on an existing {@code ./data}) adds only what is
 * missing. Runs after the demo grids (order 20) and before the demo accounts (order 30), which
 * attach their holders to these units.
 */
@Component
@Order(25)
@ConditionalOnBooleanProperty(name = "wushe.demo.enabled")
class DemoUnits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUnits.class);
    static final String ACTOR = "演示数据";
    private static final List<String> DEPARTMENTS = List.of("民政局", "人力资源和社会保障局", "卫生健康局", "残疾人联合会",
            "教育局", "住房和城乡建设局", "医疗保障局");
    /** The communities of the demo accounts (道北社区, 工农社区 in 城关街道). */
    private static final List<String> COMMUNITY_SUFFIXES = List.of("001001", "001002");

    private final Regions regions;
    private final UnitManagement management;
    private final TransactionTemplate transaction;
    private final String county;

    DemoUnits(Regions regions, UnitManagement management, TransactionTemplate transaction,
            @Value("${wushe.home-county:610527}") String county) {
        this.regions = regions;
        this.management = management;
        this.transaction = transaction;
        this.county = county;
    }

    /** The fixed id of a demo unit. */
    static UnitId id(String key) {
        return new UnitId(UUID.nameUUIDFromBytes(("wushe-demo-unit:" + key).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer created = transaction.execute(status -> seedAll());
        log.info("演示单位：新建 {} 个", created);
    }

    private int seedAll() {
        Region home = regions.find(county).orElse(null);
        if (home == null) {
            return 0;
        }
        String countyName = home.name();
        int created = 0;
        UnitId civilAffairs = id(county + ":department:民政局");
        for (String department : DEPARTMENTS) {
            created += seed(id(county + ":department:" + department), UnitKind.COUNTY_DEPARTMENT, county,
                    countyName + department, null, null);
        }
        UnitId countyStation = id(county + ":county-station");
        created += seed(countyStation, UnitKind.COUNTY_STATION, county, countyName + "社会工作服务总站", civilAffairs, null);
        for (Region town : regions.children(county)) {
            String office = town.name().endsWith("街道") ? town.name() + "办事处" : town.name() + "人民政府";
            created += seed(id(town.code() + ":government"), UnitKind.TOWN_GOVERNMENT, town.code(), office, null, null);
            created += seed(id(town.code() + ":station"), UnitKind.TOWN_STATION, town.code(), town.name() + "社工站",
                    countyStation, null);
        }
        for (String suffix : COMMUNITY_SUFFIXES) {
            Region community = regions.find(county + suffix).orElse(null);
            if (community == null) {
                continue;
            }
            String town = community.code().substring(0, 9);
            created += seed(id(community.code() + ":committee"), UnitKind.COMMUNITY_COMMITTEE, community.code(),
                    community.name(), id(town + ":government"), null);
            created += seed(id(community.code() + ":room"), UnitKind.COMMUNITY_ROOM, community.code(),
                    community.name().replaceAll("(居委会|村委会)$", "") + "社工室", id(town + ":station"), null);
        }
        created += seed(id(county + ":social-work-centre"), UnitKind.SOCIAL_ORGANIZATION, county,
                countyName + "阳光社会工作服务中心", null, creditCode("52", "MJU000001"));
        String firstTown = county + "001";
        if (regions.exists(firstTown)) {
            created += seed(id(firstTown + ":mutual-aid"), UnitKind.SOCIAL_ORGANIZATION, firstTown,
                    countyName + regions.find(firstTown).orElseThrow().name() + "邻里互助协会", null,
                    creditCode("51", "MJU000002"));
        }
        created += seed(id(county + ":charity"), UnitKind.CHARITY_ORGANIZATION, county, countyName + "慈善协会", null,
                creditCode("51", "MJU000003"));
        return created;
    }

    private int seed(UnitId id, UnitKind kind, String region, String name, @Nullable UnitId parent,
            @Nullable CreditCode credit) {
        return management.seed(id, kind, region, name, parent, credit, ACTOR) ? 1 : 0;
    }

    /** A well-formed code of the county's civil-affairs registration: authority and type, region, organization code. */
    private CreditCode creditCode(String authorityAndType, String organization) {
        String first17 = authorityAndType + county + organization;
        return new CreditCode(first17 + CreditCode.checkCharacter(first17));
    }
}
