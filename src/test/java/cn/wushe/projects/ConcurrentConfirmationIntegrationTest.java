package cn.wushe.projects;

import static cn.wushe.projects.ProjectFixtures.COUNTY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.organizations.internal.OrganizationRegister;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.TestActor;
import cn.wushe.projects.internal.Confirming;
import cn.wushe.projects.internal.Round;
import cn.wushe.projects.internal.RoundManagement;
import cn.wushe.units.UnitId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * k+1 recommended applications confirmed at the same moment, each on its own connection, on a
 * budget with room for k: exactly k win, one is refused with budget-exceeded, and the remaining
 * budget never goes below zero. The refused one stays recommended and unaudited.
 */
@SpringBootTest
@ActiveProfiles("test")
class ConcurrentConfirmationIntegrationTest {

    static final int K = 4;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void kPlusOneConfirmationsOnRoomForKConfirmK(@Autowired OrganizationRegister register, @Autowired RoundManagement rounds,
            @Autowired Confirming confirming) throws Exception {
        TestActor manager = ProjectFixtures.manager();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        BigDecimal award = new BigDecimal("10000");
        // room for K awards and a little more, not enough for K + 1
        BigDecimal budget = award.multiply(BigDecimal.valueOf(K)).add(new BigDecimal("9999.99"));
        UUID round = tx.execute(s -> rounds.open(manager, new RoundManagement.NewRound("MICRO", "并发确认测试轮次", "民政局",
                budget, today, today.plusDays(5), today.plusDays(9), 1, true, 0, null,
                List.of(new Round.Criterion("综合", 100)), List.of(new Round.Standard("为老服务", award)), null, 6, COUNTY))).id();
        List<UUID> applications = new ArrayList<>();
        for (int i = 0; i <= K; i++) {
            UnitId org = tx.execute(s -> ProjectFixtures.organization(register, manager, ProjectFixtures.unique("并发确认")));
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into projects.applications (county_code, id, round_id, owner_unit_id, owner_name, region_code,
                        title, field, requested, status, version, created_at, updated_at)
                    values (:c, :id, :r, :o, '并发确认组织', :c, '并发确认项目', '为老服务', :amount, 'RECOMMENDED', 0, now(), now())
                    """).param("c", COUNTY).param("id", id).param("r", round).param("o", org.value()).param("amount", award)
                    .update();
            applications.add(id);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(K + 1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (UUID id : applications) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    confirming.confirm(manager, id);
                    return "CONFIRMED";
                } catch (DomainException e) {
                    return e.type().name();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }
        pool.shutdown();

        assertThat(results.stream().filter("CONFIRMED"::equals).count()).isEqualTo(K);
        assertThat(results).containsOnlyOnce(ProblemType.BUDGET_EXCEEDED.name());
        assertThat(jdbc.sql("select budget_remaining from projects.rounds where id = :r").param("r", round)
                .query(BigDecimal.class).single()).isEqualByComparingTo("9999.99");
        assertThat(jdbc.sql("select count(*) from projects.applications where round_id = :r and status = 'CONFIRMED'")
                .param("r", round).query(Integer.class).single()).isEqualTo(K);
        assertThat(jdbc.sql("select count(*) from audit.entries where action = 'APPLICATION_STATUS' and detail = "
                + "'RECOMMENDED->CONFIRMED' and object_id = any(:ids)")
                .param("ids", applications.stream().map(UUID::toString).toArray(String[]::new)).query(Integer.class).single())
                .isEqualTo(K);
    }
}
