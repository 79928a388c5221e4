package cn.wushe.registry;

import static cn.wushe.registry.RegionFixture.*;
import static cn.wushe.registry.RegistryFixtures.newIdNumber;
import static cn.wushe.registry.RosterFiles.row;
import static cn.wushe.registry.RosterFiles.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The new people a roster check prepares for its commit (registry.import_people): staged only in
 * the stored forms (ciphertext and blind indexes), registered from there exactly as previewed with
 * history, categories, related parties and events, gone after the commit; and a commit refused,
 * writing nothing, when the registry or the importer's scope changed since the check.
 */
@RecordApplicationEvents
class RosterImportPreparedIntegrationTest extends RosterImportTestBase {

    static final TestActor IMPORTER = RosterImportIntegrationTest.IMPORTER;

    @Autowired
    FieldCipher cipher;
    @Autowired
    ApplicationEvents events;

    @Test
    void stagesNewPeopleEncryptedOnlyAndRegistersThemFromThereWithHistoryAndEvents() throws Exception {
        String id = newIdNumber();
        Map<String, String> person = with(with(with(with(with(row("雷淑珍", id, DAOBEI), "联系电话", "13987654321"),
                "健康状况", "糖尿病"), "赡养人姓名", "雷德福"), "赡养人关系", "儿子"), "赡养人电话", "13511112222");
        String job = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(person)), null);

        String staged = jdbc.sql("select s::text from registry.import_people s where job_id = :job")
                .param("job", UUID.fromString(job)).query(String.class).single();
        assertThat(staged).doesNotContain(id, "13987654321", "13511112222", "糖尿病", "道北路").contains("雷淑珍", bidx(id));
        String stagedIdEnc = jdbc.sql("select id_number_enc from registry.import_people where job_id = :job")
                .param("job", UUID.fromString(job)).query(String.class).single();
        assertThat(cipher.decrypt(stagedIdEnc)).isEqualTo(id);
        assertThat(jdbc.sql("select row_enc from registry.import_rows where job_id = :job")
                .param("job", UUID.fromString(job)).query(String.class).list()).containsOnlyNulls();

        events.clear();
        commit(IMPORTER, job);

        Map<String, Object> stored = jdbc.sql("""
                        select p.id, p.id_number_enc, p.phone_bidx, p.health_enc, h.head_person_id
                        from registry.people p join registry.households h on h.id = p.household_id
                        where p.id_number_bidx = :b""")
                .param("b", bidx(id)).query().singleRow();
        assertThat(stored.get("id_number_enc")).isEqualTo(stagedIdEnc);
        assertThat(stored.get("phone_bidx")).isEqualTo(blindIndex.of("phone", "13987654321"));
        assertThat(cipher.decrypt((String) stored.get("health_enc"))).isEqualTo("糖尿病");
        assertThat(stored.get("head_person_id")).isEqualTo(stored.get("id"));
        UUID personId = (UUID) stored.get("id");
        assertThat(jdbc.sql("select category_code from registry.person_categories where person_id = :p")
                .param("p", personId).query(String.class).list()).containsExactly("DIBAO");
        String partyPhone = jdbc.sql("select phone_enc from registry.related_parties where person_id = :p and kind = 'OBLIGOR'")
                .param("p", personId).query(String.class).single();
        assertThat(cipher.decrypt(partyPhone)).isEqualTo("13511112222");
        assertThat(jdbc.sql("""
                        select change_kind || ' ' || field || ' ' || after_value from registry.person_changes
                        where person_id = :p""")
                .param("p", personId).query(String.class).list()).containsExactly("REGISTERED 登记方式 Excel 导入（名单.xlsx）");
        assertThat(events.stream(PersonRegistered.class)).isEmpty();
        assertThat(events.stream(PeopleImported.class)).containsExactly(new PeopleImported(UUID.fromString(job), COUNTY,
                List.of(new PersonId(personId)), List.of()));
        assertThat(count("registry.import_people where job_id = '" + job + "'")).isZero();
    }

    /**
     * Heads registered from the staged rows, a member of a head's household and a revision of
     * someone registered before (both written one by one): every id in one PeopleImported, none per person.
     */
    @Test
    void aCommittedImportPublishesTheIdsOfEveryoneItRegisteredOrRevised() throws Exception {
        String head = newIdNumber();
        String member = newIdNumber();
        String known = newIdNumber();
        PersonId knownPerson = register(RegistryFixtures.COUNTY_ADMIN, RegistryFixtures.draft("杨玉梅", known, DAOBEI, null));
        String job = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(row("赵永红", head, DAOBEI),
                with(with(row("赵德福", member, DAOBEI), "户主证件号码", head), "与户主关系", "配偶"),
                with(row("杨玉梅", known, DAOBEI), "健康状况", "糖尿病"))), null);
        events.clear();

        commit(IMPORTER, job);

        PersonId headPerson = personWith(head);
        PersonId memberPerson = personWith(member);
        assertThat(events.stream(PeopleImported.class)).singleElement().satisfies(e -> {
            assertThat(e.importJob()).isEqualTo(UUID.fromString(job));
            assertThat(e.countyCode()).isEqualTo(COUNTY);
            assertThat(e.registered()).containsExactlyInAnyOrder(headPerson, memberPerson);
            assertThat(e.revised()).containsExactly(knownPerson);
        });
        assertThat(events.stream(PersonRegistered.class)).isEmpty();
        assertThat(events.stream(PersonRevised.class)).isEmpty();
    }

    private PersonId personWith(String idNumber) {
        return new PersonId(jdbc.sql("select id from registry.people where id_number_bidx = :b").param("b", bidx(idNumber))
                .query(UUID.class).single());
    }

    @Test
    void aNumberRegisteredSinceTheCheckRefusesTheCommitNamingTheRowAndWritesNothing() throws Exception {
        String first = newIdNumber();
        String second = newIdNumber();
        String job = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(row("杜春生", first, DAOBEI),
                row("孙玉梅", second, GONGNONG))), null);
        register(RegistryFixtures.COUNTY_ADMIN, RegistryFixtures.draft("孙玉梅", second, GONGNONG, null));

        mvc.perform(asUser(IMPORTER, post("/api/v1/people/imports/" + job + "/commit")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("第 4 行在检查之后情况有变（该证件号码已在本县登记）")));
        assertThat(count("registry.people where id_number_bidx = '" + bidx(first) + "'")).isZero();
        assertThat(count("registry.people where id_number_bidx = '" + bidx(second) + "'")).isOne();
        assertThat(events.stream(PeopleImported.class)).as("a failed import publishes nothing").isEmpty();
        mvc.perform(asUser(IMPORTER, get("/api/v1/people/imports/" + job)))
                .andExpect(jsonPath("$.status").value("READY"));
    }

    @Test
    void aCommunityNoLongerInTheImportersScopeRefusesTheCommitNamingTheRow() throws Exception {
        String id = newIdNumber();
        String job = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(row("党海燕", newIdNumber(), DAOBEI),
                row("党志强", id, GONGNONG))), null);
        // the same user, whose import scope was narrowed to 道北 since the check
        TestActor narrowed = RegistryFixtures.actor("importer", "COMMUNITY_WORKER", Map.of(
                Permission.PERSON_EDIT, COUNTY, Permission.PERSON_VIEW, COUNTY, Permission.PERSON_IMPORT, DAOBEI));

        mvc.perform(asUser(narrowed, post("/api/v1/people/imports/" + job + "/commit")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("第 4 行在检查之后情况有变（该社区（村）不在您的登记范围内）")));
        assertThat(count("registry.people where id_number_bidx = '" + bidx(id) + "'")).isZero();
    }
}
