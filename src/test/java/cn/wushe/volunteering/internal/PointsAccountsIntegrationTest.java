package cn.wushe.volunteering.internal;

import static cn.wushe.volunteering.internal.HoursReportsIntegrationTest.refusal;
import static cn.wushe.volunteering.internal.VolunteeringFixtures.DAOBEI;
import static cn.wushe.volunteering.internal.VolunteeringRulesIntegrationTest.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.wushe.platform.TestActor;
import cn.wushe.units.internal.UnitManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 积分户 of residents without a volunteer profile: opened by the community's keeper with name and mobile
 * (stored encrypted, shown masked), found by mobile or a printed card, earns deeds and redeems like a
 * volunteer (never below zero, also when two keepers redeem at once), and attached to a volunteer later
 * with its balance moved over; keepers of other communities or counties do not find it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PointsAccountsIntegrationTest {

    @Autowired
    PointsAccounts accounts;
    @Autowired
    Deeds deeds;
    @Autowired
    Points points;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void aResidentWithoutProfileEarnsRedeemsAndIsAttachedToTheirVolunteerProfile(@Autowired Volunteers volunteers,
            @Autowired Activities activities, @Autowired UnitManagement units) throws Exception {
        VolunteeringFixtures f = new VolunteeringFixtures(volunteers, activities, units, jdbc);
        UUID organizer = f.committee(DAOBEI).value();
        TestActor county = VolunteeringFixtures.worker("vol_acct_county", "610527", organizer);
        TestActor keeper = VolunteeringFixtures.worker("vol_acct_keeper", DAOBEI, organizer);
        TestActor sibling = VolunteeringFixtures.worker("vol_acct_sibling", "610527001002", organizer);
        UUID deed = as(county, () -> deeds.add(county, "610527", "分拣垃圾" + VolunteeringFixtures.RUN, 6));
        String phone = "139" + String.format("%08d", Math.floorMod(VolunteeringFixtures.RUN.hashCode(), 100_000_000));

        UUID account = as(keeper, () -> accounts.open(keeper, DAOBEI, "王秀英", phone));
        assertThat(refusal(() -> as(keeper, () -> accounts.open(keeper, DAOBEI, "王秀英", phone)))).contains("400", "已有积分户");
        assertThat(refusal(() -> as(keeper, () -> accounts.open(keeper, DAOBEI, "王秀英", "12345")))).contains("400", "phone");
        assertThat(refusal(() -> as(sibling, () -> accounts.open(sibling, DAOBEI, "李四", "13700000000")))).startsWith("403");
        assertThat(jdbc.sql("select phone_enc from volunteering.points_accounts where id = :id").param("id", account)
                .query(String.class).single()).doesNotContain(phone.substring(3));

        Deeds.Awarded byPhone = as(keeper, () -> deeds.award(keeper, phone, deed, "在小区分拣垃圾"));
        assertThat(byPhone.balanceAfter()).isEqualTo(6);
        assertThat(byPhone.volunteerName()).doesNotContain("秀英");
        String card = as(keeper, () -> accounts.cardCode(keeper, account));
        assertThat(as(keeper, () -> deeds.award(keeper, card, deed, "帮邻居分拣垃圾")).balanceAfter()).isEqualTo(12);
        assertThat(refusal(() -> as(sibling, () -> deeds.award(sibling, card, deed, "分拣垃圾")))).startsWith("404");
        assertThat(refusal(() -> as(sibling, () -> deeds.award(sibling, phone, deed, "分拣垃圾")))).contains("400", "没有找到");
        assertThat(refusal(() -> as(keeper, () -> deeds.award(keeper, "13800000000", deed, "分拣垃圾")))).contains("400", "没有找到");
        List<PointsAccounts.Account> listed = as(keeper, () -> accounts.list(keeper));
        assertThat(listed).filteredOn(a -> a.id().equals(account)).singleElement()
                .satisfies(a -> assertThat(a.balance()).isEqualTo(12))
                .satisfies(a -> assertThat(a.maskedPhone()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7)));
        assertThat(as(sibling, () -> accounts.list(sibling))).extracting(PointsAccounts.Account::id).doesNotContain(account);

        // the last 10 points redeemed by two keepers at once: one wins, the balance never goes below zero
        UUID goods = f.goods("acct-soap" + VolunteeringFixtures.RUN, DAOBEI, 10, 5);
        List<String> outcomes = race(2, () -> as(keeper, () -> points.redeem(keeper, phone, goods, 1)).balanceAfter() + "");
        assertThat(outcomes).containsExactlyInAnyOrder("2", "refused 409");
        assertThat(points.balance("610527", DAOBEI, account)).isEqualTo(2);

        UUID volunteer = f.volunteer("acct" + VolunteeringFixtures.RUN, DAOBEI, null, "王秀英", 981);
        int before = points.balance("610527", DAOBEI, volunteer);
        assertThat(refusal(() -> as(keeper, () -> accounts.attach(keeper, account, card)))).contains("400", "志愿者的积分卡");
        assertThat(refusal(() -> as(sibling, () -> accounts.attach(sibling, account, points.cardCode(volunteer))))).startsWith("404");
        PointsAccounts.Attached attached = as(keeper, () -> accounts.attach(keeper, account, points.cardCode(volunteer)));
        assertThat(attached.merged()).isEqualTo(2);
        assertThat(points.balance("610527", DAOBEI, volunteer)).isEqualTo(before + 2);
        assertThat(points.balance("610527", DAOBEI, account)).isZero();
        assertThat(jdbc.sql("select sum(points) from volunteering.points_ledger where kind = 'MERGE' and volunteer_id in (:a, :v)")
                .param("a", account).param("v", volunteer).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                select coalesce(sum(points), 0) from volunteering.points_ledger where county_code = '610527' and volunteer_id = :a""")
                .param("a", account).query(Integer.class).single()).isZero();
        // the printed card now names the volunteer; the mobile finds no open account any more
        assertThat(as(keeper, () -> deeds.award(keeper, card, deed, "继续分拣垃圾")).balanceAfter()).isEqualTo(before + 8);
        assertThat(refusal(() -> as(keeper, () -> deeds.award(keeper, phone, deed, "分拣垃圾")))).contains("400", "没有找到");
        assertThat(refusal(() -> as(keeper, () -> accounts.attach(keeper, account, points.cardCode(volunteer))))).startsWith("404");
        assertThat(jdbc.sql("select count(*) from audit.entries where object_id = :id and action in ('POINTS_ACCOUNT_OPEN', 'POINTS_ACCOUNT_ATTACH')")
                .param("id", account.toString()).query(Integer.class).single()).isEqualTo(2);
    }

    /**
     * Attaching while a keeper credits a deed to the same account: whichever runs first, nothing stays on
     * the closed account and its ledger sums to zero; the deed is either merged over or refused.
     */
    @Test
    void aDeedAtTheMomentOfAttachingNeverStaysOnTheClosedAccount(@Autowired Volunteers volunteers,
            @Autowired Activities activities, @Autowired UnitManagement units) throws Exception {
        VolunteeringFixtures f = new VolunteeringFixtures(volunteers, activities, units, jdbc);
        UUID organizer = f.committee(DAOBEI).value();
        TestActor county = VolunteeringFixtures.worker("vol_acctrace_county", "610527", organizer);
        TestActor keeper = VolunteeringFixtures.worker("vol_acctrace_keeper", DAOBEI, organizer);
        UUID deed = as(county, () -> deeds.add(county, "610527", "清扫楼道" + VolunteeringFixtures.RUN, 7));
        String phone = "135" + String.format("%08d", Math.floorMod((VolunteeringFixtures.RUN + "race").hashCode(), 100_000_000));
        UUID account = as(keeper, () -> accounts.open(keeper, DAOBEI, "孙玉兰", phone));
        as(keeper, () -> deeds.award(keeper, phone, deed, "清扫楼道"));
        UUID volunteer = f.volunteer("acctrace" + VolunteeringFixtures.RUN, DAOBEI, null, "孙玉兰", 983);
        String card = points.cardCode(volunteer);
        String accountCard = as(keeper, () -> accounts.cardCode(keeper, account));
        java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();

        List<String> outcomes = race(2, () -> turn.getAndIncrement() == 0
                ? "attached " + as(keeper, () -> accounts.attach(keeper, account, card)).merged()
                : "awarded " + as(keeper, () -> deeds.award(keeper, accountCard, deed, "又清扫楼道")).points());

        assertThat(outcomes).anyMatch(o -> o.startsWith("attached"));
        assertThat(points.balance("610527", DAOBEI, account)).isZero();
        assertThat(jdbc.sql("select coalesce(sum(points), 0) from volunteering.points_ledger where county_code = '610527' and volunteer_id = :a")
                .param("a", account).query(Integer.class).single()).isZero();
        int credited = outcomes.contains("awarded 7") ? 14 : 7;
        assertThat(points.balance("610527", DAOBEI, volunteer)).isEqualTo(credited);
    }

    /** The accounts' endpoints: the community's keeper 2xx; a keeper of a sibling community or another county 404/403. */
    @Test
    void theAccountEndpointsAnswerByScope(@Autowired Volunteers volunteers, @Autowired Activities activities,
            @Autowired UnitManagement units) throws Exception {
        VolunteeringFixtures f = new VolunteeringFixtures(volunteers, activities, units, jdbc);
        UUID organizer = f.committee(DAOBEI).value();
        TestActor keeper = VolunteeringFixtures.worker("vol_acctapi_keeper", DAOBEI, organizer);
        TestActor town = VolunteeringFixtures.worker("vol_acctapi_town", "610527001", organizer);
        TestActor sibling = VolunteeringFixtures.worker("vol_acctapi_sibling", "610527001002", organizer);
        TestActor otherCounty = VolunteeringFixtures.worker("vol_acctapi_other", "610526", organizer);
        String phone = "137" + String.format("%08d", Math.floorMod((VolunteeringFixtures.RUN + "api").hashCode(), 100_000_000));
        String body = "{\"communityCode\":\"" + DAOBEI + "\",\"name\":\"赵大爷\",\"phone\":\"" + phone + "\"}";
        assertThat(status(sibling, post("/api/v1/volunteers/store/accounts").contentType(MediaType.APPLICATION_JSON).content(body)))
                .isEqualTo(403);
        assertThat(status(otherCounty, post("/api/v1/volunteers/store/accounts").contentType(MediaType.APPLICATION_JSON).content(body)))
                .isEqualTo(403);
        assertThat(status(keeper, post("/api/v1/volunteers/store/accounts").contentType(MediaType.APPLICATION_JSON).content(body)))
                .isEqualTo(201);
        UUID account = jdbc.sql("select id from volunteering.points_accounts where created_by = :by").param("by", keeper.id())
                .query(UUID.class).single();
        assertThat(status(otherCounty, post("/volunteering/store/accounts").param("communityCode", DAOBEI).param("name", "孙大妈")
                .param("phone", "135" + phone.substring(3)))).isEqualTo(403);
        assertThat(status(keeper, post("/volunteering/store/accounts").param("communityCode", DAOBEI).param("name", "钱大妈")
                .param("phone", "136" + phone.substring(3)))).isEqualTo(302);
        for (TestActor outside : List.of(sibling, otherCounty)) {
            assertThat(body(outside, get("/api/v1/volunteers/store/accounts"))).doesNotContain(account.toString());
            assertThat(status(outside, get("/volunteering/store/accounts/" + account + "/card.png"))).isEqualTo(404);
            assertThat(status(outside, post("/api/v1/volunteers/store/accounts/" + account + "/attachment")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"card\":\"x.y\"}"))).isEqualTo(404);
            assertThat(status(outside, post("/volunteering/store/accounts/" + account + "/attach").param("card", "x.y"))).isEqualTo(404);
        }
        for (TestActor inside : List.of(keeper, town)) {
            assertThat(body(inside, get("/api/v1/volunteers/store/accounts"))).contains(account.toString())
                    .doesNotContain(phone.substring(3, 7) + phone.substring(7));
            assertThat(status(inside, get("/volunteering/store/accounts/" + account + "/card.png"))).isEqualTo(200);
            assertThat(body(inside, get("/volunteering/store"))).contains("赵大爷", "钱大妈", "居民积分户");
        }
        UUID volunteer = f.volunteer("acctapi" + VolunteeringFixtures.RUN, DAOBEI, null, "赵大爷", 982);
        assertThat(status(keeper, post("/api/v1/volunteers/store/accounts/" + account + "/attachment")
                .contentType(MediaType.APPLICATION_JSON).content("{\"card\":\"" + points.cardCode(volunteer) + "\"}"))).isEqualTo(200);
        UUID second = jdbc.sql("select id from volunteering.points_accounts where created_by = :by and real_name = '钱大妈'")
                .param("by", keeper.id()).query(UUID.class).single();
        assertThat(status(keeper, post("/volunteering/store/accounts/" + second + "/attach").param("card", points.cardCode(volunteer))))
                .isEqualTo(302);
    }

    private int status(TestActor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(actor.authentication())).with(csrf())).andReturn().getResponse().getStatus();
    }

    private String body(TestActor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(actor.authentication())).with(csrf())).andReturn().getResponse()
                .getContentAsString();
    }

    private static List<String> race(int n, Callable<String> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return work.call();
                    } catch (cn.wushe.platform.DomainException e) {
                        return "refused " + e.status();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
