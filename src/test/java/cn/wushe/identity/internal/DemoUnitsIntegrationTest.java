package cn.wushe.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Demo mode's units (单位) of 白水县 and the demo accounts in them: seeded on every start without
 * doubling anything, and a {@code ./data} whose accounts predate units gains the memberships at the
 * next start. Shares the demo database of {@link DemoAccountsIntegrationTest}.
 */
@SpringBootTest(properties = {"wushe.demo.enabled=true", "wushe.data-dir=" + DemoAccountsIntegrationTest.DATA_DIR})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoUnitsIntegrationTest {

    /** Demo accounts that belong to a unit (the seeds with {@code .in(...)}). */
    private static final int MEMBERSHIPS = 19;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoAccounts demoAccounts;
    @Autowired
    ApplicationContext context;

    @Test
    void baishuiHasItsDepartmentsOfficesStationsAndOrganizations() {
        List<String> kinds = jdbc.sql("select kind || ':' || count(*) from units.units where county_code = '610527' "
                + "and name not like '%测试%' group by kind order by kind").query(String.class).list();
        assertThat(kinds).containsExactly("CHARITY_ORGANIZATION:1", "COMMUNITY_COMMITTEE:2", "COMMUNITY_ROOM:2",
                "COUNTY_DEPARTMENT:7", "COUNTY_STATION:1", "SOCIAL_ORGANIZATION:160", "TOWN_GOVERNMENT:8", "TOWN_STATION:8");
        assertThat(jdbc.sql("select name from units.units where region_code = '610527001' and kind = 'TOWN_GOVERNMENT'")
                .query(String.class).single()).isEqualTo("城关街道办事处");
        assertThat(jdbc.sql("""
                select p.name from units.units u join units.units p on p.id = u.parent_id where u.name = '尧禾镇社工站'
                """).query(String.class).single()).isEqualTo("白水县社会工作服务总站");
        assertThat(jdbc.sql("select count(*) from units.units where kind in ('SOCIAL_ORGANIZATION', 'CHARITY_ORGANIZATION') "
                + "and credit_code is not null and county_code = '610527' and name not like '%测试%'").query(Integer.class).single())
                .isEqualTo(31);
    }

    @Test
    void demoAccountsBelongToFittingUnits() {
        assertThat(memberships()).containsExactlyInAnyOrder(
                "auditor 白水县民政局 true", "charity_staff 白水县慈善协会 true", "community_worker 道北社区居委会 true",
                "community_worker2 工农社区居委会 true", "county_admin 白水县民政局 true",
                "county_station 白水县社会工作服务总站 true", "grid_worker 道北社区居委会 true",
                "org_staff 白水县阳光社会工作服务中心 true", "secadmin 白水县民政局 true", "sysadmin 白水县民政局 true",
                "town_station 城关街道社工站 true", "volunteer 白水县城关街道邻里互助协会 true",
                "team_leader 道北社区居委会 true", "store_keeper 道北社区居委会 true",
                "town_office 城关街道办事处 true", "street_staff 城关街道办事处 true", "street_lead 城关街道办事处 true",
                "dept_staff 白水县民政局 true", "dept_lead 白水县民政局 true");
    }

    @Test
    void seedingAgainAddsNothingAndAnOldDataDirectoryGainsTheMemberships() throws Exception {
        int units = count("select count(*) from units.units");
        int attachEntries = count("select count(*) from audit.entries where action = 'USER_UNIT_ATTACH'");
        context.getBean("demoUnits", ApplicationRunner.class).run(new DefaultApplicationArguments());
        demoAccounts.run(new DefaultApplicationArguments());
        assertThat(count("select count(*) from units.units")).isEqualTo(units);
        assertThat(count("select count(*) from audit.entries where action = 'USER_UNIT_ATTACH'")).isEqualTo(attachEntries);

        // a ./data seeded before units existed: accounts and units are there, memberships are not
        jdbc.sql("delete from identity.unit_memberships where user_id in (select id from identity.users where username = any(:names))")
                .param("names", DemoAccounts.SEEDS.stream().map(DemoAccounts.Seed::username).toArray(String[]::new)).update();
        assertThat(demoAccounts.attachToUnits()).isEqualTo(MEMBERSHIPS);
        assertThat(memberships()).hasSize(MEMBERSHIPS);
        assertThat(demoAccounts.attachToUnits()).isZero();
        assertThat(count("select count(*) from audit.entries where action = 'USER_UNIT_ATTACH'")).isEqualTo(attachEntries + MEMBERSHIPS);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private List<String> memberships() {
        return jdbc.sql("""
                select u.username || ' ' || n.name || ' ' || m.is_primary from identity.unit_memberships m
                join identity.users u on u.id = m.user_id join units.units n on n.id = m.unit_id
                where u.username = any(:names)
                """).param("names", DemoAccounts.SEEDS.stream().map(DemoAccounts.Seed::username).toArray(String[]::new))
                .query(String.class).list();
    }
}
