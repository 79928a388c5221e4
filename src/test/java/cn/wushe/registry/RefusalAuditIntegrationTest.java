package cn.wushe.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.registry.internal.PersonDraft;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * security.md item 4: a refused edit (403), reveal (403), history (404), household (404) and
 * unmasked export (403) each leave a DENIED entry naming the actor, the object and the reason;
 * an account refused again and again raises one alert in its county's security admins' inbox.
 */
class RefusalAuditIntegrationTest extends RegistryIntegrationTestBase {

    record Denial(String objectType, String objectId, String outcome, String reason) {
    }

    private List<Denial> denials(String actor) {
        return jdbc.sql("""
                select object_type as "objectType", coalesce(object_id, '') as "objectId", outcome, coalesce(reason, '') as reason from audit.entries
                where actor_name = :a and action = 'ACCESS_DENIED' order by id
                """).param("a", actor).query(Denial.class).list();
    }

    @Test
    void everyRefusedAccessToPersonalDataIsAuditedWithActorObjectAndReason() throws Exception {
        PersonDraft draft = RegistryFixtures.draftInGrid1();
        PersonId person = register(RegistryFixtures.GRID_WORKER, draft);
        UUID household = jdbc.sql("select household_id from registry.people where id = :id").param("id", person.value())
                .query(UUID.class).single();
        TestActor sibling = TestActor.of("sibling-" + UUID.randomUUID(), "COMMUNITY_WORKER", RegionFixture.GONGNONG,
                Permission.PERSON_EDIT, Permission.PERSON_VIEW);
        TestActor searcher = new TestActor(UUID.randomUUID(), "searcher-" + UUID.randomUUID(), "s", java.util.Set.of("COMMUNITY_WORKER"),
                Map.of(Permission.PERSON_EDIT, List.of(new cn.wushe.platform.RegionScope(RegionFixture.GONGNONG)),
                        Permission.PERSON_VIEW, List.of(new cn.wushe.platform.RegionScope(RegionFixture.GONGNONG)),
                        Permission.PERSON_SEARCH, List.of(new cn.wushe.platform.RegionScope(RegionFixture.TOWN))));

        mvc.perform(asUser(searcher, put("/api/v1/people/" + person).header("If-Match", "\"0\"")
                .content("{}"))).andExpect(status().is4xxClientError());
        mvc.perform(asUser(searcher, post("/api/v1/people/" + person + "/reveal")
                .content("{\"reason\":\"VISIT\"}"))).andExpect(status().isForbidden());
        mvc.perform(asUser(sibling, get("/api/v1/people/" + person + "/history"))).andExpect(status().isNotFound());
        mvc.perform(asUser(sibling, get("/households/" + household))).andExpect(status().isNotFound());
        mvc.perform(asUser(sibling, get("/api/v1/people/export").param("unmasked", "true").param("reason", "核对名单"))
                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/problem+json"));

        List<Denial> searcherDenials = denials(searcher.username());
        assertThat(searcherDenials).extracting(Denial::objectId).contains(person.toString());
        assertThat(searcherDenials).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo("DENIED");
            assertThat(e.objectType()).isEqualTo("PERSON");
            assertThat(e.reason()).isNotBlank();
        });
        assertThat(denials(sibling.username())).extracting(Denial::objectType).contains("PERSON", "HOUSEHOLD");
        assertThat(denials(sibling.username())).extracting(Denial::objectId).contains(household.toString());
    }

    @Test
    void anAccountRefusedAgainAndAgainRaisesOneAlertToItsCountysSecurityAdmins() throws Exception {
        UUID secadmin = UUID.randomUUID();
        jdbc.sql("""
                insert into identity.users (id, username, display_name, password_hash, password_changed_at, must_change_password,
                    enabled, home_region_code, county_code, created_at)
                values (:id, :name, '安全管理员', '$argon2id$v=19$m=32768,t=2,p=1$bm90LXVzZWQ$bm90LWEtcmVhbC1oYXNo', now(), false, true, '610526', '610526', now())
                """).param("id", secadmin).param("name", "sa" + secadmin.toString().substring(0, 8)).update();
        jdbc.sql("""
                insert into identity.role_assignments (id, user_id, role, scope_code, county_code, granted_at)
                values (:id, :u, 'SECURITY_ADMIN', '610526', '610526', now())
                """).param("id", UUID.randomUUID()).param("u", secadmin).update();
        TestActor prober = TestActor.of("prober-" + UUID.randomUUID(), "COUNTY_ADMIN", RegionFixture.NEIGHBOUR_COUNTY,
                Permission.PERSON_VIEW, Permission.PERSON_EDIT);
        for (int i = 0; i < 12; i++) {
            mvc.perform(asUser(prober, get("/api/v1/people/" + UUID.randomUUID()))).andExpect(status().isNotFound());
        }
        assertThat(denials(prober.username())).hasSize(12);
        assertThat(AuditFixture.entriesIn(jdbc).withAction("REFUSALS_ALERTED")).filteredOn(e -> e.objectId().equals(prober.id().toString()))
                .hasSize(1);
        List<String> inbox = jdbc.sql("""
                select n.body from notifications.inbox i join notifications.notices n on n.id = i.notice_id where i.user_id = :u
                """).param("u", secadmin).query(String.class).list();
        assertThat(inbox).hasSize(1).first().asString().contains(prober.username(), "被拒绝访问个人信息");
    }
}
