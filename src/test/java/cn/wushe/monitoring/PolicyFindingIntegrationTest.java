package cn.wushe.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.care.CareIntegrationTestBase;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.registry.internal.PersonDraft;
import cn.wushe.registry.internal.RegisteringPerson;
import cn.wushe.registry.internal.Registration;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * 政策找人 on a table of cases, .xlsx feeds and the county's rules as settings: a typed rule (holds
 * 低保, lacks 残疾人, aged 60 or more, living alone, monthly income on file ≥ 1000) finds exactly
 * the person it describes in one database read; a second run inside the quiet period raises
 * nothing; the county's stay limit decides the hospital alerts; another county sees none of it.
 */
class PolicyFindingIntegrationTest extends CareIntegrationTestBase {

    static final TestActor ADMIN = actor("policy-admin", "COUNTY_ADMIN", COUNTY, Permission.MONITORING_RUN, Permission.CARE_VIEW);
    static final TestActor OTHER_ADMIN = actor("policy-other-admin", "COUNTY_ADMIN", NEIGHBOUR_COUNTY, Permission.MONITORING_RUN,
            Permission.CARE_VIEW);
    static final TestActor REGISTRAR = actor("policy-registrar", "COUNTY_ADMIN", COUNTY, Permission.PERSON_EDIT,
            Permission.PERSON_VIEW, Permission.PERSON_SEARCH);

    @Autowired
    RegisteringPerson registering;

    record Person(UUID id, String number) {
    }

