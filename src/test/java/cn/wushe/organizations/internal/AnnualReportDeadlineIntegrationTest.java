package cn.wushe.organizations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import cn.wushe.units.CreditCodeCivilAffairsUnitTest;
import cn.wushe.units.UnitId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年报 deadline: a registered organization without a report for the year goes on the abnormal list
 * with the reason and an audit entry, one that reported does not, a filed community organization is
 * not asked; firing twice lists nobody twice. Rolled back.
 */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
class AnnualReportDeadlineIntegrationTest {

    @Autowired
    OrganizationRegister register;

    @Autowired
    AnnualReportDeadline deadline;

    @Autowired
    JdbcClient jdbc;

    final TestActor admin = new TestActor(UUID.randomUUID(), "annual", "annual", Set.of("TEST"),
            Map.of(Permission.ORG_MANAGE, List.of(new RegionScope("610527")), Permission.ORG_VIEW,
                    List.of(new RegionScope("610527"))));

    private UnitId organization(String name) {
        String org8 = "MB" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        return register.register(admin, new OrganizationRegister.NewOrganization("SOCIAL_GROUP", name, "610527",
                CreditCodeCivilAffairsUnitTest.valid("51", "610527", org8), "王强", "610527198003150010", null, "NONE", null,
                null, null, null)).id();
    }

    private String state(UnitId id) {
        return jdbc.sql("select abnormal::text || ':' || (select count(*) from organizations.abnormal_entries e "
                + "where e.organization_id = o.id) from organizations.organizations o where o.id = :id")
                .param("id", id.value()).query(String.class).single();
    }

    @Test
    void missingReportsAreListedOnceWithTheReason() {
        UnitId silent = organization("年报测试沉默协会" + UUID.randomUUID().toString().substring(0, 4));
        UnitId reported = organization("年报测试报送协会" + UUID.randomUUID().toString().substring(0, 4));
        register.annualReport(admin, reported, 2025, "QUALIFIED");

        assertThat(deadline.listMissing("610527", 2025)).isPositive();
        assertThat(state(silent)).isEqualTo("true:1");
        assertThat(state(reported)).isEqualTo("false:0");
        assertThat(jdbc.sql("select reason from organizations.abnormal_entries where organization_id = :id")
                .param("id", silent.value()).query(String.class).single()).isEqualTo("未按时报送 2025 年年报");
        assertThat(jdbc.sql("select count(*) from audit.entries where action = 'ORGANIZATION_ABNORMAL' and object_id = :id")
                .param("id", silent.toString()).query(Integer.class).single()).isEqualTo(1);

        deadline.listMissing("610527", 2025);
        assertThat(state(silent)).isEqualTo("true:1");

        register.annualReport(admin, silent, 2026, "QUALIFIED");
        assertThat(state(silent)).isEqualTo("false:1");
        assertThat(jdbc.sql("select removal_reason from organizations.abnormal_entries where organization_id = :id")
                .param("id", silent.value()).query(String.class).single()).isEqualTo("2026 年年报合格");
    }
}
