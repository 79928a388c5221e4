package cn.wushe.registry;

import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.Masking;
import cn.wushe.registry.internal.PersonDraft;
import cn.wushe.registry.internal.Registration;
import cn.wushe.registry.internal.RelationToHead;

import static cn.wushe.registry.RegionFixture.*;
import static cn.wushe.registry.RegistryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

class PersonRegistrationIntegrationTest extends RegistryIntegrationTestBase {

    @Test
    void registersThroughTheApiWithDerivedSexAndBirthDateAndAnETag() throws Exception {
        String id = newIdNumber();
        mvc.perform(asUser(GRID_WORKER, post("/api/v1/people")).content(json(newName(), id, DAOBEI, DAOBEI_GRID_1)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.disclosure").value("EDIT"))
                .andExpect(jsonPath("$.sex").value((id.charAt(16) - '0') % 2 == 1 ? "男" : "女"))
                // the masked number's hidden digits are the birth date: the age stands in for it
                .andExpect(jsonPath("$.birthDate").doesNotExist())
                .andExpect(jsonPath("$.age").value(java.time.Period.between(java.time.LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                        Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14))), java.time.LocalDate.now()).getYears()))
                .andExpect(jsonPath("$.idNumber").value(id.substring(0, 6) + "********" + id.substring(14)))
                .andExpect(jsonPath("$.categories.length()").value(2));
    }

    @Test
    void keepsNoPlaintextInTheTables() {
        PersonDraft draft = draftInGrid1();
        PersonId person = register(GRID_WORKER, draft);
        String number = draft.idNumber();

        Map<String, Object> row = jdbc.sql("select * from registry.people where id = :id").param("id", person.value())
                .query().singleRow();
        String raw = row.toString();
        assertThat(raw).doesNotContain(number).doesNotContain("13812345678").doesNotContain("高血压")
                .doesNotContain("道北路").doesNotContain("BELOW_DIBAO");
        assertThat((String) row.get("id_number_enc")).matches("v\\d+:.+");
        assertThat((String) row.get("id_number_bidx")).matches("[0-9a-f]{64}");
        assertThat(jdbc.sql("select string_agg(coalesce(phone_enc, ''), ',') from registry.related_parties where person_id = :id")
                .param("id", person.value()).query(String.class).single()).doesNotContain("13987654321").containsPattern("v\\d+:");
        assertThat(jdbc.sql("select string_agg(concat(before_value, after_value), ',') from registry.person_changes where person_id = :id")
                .param("id", person.value()).query(String.class).single())
                .doesNotContain(number).doesNotContain("13812345678").doesNotContain("高血压").contains("138****5678");
    }

    @Test
    void sameIdentityNumberElsewhereInTheCountyShowsTheExistingRecordMaskedInsteadOfASecond() throws Exception {
        String number = newIdNumber();
        String name = newName();
        register(COMMUNITY_WORKER, draft(name, number, DAOBEI, null));
        long before = count("registry.people");

        var yaoheWorker = actor("yaohe-worker", "COMMUNITY_WORKER", Map.of(cn.wushe.platform.Permission.PERSON_EDIT, YAOHE,
                cn.wushe.platform.Permission.PERSON_VIEW, YAOHE, cn.wushe.platform.Permission.PERSON_SEARCH, OTHER_TOWN));
        mvc.perform(asUser(yaoheWorker, post("/api/v1/people")).content(json(newName(), number, YAOHE, null)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/duplicate-person"))
                .andExpect(jsonPath("$.existing.disclosure").value("SEARCH"))
                .andExpect(jsonPath("$.existing.name").value(Masking.name(name)))
                .andExpect(jsonPath("$.existing.idNumber").value(number.substring(0, 6) + "********" + number.substring(14)))
                .andExpect(jsonPath("$.existing.communityName").value("道北社区居委会"))
                .andExpect(jsonPath("$.existing.phone").doesNotExist())
                .andExpect(jsonPath("$.existing.health").doesNotExist())
                .andExpect(jsonPath("$.links.existing").exists());
        assertThat(count("registry.people")).isEqualTo(before);
    }

    @Test
    void sameNameAndBirthDateInTheTownWarnsUntilConfirmedDistinct() throws Exception {
        String number = newIdNumber();
        String name = newName();
        register(COMMUNITY_WORKER, draft(name, number, DAOBEI, null));
        String first17 = number.substring(0, 14) + (number.charAt(14) == '9' ? "0" : "9") + number.substring(15, 17);
        String twin = first17 + IdentityNumber.checkCharacter(first17);

        mvc.perform(asUser(SIBLING_WORKER, post("/api/v1/people")).content(json(name, twin, GONGNONG, null)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/possible-duplicate"))
                .andExpect(jsonPath("$.candidates[0].name").value(Masking.name(name)));
        mvc.perform(asUser(SIBLING_WORKER, post("/api/v1/people?confirmDistinct=true")).content(json(name, twin, GONGNONG, null)))
                .andExpect(status().isCreated());
    }

    static Stream<Arguments> badInput() {
        String ok = newIdNumber();
        return Stream.of(
                Arguments.of("wrong check character", json(newName(), ok.substring(0, 17) + (ok.charAt(17) == '0' ? "1" : "0"), DAOBEI, DAOBEI_GRID_1),
                        400, "idNumber", "校验码（最后一位）不正确"),
                Arguments.of("impossible birth date", json(newName(), withCheck("61052719810229001"), DAOBEI, DAOBEI_GRID_1),
                        400, "idNumber", "出生日期「19810229」不存在"),
                Arguments.of("unknown region code", json(newName(), newIdNumber(), "610527001099", null),
                        400, "communityCode", "社区（村）代码 610527001099 不存在"),
                Arguments.of("grid of another community", json(newName(), newIdNumber(), DAOBEI, GONGNONG + "001"),
                        400, "gridCode", "不属于所选社区（村）"),
                Arguments.of("region outside the user's scope", json(newName(), newIdNumber(), DAOBEI, DAOBEI_GRID_2),
                        403, "gridCode", "该网格不在您的登记范围内"),
                Arguments.of("missing name", json("", newIdNumber(), DAOBEI, DAOBEI_GRID_1),
                        400, "name", "请填写姓名"),
                Arguments.of("name over its limit", json("张".repeat(51), newIdNumber(), DAOBEI, DAOBEI_GRID_1),
                        400, "name", "姓名不能超过 50 个字，当前 51 个字"),
                Arguments.of("old 15-digit number", json(newName(), "610527800101001", DAOBEI, DAOBEI_GRID_1),
                        400, "idNumber", "请填写 18 位的公民身份号码"),
                Arguments.of("health text over its limit", json(newName(), newIdNumber(), DAOBEI, DAOBEI_GRID_1)
                        .replace("高血压，行动不便", "病".repeat(501)), 400, "health", "健康状况不能超过 500 个字"));
    }

    static String withCheck(String first17) {
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void refusesBadInputPreciselyInChineseAndWritesNothing(String caseName, String body, int status, String field,
            String message) throws Exception {
        long people = count("registry.people");
        long households = count("registry.households");
        long registrations = audits("PERSON_REGISTER");

        mvc.perform(asUser(GRID_WORKER, post("/api/v1/people")).content(body))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].message",
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(message))));

        assertThat(count("registry.people")).isEqualTo(people);
        assertThat(count("registry.households")).isEqualTo(households);
        assertThat(audits("PERSON_REGISTER")).isEqualTo(registrations);
    }

    @Test
    void refusesFieldsThatAreNotPartOfTheForm() throws Exception {
        String body = json(newName(), newIdNumber(), DAOBEI, DAOBEI_GRID_1).replaceFirst("\\{", "{\"regionCode\":\"610526001001\",");

        mvc.perform(asUser(GRID_WORKER, post("/api/v1/people")).content(body)).andExpect(status().isBadRequest());
    }

    @Test
    void editsNeedTheCurrentVersion() throws Exception {
        PersonId person = registerInGrid1();
        String uri = "/api/v1/people/" + person;
        String body = json("赵新名", newIdNumber(), DAOBEI, DAOBEI_GRID_1);

        mvc.perform(asUser(GRID_WORKER, put(uri)).content(body)).andExpect(status().isPreconditionRequired());
        mvc.perform(asUser(GRID_WORKER, put(uri)).header("If-Match", "\"7\"").content(body))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("/problems/version-mismatch"));
        mvc.perform(asUser(GRID_WORKER, put(uri)).header("If-Match", "\"0\"").content(body))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.name").value("赵新名"));
        mvc.perform(asUser(GRID_WORKER, put(uri)).header("If-Match", "\"0\"").content(body))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(asUser(GRID_WORKER, get(uri + "/history")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.field == '姓名' && @.kind == 'REVISED')].after").value("赵新名"))
                .andExpect(jsonPath("$[?(@.field == '证件' && @.kind == 'REVISED')]").exists());
    }

    @Test
    void reimportingTheSameRowWritesNothing() {
        PersonDraft draft = draftInGrid1();
        register(GRID_WORKER, draft);
        long changes = count("registry.person_changes");

        Registration again = as(GRID_WORKER, () -> registering.upsert(GRID_WORKER,
                new PersonDraft(draft.name(), draft.idDocType(), draft.idNumber(), null, draft.phone(), draft.communityCode(),
                        draft.gridCode(), draft.addressDetail(), null, RelationToHead.SELF, draft.categories(), draft.health(),
                        draft.incomeBand(), draft.obligors(), draft.contacts()), false));

        assertThat(again).isInstanceOf(Registration.Unchanged.class);
        assertThat(count("registry.person_changes")).isEqualTo(changes);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyAnswersWithTheFirstRegistration() throws Exception {
        String body = json(newName(), newIdNumber(), DAOBEI, DAOBEI_GRID_1);
        String key = java.util.UUID.randomUUID().toString();
        String first = mvc.perform(asUser(GRID_WORKER, post("/api/v1/people")).header("Idempotency-Key", key).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        long people = count("registry.people");

        mvc.perform(asUser(GRID_WORKER, post("/api/v1/people")).header("Idempotency-Key", key).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", first));
        mvc.perform(asUser(GRID_WORKER, post("/api/v1/people")).content(body))
                .andExpect(status().isConflict());
        assertThat(count("registry.people")).isEqualTo(people);
    }
}
