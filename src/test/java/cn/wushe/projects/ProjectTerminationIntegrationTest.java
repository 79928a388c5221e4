package cn.wushe.projects;

import static cn.wushe.projects.ProjectFixtures.COUNTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.wushe.identity.StaffDirectory;
import cn.wushe.organizations.internal.OrganizationRegister;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.projects.internal.Confirming;
import cn.wushe.projects.internal.Round;
import cn.wushe.projects.internal.RoundManagement;
import cn.wushe.projects.internal.Terminating;
import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineRef;
import cn.wushe.scheduling.Deadlines;
import cn.wushe.units.UnitId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * 终止 with 追回 through the API and the pages: the county terminates a running project with a
 * reason; paid but unjustified money is to be recovered by a due date (a scheduled deadline), in
 * receipts until settled, and both the unpaid award and every recovered yuan return to the round's
 * budget. Another county meets 404, the organization 403 on the buttons but reads what it owes,
 * another organization 404. An unsettled recovery past its date notifies the round's managers once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectTerminationIntegrationTest {

    static final BigDecimal BUDGET = new BigDecimal("100000");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    final TestActor manager = ProjectFixtures.manager();
    final TestActor otherCounty = ProjectFixtures.actor("pucheng", "610526", Permission.ROUND_MANAGE, Permission.PROJECT_VIEW);
    TestActor staff;
    TestActor otherStaff;
    UUID round;
    UUID running;
    UUID unpaid;
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeAll
    void fixture(@Autowired TransactionTemplate tx, @Autowired OrganizationRegister register,
            @Autowired RoundManagement rounds, @Autowired Confirming confirming) {
        round = tx.execute(s -> rounds.open(manager, new RoundManagement.NewRound("MICRO", ProjectFixtures.unique("终止追回测试轮次"),
                "民政局", BUDGET, today, today.plusDays(5), today.plusDays(9), 1, true, 0, null,
                List.of(new Round.Criterion("综合", 100)), List.of(new Round.Standard("为老服务", new BigDecimal("50000"))),
                List.of(40, 40, 20), 6, COUNTY))).id();
        UnitId org = tx.execute(s -> ProjectFixtures.organization(register, manager, ProjectFixtures.unique("终止测试社工中心")));
        UnitId other = tx.execute(s -> ProjectFixtures.organization(register, manager, ProjectFixtures.unique("终止测试另一中心")));
        staff = ProjectFixtures.staff(org);
        otherStaff = ProjectFixtures.staff(other);
        running = recommended(org, "30000");
        UnitId third = tx.execute(s -> ProjectFixtures.organization(register, manager, ProjectFixtures.unique("终止测试第三中心")));
        unpaid = recommended(third, "20000");
        confirming.confirm(manager, running);
        confirming.confirm(manager, unpaid);
    }

    private UUID recommended(UnitId org, String amount) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into projects.applications (county_code, id, round_id, owner_unit_id, owner_name, region_code,
                    title, field, requested, status, version, created_at, updated_at)
                values (:c, :id, :r, :o, '终止测试社工中心', :c, :t, '为老服务', :amount, 'RECOMMENDED', 0, now(), now())
                """).param("c", COUNTY).param("id", id).param("r", round).param("o", org.value())
                .param("t", ProjectFixtures.unique("终止测试项目")).param("amount", new BigDecimal(amount)).update();
        return id;
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, TestActor as, Object body) throws Exception {
        request.with(authentication(as.authentication())).with(csrf());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private JsonNode ok(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return json.readTree(response.getContentAsString());
    }

    private BigDecimal remaining() {
        return jdbc.sql("select budget_remaining from projects.rounds where id = :r").param("r", round).query(BigDecimal.class)
                .single();
    }

    private long audited(String action, UUID id) {
        return jdbc.sql("select count(*) from audit.entries where action = :a and object_id = :o").param("a", action)
                .param("o", id.toString()).query(Long.class).single();
    }

    /** A real county administrator account (the overdue notice goes to accounts found by permission and region). */
    private UUID roundManagerAccount() {
        UUID id = UUID.nameUUIDFromBytes("projects-termination-account:county_admin".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into identity.users (id, username, display_name, password_hash, password_changed_at, must_change_password,
                    enabled, home_region_code, county_code, created_at)
                values (:id, 'termination_county_admin', '终止测试管理员', 'x', :now, false, true, :c, :c, :now) on conflict do nothing
                """).param("id", id).param("c", COUNTY).param("now", now).update();
        jdbc.sql("""
                insert into identity.role_assignments (id, user_id, role, scope_code, county_code, granted_at)
                values (:id, :id, 'COUNTY_ADMIN', :c, :c, :now) on conflict do nothing
                """).param("id", id).param("c", COUNTY).param("now", now).update();
        return id;
    }

    @Test
    void aTerminatedProjectOwesWhatItsReportsDoNotJustifyUntilReceiptsSettleIt(@Autowired Terminating terminating,
            @Autowired Deadlines deadlines, @Autowired StaffDirectory staffDirectory) throws Exception {
        String api = "/api/v1/projects/" + running;
        ok(call(post(api + "/instalments/1/pay"), manager, null), 200);
        ok(call(post(api + "/reports/1"), staff, Map.of("summary", "探访 120 人次", "spent", 5000, "beneficiaries", 30)), 200);
        BigDecimal before = remaining();

        // out of scope 404, the organization may not terminate, bad input refused in Chinese with nothing written
        Map<String, Object> terminate = Map.of("reason", "项目负责人离职，服务中断两个月", "recoveryDueOn", today.plusDays(30).toString());
        assertThat(call(post(api + "/terminate"), otherCounty, terminate).getStatus()).isEqualTo(404);
        assertThat(call(post(api + "/terminate"), staff, terminate).getStatus()).isEqualTo(403);
        assertThat(ok(call(post(api + "/terminate"), manager, Map.of("reason", "不")), 400).toString())
                .contains("请填写终止原因").contains("须追回 7000 元");
        assertThat(ok(call(post(api + "/terminate"), manager, Map.of("reason", "项目负责人离职", "recoveryDueOn",
                today.toString())), 400).toString()).contains("晚于今天");
        assertThat(audited("PROJECT_TERMINATE", running)).isZero();

        // paid 12000 (40%), reported 5000 spent: 7000 to recover; the unpaid 18000 goes back to the round at once
        JsonNode done = ok(call(post(api + "/terminate"), manager, terminate), 200);
        assertThat(done.get("application").get("status").asString()).isEqualTo("TERMINATED");
        JsonNode t = done.get("termination");
        assertThat(t.get("paid").decimalValue()).isEqualByComparingTo("12000");
        assertThat(t.get("justified").decimalValue()).isEqualByComparingTo("5000");
        assertThat(t.get("toRecover").decimalValue()).isEqualByComparingTo("7000");
        assertThat(done.get("instalments").findValuesAsString("status")).containsExactly("PAID", "CANCELLED", "CANCELLED");
        assertThat(remaining()).isEqualByComparingTo(before.add(new BigDecimal("18000")));
        DeadlineRef due = new DeadlineRef("projects.recovery-due", "application", running.toString());
        assertThat(deadlines.dueAt(due)).contains(today.plusDays(31).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(ok(call(post(api + "/terminate"), manager, terminate), 409).get("detail").asString()).contains("已终止");
        assertThat(jdbc.sql("select count(*) from audit.entries where action = 'APPLICATION_STATUS' and object_id = :o "
                + "and detail = 'CONFIRMED->TERMINATED'").param("o", running.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(audited("PROJECT_TERMINATE", running)).isEqualTo(1);

        // receipts: scope, amount within what is owed, a date not in the future
        String receipts = api + "/recovery/receipts";
        Map<String, Object> first = Map.of("amount", 3000, "receivedOn", today.toString(), "reference", "银行回单 0001");
        assertThat(call(post(receipts), otherCounty, first).getStatus()).isEqualTo(404);
        assertThat(call(post(receipts), staff, first).getStatus()).isEqualTo(403);
        assertThat(ok(call(post(receipts), manager, Map.of("amount", 8000, "receivedOn", today.toString(), "reference", "回单")),
                400).toString()).contains("不超过尚欠的 7000 元");
        assertThat(ok(call(post(receipts), manager, Map.of("amount", 1000, "receivedOn", today.plusDays(1).toString(),
                "reference", "回单")), 400).toString()).contains("不能晚于今天");
        JsonNode part = ok(call(post(receipts), manager, first), 200).get("termination");
        assertThat(part.get("recovered").decimalValue()).isEqualByComparingTo("3000");
        assertThat(remaining()).isEqualByComparingTo(before.add(new BigDecimal("21000")));

        // the organization reads what it still owes; another organization does not find the project
        JsonNode owed = ok(call(get(api), staff, null), 200).get("termination");
        assertThat(owed.get("toRecover").decimalValue().subtract(owed.get("recovered").decimalValue()))
                .isEqualByComparingTo("4000");
        assertThat(call(get(api), otherStaff, null).getStatus()).isEqualTo(404);
        String page = call(get("/projects/" + running), staff, null).getContentAsString();
        assertThat(page).contains("项目已终止").contains("项目负责人离职").contains("3000 元 / 4000 元").contains("请在 ")
                .doesNotContain("登记追回到账");
        assertThat(call(get("/rounds/" + round), manager, null).getContentAsString())
                .contains("应追回 7000 元，已追回 3000 元");

        // past the due date with money owed: the round's managers are told, once however often it fires
        UUID countyAdmin = roundManagerAccount();
        assertThat(staffDirectory.holdersAt(COUNTY, Permission.ROUND_MANAGE)).contains(countyAdmin);
        Instant now = Instant.now();
        terminating.onDue(new DeadlineDue(due, now, now));
        terminating.onDue(new DeadlineDue(due, now, now));
        assertThat(audited("RECOVERY_OVERDUE", running)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notifications.notices where kind = 'projects.recovery-overdue' and link = :l")
                .param("l", "/projects/" + running).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select n.title from notifications.inbox i join notifications.notices n on n.id = i.notice_id "
                        + "where i.user_id = :u and n.link = :l").param("u", countyAdmin).param("l", "/projects/" + running)
                .query(String.class).list()).singleElement().asString().startsWith("追回超期：");

        // the last receipt settles the recovery and cancels its deadline; nothing more is taken
        JsonNode settled = ok(call(post(receipts), manager, Map.of("amount", 4000, "receivedOn", today.toString(),
                "reference", "银行回单 0002")), 200).get("termination");
        assertThat(settled.get("settledAt").isNull()).isFalse();
        assertThat(settled.get("receipts")).hasSize(2);
        assertThat(deadlines.dueAt(due)).isEmpty();
        assertThat(remaining()).isEqualByComparingTo(before.add(new BigDecimal("25000")));
        assertThat(ok(call(post(receipts), manager, first), 409).get("detail").asString()).contains("没有待追回");
        assertThat(audited("RECOVERY_RECEIPT", running)).isEqualTo(2);
        terminating.onDue(new DeadlineDue(due, now, now));
        assertThat(audited("RECOVERY_OVERDUE", running)).isEqualTo(1);
    }

    @Test
    void thePagesTerminateInScopeAndNothingPaidMeansNothingToRecover() throws Exception {
        String page = "/projects/" + unpaid;
        assertThat(call(post(page + "/terminate").param("reason", "组织自愿退出项目"), otherCounty, null).getStatus())
                .isEqualTo(404);
        assertThat(call(post(page + "/recovery/receipts").param("amount", "1").param("reference", "回单"), otherCounty, null)
                .getStatus()).isEqualTo(404);
        BigDecimal before = remaining();
        assertThat(call(post(page + "/terminate").param("reason", "组织自愿退出项目"), manager, null).getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select status from projects.applications where id = :a").param("a", unpaid).query(String.class)
                .single()).isEqualTo("TERMINATED");
        assertThat(remaining()).isEqualByComparingTo(before.add(new BigDecimal("20000")));
        assertThat(call(get(page), manager, null).getContentAsString()).contains("无需追回").doesNotContain("登记追回到账");
        var refused = mvc.perform(post(page + "/recovery/receipts").param("amount", "1").param("receivedOn", today.toString())
                .param("reference", "回单").with(authentication(manager.authentication())).with(csrf())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(302);
        assertThat(refused.getFlashMap().get("problem")).isEqualTo("该项目没有待追回的资金");
    }
}
