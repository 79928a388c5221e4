package cn.wushe.identity.internal;

import cn.wushe.identity.internal.Role;
import java.util.List;
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

    /** A demo account: its unit and its one role assignment. */
    record Seed(String username, String displayName, String homeRegionCode, Role role, String scopeCode) {
    }

    static final List<Seed> SEEDS = List.of(
            new Seed("county_admin", "县民政局管理员（演示）", "610527", Role.COUNTY_ADMIN, "610527"),
            new Seed("county_station", "县社工总站（演示）", "610527", Role.COUNTY_STATION, "610527"),
            new Seed("town_station", "城关街道社工站（演示）", "610527001", Role.TOWN_STATION, "610527001"),
            new Seed("community_worker", "道北社区工作者（演示）", "610527001001", Role.COMMUNITY_WORKER, "610527001001"),
            new Seed("community_worker2", "工农社区工作者（演示）", "610527001002", Role.COMMUNITY_WORKER, "610527001002"),
            new Seed("grid_worker", "道北社区网格员（演示）", "610527001001", Role.GRID_WORKER, "610527001001001"),
            new Seed("resident", "道北社区居民（演示）", "610527001001", Role.RESIDENT, "610527001001"),
            new Seed("org_staff", "社会组织人员（演示）", "610527", Role.ORG_STAFF, "610527"),
            new Seed("volunteer", "志愿者（演示）", "610527", Role.VOLUNTEER, "610527"),
            new Seed("charity_staff", "慈善组织人员（演示）", "610527", Role.CHARITY_STAFF, "610527"),
            new Seed("reviewer", "评审专家（演示）", "610527", Role.REVIEWER, "610527"),
            new Seed("sysadmin", "系统管理员（演示）", "610527", Role.SYSTEM_ADMIN, "610527"),
            new Seed("secadmin", "安全管理员（演示）", "610527", Role.SECURITY_ADMIN, "610527"),
            new Seed("auditor", "审计管理员（演示）", "610527", Role.AUDIT_ADMIN, "610527"));

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    private final UserAccounts accounts;
    private final SeededAccounts seeding;
    private final TransactionTemplate transaction;

    DemoAccounts(UserAccounts accounts, SeededAccounts seeding, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.seeding = seeding;
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
    }

    private void create(Seed seed) {
        seeding.open(seed, PASSWORD, "演示账号");
    }
}
