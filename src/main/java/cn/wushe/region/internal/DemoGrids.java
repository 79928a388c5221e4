package cn.wushe.region.internal;

import cn.wushe.platform.RegionScope;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.region.internal.GridCode;
import cn.wushe.region.Region;
import cn.wushe.region.internal.RegionCode;
import java.util.List;
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
 * Demo mode: two to four grids in every community of the home county (白水县 610527 unless
 * {@code wushe.home-county} says otherwise), numbered 001, 002 … The count and the naming style
 * follow from the community code, so every start and every machine produces the same grids;
 * existing codes are skipped. Grid workers are assigned by the identity module's demo accounts.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty(name = "wushe.demo.enabled")
class DemoGrids implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGrids.class);
    static final String ACTOR = "演示数据";
    private static final List<String> ORDINALS = List.of("第一网格", "第二网格", "第三网格", "第四网格");
    private static final List<String> QUARTERS = List.of("东片网格", "西片网格", "南片网格", "北片网格");

    private final JdbcRegions regions;
    private final GridManagement management;
    private final TransactionTemplate transaction;
    private final String homeCounty;

    DemoGrids(JdbcRegions regions, GridManagement management, TransactionTemplate transaction,
            @Value("${wushe.home-county:610527}") String homeCounty) {
        this.regions = regions;
        this.management = management;
        this.transaction = transaction;
        this.homeCounty = homeCounty;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer created = transaction.execute(status -> {
            int count = 0;
            for (Region community : communities()) {
                for (int n = 1; n <= gridsIn(community.code()); n++) {
                    GridCode code = GridCode.of(new RegionCode(community.code()), n);
                    if (management.seed(code, new GridName(name(community, n)), ACTOR)) {
                        count++;
                    }
                }
            }
            return count;
        });
        log.info("演示网格：新建 {} 个（{}）", created, homeCounty);
    }

    private List<Region> communities() {
        return regions.communitiesWhere(ScopeFilter.of(List.of(new RegionScope(homeCounty)), "county_code", "code"),
                10_000);
    }

    /** 2, 3 or 4, fixed per community. */
    static int gridsIn(String communityCode) {
        return 2 + Math.floorMod(communityCode.hashCode(), 3);
    }

    /** e.g. 道北社区第一网格, 满义村东片网格: the community's short name and a style fixed per community. */
    static String name(Region community, int n) {
        String shortName = community.name().replaceFirst("(村民委员会|村委会)$", "村")
                .replaceFirst("(居民委员会|居委会)$", "");
        List<String> style = Math.floorMod(community.code().hashCode(), 2) == 0 ? ORDINALS : QUARTERS;
        return shortName + style.get(n - 1);
    }
}
