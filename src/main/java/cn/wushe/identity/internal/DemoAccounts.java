package cn.wushe.identity.internal;

import cn.wushe.identity.internal.Role;
import cn.wushe.units.UnitKind;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One account per role in 白水县 (610527), all with the well-known password {@value #PASSWORD}, for
 * demonstrations only ({@code wushe.demo.enabled=true}). Runs after the region import (order 10)
 * and the demo grids (order 20); accounts that exist already are left as they are.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "wushe.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "Demo@2026";

    /**
     * The TOTP secret of the three demo administrators, published in docs/demo-accounts.md so that a
     * demonstration (and the browser tests) can add the account to an authenticator app or compute
     * the code; the administrators must use a second factor (security.md item 7).
     */
    static final String SECOND_FACTOR_SECRET = "WUSHEDEMOTOTPSECRETWUSHEDEMOTOTP";

    /**
     * A demo account: its home region, its one role assignment and the demo unit (单位) it belongs
     * to, if any.
     */
    record Seed(String username, String displayName, String homeRegionCode, Role role, String scopeCode,
            @Nullable UnitRef unit) {

        Seed(String username, String displayName, String homeRegionCode, Role role, String scopeCode) {
            this(username, displayName, homeRegionCode, role, scopeCode, null);
        }

        Seed in(UnitKind kind, String regionCode, String name) {
            return new Seed(username, displayName, homeRegionCode, role, scopeCode, new UnitRef(kind, regionCode, name));
        }
    }

    /** A demo unit as the units module's demo data names it. */
    record UnitRef(UnitKind kind, String regionCode, String name) {
    }

    private static final String CIVIL_AFFAIRS = "白水县民政局";

    static final List<Seed> SEEDS = List.of(
            new Seed("county_admin", "县民政局管理员（演示）", "610527", Role.COUNTY_ADMIN, "610527")
                    .in(UnitKind.COUNTY_DEPARTMENT, "610527", CIVIL_AFFAIRS),
            new Seed("county_station", "县社工总站（演示）", "610527", Role.COUNTY_STATION, "610527")
                    .in(UnitKind.COUNTY_STATION, "610527", "白水县社会工作服务总站"),
            new Seed("town_station", "城关街道社工站（演示）", "610527001", Role.TOWN_STATION, "610527001")
                    .in(UnitKind.TOWN_STATION, "610527001", "城关街道社工站"),
            new Seed("community_worker", "道北社区工作者（演示）", "610527001001", Role.COMMUNITY_WORKER, "610527001001")
                    .in(UnitKind.COMMUNITY_COMMITTEE, "610527001001", "道北社区居委会"),
            new Seed("community_worker2", "工农社区工作者（演示）", "610527001002", Role.COMMUNITY_WORKER, "610527001002")
                    .in(UnitKind.COMMUNITY_COMMITTEE, "610527001002", "工农社区居委会"),
            new Seed("grid_worker", "道北社区网格员（演示）", "610527001001", Role.GRID_WORKER, "610527001001001")
                    .in(UnitKind.COMMUNITY_COMMITTEE, "610527001001", "道北社区居委会"),
            new Seed("resident", "道北社区居民（演示）", "610527001001", Role.RESIDENT, "610527001001"),
            new Seed("org_staff", "社会组织人员（演示）", "610527", Role.ORG_STAFF, "610527")
                    .in(UnitKind.SOCIAL_ORGANIZATION, "610527", "白水县阳光社会工作服务中心"),
            new Seed("volunteer", "志愿者（演示）", "610527", Role.VOLUNTEER, "610527")
                    .in(UnitKind.SOCIAL_ORGANIZATION, "610527001", "白水县城关街道邻里互助协会"),
            new Seed("charity_staff", "慈善组织人员（演示）", "610527", Role.CHARITY_STAFF, "610527")
                    .in(UnitKind.CHARITY_ORGANIZATION, "610527", "白水县慈善协会"),
            new Seed("reviewer", "评审专家（演示）", "610527", Role.REVIEWER, "610527"),
            new Seed("town_office", "城关街道民政办（演示）", "610527001", Role.TOWN_OFFICE, "610527001")
                    .in(UnitKind.TOWN_GOVERNMENT, "610527001", "城关街道办事处"),
            new Seed("evaluator", "第三方评估机构（演示）", "610527", Role.EVALUATOR, "610527"),
            new Seed("sysadmin", "系统管理员（演示）", "610527", Role.SYSTEM_ADMIN, "610527")
                    .in(UnitKind.COUNTY_DEPARTMENT, "610527", CIVIL_AFFAIRS),
            new Seed("secadmin", "安全管理员（演示）", "610527", Role.SECURITY_ADMIN, "610527")
                    .in(UnitKind.COUNTY_DEPARTMENT, "610527", CIVIL_AFFAIRS),
            new Seed("auditor", "审计管理员（演示）", "610527", Role.AUDIT_ADMIN, "610527")
                    .in(UnitKind.COUNTY_DEPARTMENT, "610527", CIVIL_AFFAIRS),
            new Seed("street_staff", "城关街道办事处经办人（演示）", "610527001", Role.UNIT_STAFF, "610527")
                    .in(UnitKind.TOWN_GOVERNMENT, "610527001", "城关街道办事处"),
            new Seed("street_lead", "城关街道办事处负责人（演示）", "610527001", Role.UNIT_LEAD, "610527")
                    .in(UnitKind.TOWN_GOVERNMENT, "610527001", "城关街道办事处"),
            new Seed("dept_staff", "县民政局经办人（演示）", "610527", Role.UNIT_STAFF, "610527")
                    .in(UnitKind.COUNTY_DEPARTMENT, "610527", CIVIL_AFFAIRS),
            new Seed("dept_lead", "县民政局负责人（演示）", "610527", Role.UNIT_LEAD, "610527")
                    .in(UnitKind.COUNTY_DEPARTMENT, "610527", CIVIL_AFFAIRS),
            new Seed("team_leader", "志愿服务队队长（演示）", "610527001001", Role.TEAM_LEADER, "610527")
                    .in(UnitKind.COMMUNITY_COMMITTEE, "610527001001", "道北社区居委会"),
            new Seed("store_keeper", "积分超市管理员（演示）", "610527001001", Role.STORE_KEEPER, "610527001001")
                    .in(UnitKind.COMMUNITY_COMMITTEE, "610527001001", "道北社区居委会"));

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    private final UserAccounts accounts;
    private final SeededAccounts seeding;
    private final UnitDirectory units;
    private final MembershipAdministration memberships;
    private final TransactionTemplate transaction;

    private final SecondFactors secondFactors;

    DemoAccounts(UserAccounts accounts, SeededAccounts seeding, UnitDirectory units,
            MembershipAdministration memberships, TransactionTemplate transaction, SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.seeding = seeding;
        this.units = units;
        this.memberships = memberships;
        this.transaction = transaction;
    }

    static boolean isDemoAccount(String username) {
        return SEEDS.stream().anyMatch(seed -> seed.username().equalsIgnoreCase(username));
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (Seed seed : SEEDS) {
            if (accounts.findByUsername(Username.normalize(seed.username())).isEmpty()) {
                transaction.executeWithoutResult(status -> create(seed));
                created++;
            }
        }
        LOG.info("演示账号：新建 {} 个，已有 {} 个；密码均为 {}：{}", created, SEEDS.size() - created, PASSWORD,
                SEEDS.stream().map(Seed::username).collect(java.util.stream.Collectors.joining(", ")));
        Integer attached = transaction.execute(status -> attachToUnits());
        LOG.info("演示账号加入单位：新加入 {} 个", attached);
        for (Seed seed : SEEDS) {
            if (SecondFactors.ADMINISTRATORS.contains(seed.role().name())) {
                accounts.findByUsername(Username.normalize(seed.username()))
                        .filter(account -> !secondFactors.enrolled(account.id()))
                        .ifPresent(account -> secondFactors.enrolKnownSecret(account.id(), SECOND_FACTOR_SECRET));
            }
        }
    }

    /**
     * Puts every demo account into its demo unit unless it is there already: on every start, so a
     * {@code ./data} created before units existed gains the memberships too. A unit that the units
     * module's demo data lacks (a region missing from the tree) is skipped.
     */
    int attachToUnits() {
        int attached = 0;
        for (Seed seed : SEEDS) {
            UnitRef ref = seed.unit();
            if (ref == null) {
                continue;
            }
            var account = accounts.findByUsername(Username.normalize(seed.username()));
            var unit = units.named(ref.kind(), ref.regionCode(), ref.name());
            if (account.isPresent() && unit.isPresent() && memberships.seed(account.get().id(), unit.get(), "演示账号")) {
                attached++;
            }
        }
        return attached;
    }

    private void create(Seed seed) {
        seeding.open(seed, PASSWORD, "演示账号");
    }
}
