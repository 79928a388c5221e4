package cn.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.care.internal.CareDeadlines;
import cn.wushe.care.internal.Casework;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import cn.wushe.scheduling.Deadlines;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Crisis intervention (危机干预), groups (小组) and community activities (社区活动): the first
 * contact is an [L] deadline at the county's crisis hours that tells the case's people once when
 * missed; contacts move it a day on until de-escalated (which needs a safety plan); group members
 * and meeting notes stay with the group's workers. Every page refuses other communities and
 * counties (404) and those who may not write (403).
 */
class CrisisIntegrationTest extends CareIntegrationTestBase {

    static final TestActor COLLEAGUE = actor("crisis-colleague", "TOWN_STATION", TOWN, Permission.CARE_VIEW, Permission.CASEWORK);
    static final TestActor COMMUNITY_STATION = actor("crisis-community", "TOWN_STATION", DAOBEI, Permission.CARE_VIEW,
            Permission.CASEWORK);
    static final TestActor SIBLING = actor("crisis-sibling", "TOWN_STATION", GONGNONG, Permission.CARE_VIEW, Permission.CASEWORK);
    static final TestActor OTHER_COUNTY = actor("crisis-other", "TOWN_STATION", NEIGHBOUR_COUNTY, Permission.CARE_VIEW,
            Permission.CASEWORK);

    @Autowired
    Deadlines deadlines;

    @Autowired
    Casework casework;

    private TestActor worker(String name) {
        UUID id = account(name, "TOWN_STATION", TOWN);
        return new TestActor(id, "care-account-" + name, name, Set.of("TOWN_STATION"),
                Map.of(Permission.CARE_VIEW, List.of(new RegionScope(TOWN)), Permission.CASEWORK, List.of(new RegionScope(TOWN))));
    }

