package cn.wushe.registry;

import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.Masking;
import cn.wushe.registry.internal.PersonDraft;

import static cn.wushe.registry.RegionFixture.*;
import static cn.wushe.registry.RegistryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.ResultActions;

/** What each role sees of one person living in grid 道北-001 (docs/registry-fields.md), and revealing it. */
class PersonDisclosureIntegrationTest extends RegistryIntegrationTestBase {

    /** Edits grid 道北-002, views 道北: a colleague in the same community. */
    static final TestActor OTHER_GRID_WORKER = actor("other-grid-worker", "GRID_WORKER", Map.of(
            Permission.PERSON_EDIT, DAOBEI_GRID_2, Permission.PERSON_VIEW, DAOBEI, Permission.PERSON_SEARCH, TOWN));

    static final Map<String, TestActor> ACTORS = Map.of("GRID_WORKER", GRID_WORKER, "COMMUNITY_WORKER", COMMUNITY_WORKER,
            "OTHER_GRID_WORKER", OTHER_GRID_WORKER, "SIBLING_WORKER", SIBLING_WORKER, "TOWN_STATION", TOWN_STATION,
            "COUNTY_ADMIN", COUNTY_ADMIN);

    PersonDraft draft;
    PersonId person;

    @BeforeEach
    void registerSomeone() {
        draft = draft(newName(), newIdNumber(), DAOBEI, DAOBEI_GRID_1);
        person = register(GRID_WORKER, draft);
    }

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // actor          | disclosure | phone       | health   | address       | obligor phone | birth date (only beside the clear number) | grade
            "GRID_WORKER       | EDIT       | 13812345678 | 高血压，行动不便 | 道北路 12 号 3 单元 | 13987654321 | -   | 2",
            "COMMUNITY_WORKER  | EDIT       | 13812345678 | 高血压，行动不便 | 道北路 12 号 3 单元 | 13987654321 | -   | 2",
            "COUNTY_ADMIN      | EDIT       | 13812345678 | 高血压，行动不便 | 道北路 12 号 3 单元 | 13987654321 | -   | 2",
            "OTHER_GRID_WORKER | VIEW       | 138****5678 | -        | 道北****      | 139****4321   | -   | -",
            "TOWN_STATION      | VIEW       | 138****5678 | -        | 道北****      | 139****4321   | -   | -",
    })
    void showsEachRoleItsFieldsMaskedOrClear(String actor, String disclosure, String phone, String health, String address,
            String obligorPhone, String birthDate, String grade) throws Exception {
        ResultActions result = mvc.perform(asUser(ACTORS.get(actor), get("/api/v1/people/" + person)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.disclosure").value(disclosure))
                .andExpect(jsonPath("$.name").value(draft.name()))
                .andExpect(jsonPath("$.idNumber").value(IdentityNumber.parse(IdDocumentType.RESIDENT_ID, draft.idNumber(),
                        java.time.LocalDate.now()).masked()))
                .andExpect(jsonPath("$.phone").value(phone))
                .andExpect(jsonPath("$.addressDetail").value(address))
                .andExpect(jsonPath("$.obligors[0].phone").value(obligorPhone))
                .andExpect(jsonPath("$.categories[*].code", hasItem("DISABLED")));
        result.andExpect(health == null ? jsonPath("$.health").doesNotExist() : jsonPath("$.health").value(health));
        result.andExpect(health == null ? jsonPath("$.incomeBand").doesNotExist() : jsonPath("$.incomeBand").value("低于低保标准"));
        result.andExpect(birthDate == null ? jsonPath("$.birthDate").doesNotExist() : jsonPath("$.birthDate").exists());
        result.andExpect(grade == null ? jsonPath("$.categories[?(@.code == 'DISABLED')].disabilityGrade").isEmpty()
                : jsonPath("$.categories[?(@.code == 'DISABLED')].disabilityGrade", hasItem(Integer.parseInt(grade))));
    }

    @Test
    void aSearcherOutsideTheViewScopeSeesOnlyTheMinimalMaskedProjection() throws Exception {
        mvc.perform(asUser(SIBLING_WORKER, get("/api/v1/people/" + person)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.disclosure").value("SEARCH"))
                .andExpect(jsonPath("$.name").value(Masking.name(draft.name())))
                .andExpect(jsonPath("$.name").value(not(draft.name())))
                .andExpect(jsonPath("$.communityName").value("道北社区居委会"))
                .andExpect(jsonPath("$.phone").doesNotExist())
                .andExpect(jsonPath("$.sex").doesNotExist())
                .andExpect(jsonPath("$.age").doesNotExist())
                .andExpect(jsonPath("$.categories").doesNotExist())
                .andExpect(jsonPath("$.obligors").doesNotExist())
                .andExpect(jsonPath("$.householdId").doesNotExist());
    }

    @Test
    void exactSearchByIdentityNumberFindsTownWideThroughTheBlindIndex() throws Exception {
        mvc.perform(asUser(SIBLING_WORKER, post("/api/v1/people/lookup"))
                        .content("{\"query\":\"" + draft.idNumber().toLowerCase() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].disclosure").value("SEARCH"))
                .andExpect(jsonPath("$[0].id").value(person.toString()));
        assertThat(AuditFixture.entriesIn(jdbc).latest("PERSON_SEARCH").detail()).contains(person.toString()).doesNotContain(draft.idNumber());
        String phone = "135" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
        PersonDraft d = draftInGrid1();
        PersonId withPhone = register(GRID_WORKER, new PersonDraft(d.name(), null, d.idNumber(), null, phone, DAOBEI,
                DAOBEI_GRID_1, null, null, null, d.categories(), null, null, null, null));
        mvc.perform(asUser(GRID_WORKER, post("/api/v1/people/lookup"))
                        .content("{\"query\":\"" + phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(withPhone.toString())));
    }

    @Test
    void revealNeedsThePermissionAndAReasonAndIsAudited() throws Exception {
        String uri = "/api/v1/people/" + person + "/reveal";
        long unmasks = audits("PERSON_UNMASK");

        mvc.perform(asUser(GRID_WORKER, post(uri)).content("{\"reason\":\"入户核对低保材料\"}")).andExpect(status().isForbidden());
        mvc.perform(asUser(TOWN_STATION, post(uri)).content("{\"reason\":\"核对\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(asUser(TOWN_STATION, post(uri)).content("{\"reason\":\"入户核对低保材料\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.disclosure").value("FULL"))
                .andExpect(jsonPath("$.idNumber").value(draft.idNumber()))
                .andExpect(jsonPath("$.health").value("高血压，行动不便"));

        assertThat(audits("PERSON_UNMASK")).isEqualTo(unmasks + 1);
        assertThat(AuditFixture.entriesIn(jdbc).about("PERSON_UNMASK", person.toString())).singleElement()
                .extracting(AuditFixture.Entry::reason).asString().isEqualTo("其他：入户核对低保材料");
    }

    @Test
    void theRevealReasonIsChosenFromTheListAndOtherNeedsFourChineseCharacters() throws Exception {
        String uri = "/api/v1/people/" + person + "/reveal";
        mvc.perform(asUser(TOWN_STATION, post(uri)).content("{\"reason\":\"OTHER\",\"note\":\"看看\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        mvc.perform(asUser(TOWN_STATION, post(uri)).content("{\"reason\":\"ELIGIBILITY_REVIEW\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.disclosure").value("FULL"));
        assertThat(AuditFixture.entriesIn(jdbc).about("PERSON_UNMASK", person.toString()))
                .extracting(AuditFixture.Entry::reason).contains("资格审核");
    }

    @Test
    void everyDetailAndListReadIsAuditedWithThePeopleItShowed() throws Exception {
        long reads = audits("PERSON_READ");
        mvc.perform(asUser(COMMUNITY_WORKER, get("/api/v1/people/" + person))).andExpect(status().isOk());
        assertThat(audits("PERSON_READ")).isEqualTo(reads + 1);

        mvc.perform(asUser(GRID_WORKER, get("/api/v1/people?region=" + DAOBEI_GRID_1 + "&name=" + draft.name())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(person.toString())))
                .andExpect(jsonPath("$.items[0].phone").value("13812345678"));
        assertThat(AuditFixture.entriesIn(jdbc).latest("PERSON_LIST").detail()).contains(person.toString());
    }

    @Test
    void listsFilterByCategoryAgeSexAndDisabilityAndCountPerCategory() throws Exception {
        int age = java.time.Period.between(IdentityNumber.parse(IdDocumentType.RESIDENT_ID, draft.idNumber(),
                java.time.LocalDate.now()).birthDate(), java.time.LocalDate.now()).getYears();
        String base = "/api/v1/people?region=" + DAOBEI + "&name=" + draft.name() + "&size=50";

        mvc.perform(asUser(COMMUNITY_WORKER, get(base + "&category=DIBAO&disability=true&ageMin=" + age + "&ageMax=" + age)))
                .andExpect(jsonPath("$.items[*].id", hasItem(person.toString())));
        mvc.perform(asUser(COMMUNITY_WORKER, get(base + "&category=TEKUN")))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(person.toString()))));
        mvc.perform(asUser(COMMUNITY_WORKER, get(base + "&ageMin=" + (age + 1))))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(person.toString()))));
        mvc.perform(asUser(COMMUNITY_WORKER, get(base + "&disabilityType=视力")))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(person.toString()))));
        mvc.perform(asUser(COMMUNITY_WORKER, get("/api/v1/people/counts?region=" + DAOBEI)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.DIBAO").isNumber())
                .andExpect(jsonPath("$._ALL").isNumber());
    }
}