    @Test
    void aTypedRuleFindsExactlyThePersonItDescribesOncePerQuietPeriod() throws Exception {
        int year = LocalDate.now(clock).getYear();
        Person fits = person(year - 70, "DIBAO");
        Person disabled = person(year - 70, "DIBAO", "DISABLED");
        Person young = person(year - 30, "DIBAO");
        Person noFile = person(year - 70, "DIBAO");
        Person lowIncome = person(year - 75, "DIBAO");
        // an .xlsx from 人社: identity numbers as text, incomes as numbers
        byte[] xlsx = workbook(List.of(List.of("身份证号", "月收入"), List.of(fits.number(), 1200), List.of(disabled.number(), 1200),
                List.of(young.number(), 1200), List.of(lowIncome.number(), 600), List.of("12345", 1000)));
        mvc.perform(by(ADMIN, multipart("/api/v1/monitoring/feeds").file(new MockMultipartFile("file", "人社收入.xlsx",
                        "application/octet-stream", xlsx)).param("countyCode", COUNTY).param("kind", "INCOME")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.matched").value(4))
                .andExpect(jsonPath("$.rejected").value(1)).andExpect(jsonPath("$.rejects[0].line").value(6));

        // named apart: rules left by earlier runs on a reused test database find people too
        String name = "独居低保老人收入超标-" + UUID.randomUUID();
        String rule = """
                {"countyCode":"%s","name":"%s","holds":["DIBAO"],"lacks":["DISABLED"],"minAge":60,
                 "maxHousehold":1,"factKind":"INCOME","factMin":1000}""".formatted(COUNTY, name);
        mvc.perform(json(OTHER_ADMIN, post("/api/v1/monitoring/policy-rules"), rule)).andExpect(status().isNotFound());
        mvc.perform(json(ADMIN, post("/api/v1/monitoring/policy-rules"), """
                {"countyCode":"%s","name":"无条件"}""".formatted(COUNTY))).andExpect(status().isBadRequest());
        mvc.perform(json(ADMIN, post("/api/v1/monitoring/policy-rules"), rule)).andExpect(status().isCreated());
        mvc.perform(by(OTHER_ADMIN, get("/api/v1/monitoring/policy-rules"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].countyCode").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(COUNTY))));
        mvc.perform(by(OTHER_ADMIN, post("/api/v1/monitoring/policy-rules/run/{c}", COUNTY))).andExpect(status().isNotFound());

        mvc.perform(by(ADMIN, post("/api/v1/monitoring/policy-rules/run/{c}", COUNTY))).andExpect(status().isOk());

        assertThat(policyAlerts(fits, name)).isEqualTo(1);
        assertThat(policyAlerts(disabled, name) + policyAlerts(young, name) + policyAlerts(noFile, name)
                + policyAlerts(lowIncome, name)).isZero();
        mvc.perform(by(ADMIN, post("/monitoring/policy-rules/run")).param("countyCode", COUNTY)).andExpect(status().is3xxRedirection());
        assertThat(policyAlerts(fits, name)).isEqualTo(1);
        assertThat(mvc.perform(by(ADMIN, get("/monitoring"))).andReturn().getResponse().getContentAsString())
                .contains("独居低保老人收入超标");
    }

    @Test
    void theRuleFormOffersTheRegistrysCategoriesByNameAndRefusesOthersInChinese() throws Exception {
        String page = mvc.perform(by(ADMIN, get("/monitoring"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("type=\"checkbox\" name=\"holds\"", "value=\"DIBAO\"", ">低保</label>", ">残疾人</label>")
                .doesNotContain("逗号分隔");
        // aged 130: a rule that finds nobody, so the county's other rules' tests stay as they are
        String name = "多选规则-" + UUID.randomUUID();
        mvc.perform(by(ADMIN, post("/monitoring/policy-rules")).param("countyCode", COUNTY).param("name", name)
                        .param("holds", "DIBAO", "TEKUN").param("lacks", "DISABLED").param("minAge", "130"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("notice"));
        mvc.perform(by(ADMIN, get("/api/v1/monitoring/policy-rules")))
                .andExpect(jsonPath("$[?(@.name == '%s')].holds[*]".formatted(name)).value(
                        org.hamcrest.Matchers.containsInAnyOrder("DIBAO", "TEKUN")));
        assertThat(mvc.perform(by(ADMIN, get("/monitoring"))).andReturn().getResponse().getContentAsString())
                .contains("有：低保、特困", "没有：残疾人");
        mvc.perform(by(ADMIN, post("/monitoring/policy-rules")).param("countyCode", COUNTY).param("name", name + "x")
                        .param("holds", "NO_SUCH_CATEGORY"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("problem",
                        org.hamcrest.Matchers.containsString("请从困难类别中勾选")));
        mvc.perform(json(ADMIN, post("/api/v1/monitoring/policy-rules"), """
                        {"countyCode":"%s","name":"%s","holds":["DIBAO"],"lacks":["DIBAO"]}""".formatted(COUNTY, name + "y")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lacks"))
                .andExpect(jsonPath("$.errors[0].message").value("同一类别不能既“须有”又“须没有”"));
    }

    @Test
    void theCountysStayLimitDecidesHospitalAlerts() throws Exception {
        mvc.perform(by(OTHER_ADMIN, get("/api/v1/monitoring/rules/{c}", COUNTY))).andExpect(status().isNotFound());
        String etag = mvc.perform(by(ADMIN, get("/api/v1/monitoring/rules/{c}", COUNTY))).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("ETag");
        mvc.perform(json(OTHER_ADMIN, put("/api/v1/monitoring/rules/{c}", COUNTY), "{\"maxStayDays\":20,\"dibaoLineYuan\":800,\"policyQuietDays\":180}")
                .header("If-Match", etag)).andExpect(status().isNotFound());
        mvc.perform(json(ADMIN, put("/api/v1/monitoring/rules/{c}", COUNTY), "{\"maxStayDays\":0,\"dibaoLineYuan\":800,\"policyQuietDays\":180}")
                .header("If-Match", etag)).andExpect(status().isBadRequest());
        String changed = mvc.perform(json(ADMIN, put("/api/v1/monitoring/rules/{c}", COUNTY),
                        "{\"maxStayDays\":20,\"dibaoLineYuan\":800,\"policyQuietDays\":180}").header("If-Match", etag))
                .andExpect(status().isOk()).andExpect(jsonPath("$.maxStayDays").value(20)).andReturn().getResponse().getHeader("ETag");
        try {
            var red = registeredInGrid1();
            mvc.perform(json(TOWN_STATION, post("/api/v1/care/people/{id}/tier", red.id().value()),
                    "{\"factors\":[\"LIVING_ALONE\",\"UNSAFE_HOME\"]}")).andExpect(status().isOk());
            String csv = red.identityNumber() + ",12\n";
            mvc.perform(by(ADMIN, multipart("/api/v1/monitoring/feeds").file(new MockMultipartFile("file", "住院.csv", "text/csv",
                            csv.getBytes(StandardCharsets.UTF_8))).param("countyCode", COUNTY).param("kind", "HOSPITAL_STAY")))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.matched").value(1)).andExpect(jsonPath("$.alerts").value(0));
            mvc.perform(by(OTHER_ADMIN, post("/monitoring/rules")).param("countyCode", COUNTY).param("maxStayDays", "3")
                    .param("dibaoLineYuan", "800").param("policyQuietDays", "180").param("version", "1"))
                    .andExpect(status().isNotFound());
            mvc.perform(by(OTHER_ADMIN, post("/monitoring/policy-rules")).param("countyCode", COUNTY).param("name", "x")
                    .param("holds", "DIBAO")).andExpect(status().isNotFound());
            mvc.perform(by(ADMIN, post("/monitoring/policy-rules")).param("countyCode", COUNTY).param("name", "页面规则-" + UUID.randomUUID())
                    .param("holds", "TEKUN").param("minAge", "200")).andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("problem"));
            mvc.perform(by(OTHER_ADMIN, post("/monitoring/policy-rules/run")).param("countyCode", COUNTY))
                    .andExpect(status().isNotFound());
        } finally {
            mvc.perform(by(ADMIN, post("/monitoring/rules")).param("countyCode", COUNTY).param("maxStayDays", "7")
                            .param("dibaoLineYuan", "800").param("policyQuietDays", "180")
                            .param("version", changed.replace("\"", "").replace("W/", "")))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("notice"));
        }
        mvc.perform(by(ADMIN, get("/api/v1/monitoring/rules/{c}", COUNTY))).andExpect(jsonPath("$.maxStayDays").value(7))
                .andExpect(header().exists("ETag"));
    }

    private Person person(int birthYear, String... categories) {
        LocalDate birth = LocalDate.of(birthYear, 3, 1).plusDays(ThreadLocalRandom.current().nextInt(200));
        String first17 = COUNTY + birth.toString().replace("-", "") + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        String number = first17 + IdentityNumber.checkCharacter(first17);
        List<PersonDraft.CategoryDraft> held = new ArrayList<>();
        for (String code : categories) {
            held.add(new PersonDraft.CategoryDraft(code, LocalDate.of(2024, 1, 1), null, "县民政局",
                    code.equals("DISABLED") ? "肢体" : null, code.equals("DISABLED") ? 2 : null));
        }
        PersonDraft draft = new PersonDraft(name(), null, number, null, null, DAOBEI,
                GRID_1, "道北路 1 号", null, null, held, null, null, null, null);
        Registration outcome = as(REGISTRAR, () -> registering.register(REGISTRAR, draft, true));
        if (!(outcome instanceof Registration.Registered registered)) {
            throw new AssertionError("not registered: " + outcome);
        }
        carePeople.refresh(COUNTY, List.of(registered.id()));
        return new Person(registered.id().value(), number);
    }

    private static String name() {
        String given = "建国秀英明华丽芳桂兰志强玉梅海燕春生";
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "政" + given.charAt(r.nextInt(given.length())) + given.charAt(r.nextInt(given.length()));
    }

    private long policyAlerts(Person person, String ruleName) {
        return jdbc.sql("select count(*) from care.alerts where person_id = :p and source = 'POLICY' and summary like '%' || :rule")
                .param("p", person.id()).param("rule", ruleName).query(Long.class).single();
    }

    private static byte[] workbook(List<List<Object>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = wb.newWorksheet("收入");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        sheet.value(r, c, n);
                    } else {
                        sheet.value(r, c, (String) v);
                    }
                }
            }
        }
        return out.toByteArray();
    }

}