    @Test
    void aMissedFirstContactTellsTheWorkerOnceAndContactsRunDailyUntilDeescalated() throws Exception {
        TestActor worker = worker("crisis-worker");
        UUID person = personInGrid1();
        Instant opened = clock.instant();
        UUID crisis = open(worker, person);
        Instant due = deadlines.dueAt(CareDeadlines.crisisContact(crisis)).orElseThrow();
        assertThat(Duration.between(opened, due)).isBetween(Duration.ofHours(24).minusSeconds(2), Duration.ofHours(24).plusSeconds(2));

        clock.advance(Duration.between(clock.instant(), due).plusMinutes(5));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> inbox(worker.id(), crisis) == 1);
        assertThat(deadlines.dueAt(CareDeadlines.crisisContact(crisis))).isEmpty();
        // the scheduler redelivers the same firing (a node died before marking it done): no second notice
        casework.contactMissed(crisis, due);
        assertThat(inbox(worker.id(), crisis)).isEqualTo(1);
        String page = mvc.perform(by(worker, get("/care/cases/{id}", crisis))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("危机干预", "已超时");

        mvc.perform(by(worker, post("/care/cases/{id}/contacts", crisis)).param("body", "电话联系，情绪稍稳"))
                .andExpect(status().is3xxRedirection());
        Instant next = deadlines.dueAt(CareDeadlines.crisisContact(crisis)).orElseThrow();
        assertThat(Duration.between(clock.instant(), next)).isBetween(Duration.ofHours(24).minusSeconds(2), Duration.ofHours(24));
        mvc.perform(by(worker, post("/care/cases/{id}/deescalate", crisis)).param("reason", "已稳定"))
                .andExpect(status().isBadRequest());
        mvc.perform(by(worker, post("/care/cases/{id}/safety-plan", crisis)).param("safetyPlan", "收走药品；女儿每晚来电"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(by(worker, post("/care/cases/{id}/deescalate", crisis)).param("reason", "已稳定"))
                .andExpect(status().is3xxRedirection());
        assertThat(deadlines.dueAt(CareDeadlines.crisisContact(crisis))).isEmpty();
        mvc.perform(by(worker, post("/care/cases/{id}/contacts", crisis)).param("body", "再联系")).andExpect(status().isConflict());
        assertThat(inbox(worker.id(), crisis)).isEqualTo(1);
        assertThat(jdbc.sql("select safety_plan from care.cases where id = :id").param("id", crisis).query(String.class).single())
                .doesNotContain("药品");
    }

    @Test
    void aRolledBackCrisisLeavesNoDeadline() throws Exception {
        UUID person = personInGrid1();
        mvc.perform(by(COLLEAGUE, post("/care/people/{id}/crises", person)).param("situation", " "))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from care.cases where person_id = :p").param("p", person).query(Long.class).single())
                .isZero();
    }

    @ParameterizedTest(name = "{0}: read {1}, contents {2}, write {3}")
    @CsvSource({
            "COLLEAGUE, 200, false, 403",
            "COMMUNITY_STATION, 200, false, 403",
            "SIBLING, 404, false, 404",
            "OTHER_COUNTY, 404, false, 404",
            "GRID_WORKER, 403, false, 403",
    })
    void crisisAndGroupRecordsStayWithTheirWorkers(String who, int read, boolean contents, int write) throws Exception {
        TestActor actor = switch (who) {
            case "COLLEAGUE" -> COLLEAGUE;
            case "COMMUNITY_STATION" -> COMMUNITY_STATION;
            case "SIBLING" -> SIBLING;
            case "OTHER_COUNTY" -> OTHER_COUNTY;
            default -> GRID_WORKER;
        };
        TestActor worker = worker("crisis-owner");
        UUID person = personInGrid1();
        UUID crisis = open(worker, person);
        mvc.perform(by(worker, post("/care/cases/{id}/safety-plan", crisis)).param("safetyPlan", "保管好刀具"))
                .andExpect(status().is3xxRedirection());
        UUID group = group(worker);
        mvc.perform(by(worker, post("/care/groups/{id}/members", group)).param("name", "组员甲")).andExpect(status().is3xxRedirection());

        var crisisPage = mvc.perform(by(actor, get("/care/cases/{id}", crisis))).andReturn().getResponse();
        assertThat(crisisPage.getStatus()).isEqualTo(read);
        assertThat(crisisPage.getContentAsString().contains("保管好刀具")).isEqualTo(contents);
        var groupPage = mvc.perform(by(actor, get("/care/groups/{id}", group))).andReturn().getResponse();
        assertThat(groupPage.getStatus()).isEqualTo(read);
        assertThat(groupPage.getContentAsString().contains("组员甲")).isEqualTo(contents);
        assertThat(mvc.perform(by(actor, get("/care/groups"))).andReturn().getResponse().getContentAsString()
                .contains(group.toString())).isEqualTo(read == 200);

        mvc.perform(by(actor, post("/care/cases/{id}/contacts", crisis)).param("body", "联系")).andExpect(status().is(write));
        mvc.perform(by(actor, post("/care/cases/{id}/safety-plan", crisis)).param("safetyPlan", "计划")).andExpect(status().is(write));
        mvc.perform(by(actor, post("/care/cases/{id}/deescalate", crisis)).param("reason", "好转")).andExpect(status().is(write));
        mvc.perform(by(actor, post("/care/groups/{id}/members", group)).param("name", "乙")).andExpect(status().is(write));
        mvc.perform(by(actor, post("/care/groups/{id}/meetings", group)).param("heldOn", today().toString()).param("topic", "主题"))
                .andExpect(status().is(write));
        mvc.perform(by(actor, post("/care/people/{id}/crises", person)).param("situation", "情绪失控"))
                .andExpect(status().is(read == 200 ? 302 : write));
        // a group or an activity goes only to a region inside the actor's CASEWORK scope
        mvc.perform(by(actor, post("/care/groups")).param("regionCode", TOWN).param("name", "小组").param("purpose", "目标"))
                .andExpect(status().is(who.equals("COLLEAGUE") ? 302 : 403));
        mvc.perform(by(actor, post("/care/activities")).param("regionCode", DAOBEI).param("title", "重阳节活动")
                        .param("heldOn", today().toString()).param("place", "道北社区广场").param("attendance", "56"))
                .andExpect(status().is(read == 200 ? 302 : 403));
    }

    @Test
    void aMeetingKeepsWhoAttendedAndAnActivityItsHeadCount() throws Exception {
        TestActor worker = worker("group-worker");
        UUID group = group(worker);
        mvc.perform(by(worker, post("/care/groups/{id}/members", group)).param("name", "刘阿姨")).andExpect(status().is3xxRedirection());
        UUID member = jdbc.sql("select id from care.group_members where group_id = :g").param("g", group).query(UUID.class).single();
        mvc.perform(by(worker, post("/care/groups/{id}/meetings", group)).param("heldOn", today().toString())
                .param("topic", "手工编织").param("attended", member.toString()).param("notes", "刘阿姨话多了"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(by(worker, post("/care/groups/{id}/meetings", group)).param("heldOn", today().toString())
                .param("topic", "手工编织").param("attended", UUID.randomUUID().toString())).andExpect(status().isBadRequest());
        String page = mvc.perform(by(worker, get("/care/groups/{id}", group))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("手工编织", "出席 1 人", "出席：刘阿姨", "刘阿姨话多了");
        mvc.perform(by(worker, post("/care/activities")).param("regionCode", DAOBEI).param("title", "重阳节活动")
                        .param("heldOn", today().toString()).param("place", "道北社区广场").param("attendance", "-1"))
                .andExpect(status().isBadRequest());
        mvc.perform(by(worker, post("/care/activities")).param("regionCode", DAOBEI).param("title", "重阳节活动")
                .param("heldOn", today().toString()).param("place", "道北社区广场").param("attendance", "56"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(by(worker, get("/care/groups"))).andReturn().getResponse().getContentAsString())
                .contains("道北社区广场 · 56 人次");
    }

    private UUID open(TestActor worker, UUID person) throws Exception {
        String location = mvc.perform(by(worker, post("/care/people/{id}/crises", person)).param("situation", "扬言轻生"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private UUID group(TestActor worker) throws Exception {
        String location = mvc.perform(by(worker, post("/care/groups")).param("regionCode", DAOBEI).param("name", "独居老人互助小组")
                        .param("purpose", "减少孤独感"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    private long inbox(UUID user, UUID crisis) {
        return jdbc.sql("""
                select count(*) from notifications.inbox i join notifications.notices n on n.id = i.notice_id
                where i.user_id = :user and n.link = :link""")
                .param("user", user).param("link", "/care/cases/" + crisis).query(Long.class).single();
    }
}
