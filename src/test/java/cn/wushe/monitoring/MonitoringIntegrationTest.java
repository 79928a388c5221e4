package cn.wushe.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.care.CareIntegrationTestBase;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.registry.RegistryTestPeople;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/**
 * A department's file against the registry: matched by identity number through the directory, bad
 * rows listed with their reasons and the rest processed, the county's rules turned into care alerts
 * for the right people, a file run once, and nothing of another county.
 */
class MonitoringIntegrationTest extends CareIntegrationTestBase {

    static final TestActor COUNTY_ADMIN = actor("monitoring-county-admin", "COUNTY_ADMIN", COUNTY, Permission.MONITORING_RUN,
            Permission.CARE_VIEW);
    static final TestActor NEIGHBOUR_ADMIN = actor("monitoring-neighbour-admin", "COUNTY_ADMIN", NEIGHBOUR_COUNTY,
            Permission.MONITORING_RUN, Permission.CARE_VIEW);

    @Test
    void aHospitalFileRaisesAlertsForRedPeopleListsBadRowsAndRunsOnce() throws Exception {
        RegistryTestPeople.Registered red = registeredInGrid1();
        RegistryTestPeople.Registered untiered = registeredInGrid1();
        mvc.perform(json(TOWN_STATION, post("/api/v1/care/people/{id}/tier", red.id().value()),
                "{\"factors\":[\"LIVING_ALONE\",\"UNSAFE_HOME\"]}")).andExpect(status().isOk());
        String invalid = red.identityNumber().substring(0, 17) + (red.identityNumber().charAt(17) == '1' ? "2" : "1");
        String unregistered = RegistryTestPeople.newIdNumber(COUNTY);
        String csv = "身份证号,住院天数\n" + red.identityNumber() + ",12\n" + untiered.identityNumber() + ",30\n"
                + invalid + ",9\n" + unregistered + ",15\n只有一列\n" + red.identityNumber() + ",十天\n";
        MockMultipartFile file = new MockMultipartFile("file", "卫健住院-12月.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        String run = mvc.perform(by(COUNTY_ADMIN, multipart("/api/v1/monitoring/feeds").file(file)
                        .param("countyCode", COUNTY).param("kind", "HOSPITAL_STAY")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rows").value(6)).andExpect(jsonPath("$.matched").value(2))
                .andExpect(jsonPath("$.notRegistered").value(1)).andExpect(jsonPath("$.alerts").value(1))
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.rejects[*].line").value(org.hamcrest.Matchers.contains(4, 6, 7)))
                .andReturn().getResponse().getContentAsString();
        String runId = run.replaceAll("^\\{\"id\":\"([0-9a-f-]+)\".*", "$1");

        assertThat(alerts(red.id().value(), "DATA", "HIGH")).isEqualTo(1);
        assertThat(alerts(untiered.id().value(), "DATA", "HIGH")).isZero();
        // raised in a batch, the alert still has its working-day deadline, written with it
        assertThat(jdbc.sql("""
                select count(*) from care.alerts a join scheduling.scheduled_tasks t
                    on t.task_instance like '%' || a.id::text and t.execution_time = a.due_at
                where a.person_id = :p and a.source = 'DATA'""").param("p", red.id().value()).query(Long.class).single())
                .isEqualTo(1);
        mvc.perform(by(COUNTY_ADMIN, multipart("/api/v1/monitoring/feeds").file(file)
                        .param("countyCode", COUNTY).param("kind", "HOSPITAL_STAY")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("/problems/feed-already-run"));
        assertThat(alerts(red.id().value(), "DATA", "HIGH")).isEqualTo(1);

        // another county: the run does not exist there, and its file cannot be run for this county
        mvc.perform(by(NEIGHBOUR_ADMIN, get("/api/v1/monitoring/runs/{id}", runId))).andExpect(status().isNotFound());
        mvc.perform(by(NEIGHBOUR_ADMIN, get("/api/v1/monitoring/runs"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(runId))));
        mvc.perform(by(NEIGHBOUR_ADMIN, multipart("/api/v1/monitoring/feeds").file(new MockMultipartFile("file", "x.csv",
                        "text/csv", (red.identityNumber() + ",40\n").getBytes(StandardCharsets.UTF_8)))
                        .param("countyCode", COUNTY).param("kind", "HOSPITAL_STAY")))
                .andExpect(status().isNotFound());
        mvc.perform(by(COUNTY_ADMIN, get("/api/v1/monitoring/runs/{id}", runId))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rejects[0].reason").value(org.hamcrest.Matchers.containsString("身份证号")));
        // and the pages
        mvc.perform(by(COUNTY_ADMIN, get("/monitoring"))).andExpect(status().isOk());
        mvc.perform(by(COUNTY_ADMIN, get("/monitoring/runs/{id}", runId))).andExpect(status().isOk());
        mvc.perform(by(NEIGHBOUR_ADMIN, get("/monitoring/runs/{id}", runId))).andExpect(status().isNotFound());
        assertThat(mvc.perform(by(NEIGHBOUR_ADMIN, get("/monitoring"))).andReturn().getResponse().getContentAsString())
                .doesNotContain(runId);
        mvc.perform(by(NEIGHBOUR_ADMIN, multipart("/monitoring/feeds").file(file).param("countyCode", COUNTY)
                .param("kind", "HOSPITAL_STAY"))).andExpect(status().isNotFound());
    }

    @Test
    void severalStaysOfOnePersonInOneFileGiveTheirWorkerOneAlertForTheLongest() throws Exception {
        RegistryTestPeople.Registered red = registeredInGrid1();
        mvc.perform(json(TOWN_STATION, post("/api/v1/care/people/{id}/tier", red.id().value()),
                "{\"factors\":[\"LIVING_ALONE\",\"UNSAFE_HOME\"]}")).andExpect(status().isOk());
        String csv = red.identityNumber() + ",9\n" + red.identityNumber() + ",20\n" + red.identityNumber() + ",3\n";

        mvc.perform(by(COUNTY_ADMIN, multipart("/api/v1/monitoring/feeds").file(new MockMultipartFile("file", "住院.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("countyCode", COUNTY).param("kind", "HOSPITAL_STAY")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.matched").value(3)).andExpect(jsonPath("$.alerts").value(1));
        assertThat(jdbc.sql("select summary from care.alerts where person_id = :p and source = 'DATA'")
                .param("p", red.id().value()).query(String.class).list()).containsExactly("住院 20 天（红色、黄色对象）");
    }

    @Test
    void anIncomeAboveTheDibaoLineRaisesAnAlertForSomeoneHoldingDibao() throws Exception {
        RegistryTestPeople.Registered dibao = registeredInGrid1();
        String csv = dibao.identityNumber() + ",1200.50\n";

        mvc.perform(by(COUNTY_ADMIN, multipart("/monitoring/feeds").file(new MockMultipartFile("file", "income.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("countyCode", COUNTY).param("kind", "INCOME")))
                .andExpect(status().is3xxRedirection());

        assertThat(alerts(dibao.id().value(), "DATA", "MEDIUM")).isEqualTo(1);
    }

    @Test
    void aGzippedFileIsComparedLikeThePlainOneAndAGzipBombIsRefusedWithNothingWritten() throws Exception {
        RegistryTestPeople.Registered dibao = registeredInGrid1();
        byte[] gzipped = gzip((dibao.identityNumber() + ",1300\n").getBytes(StandardCharsets.UTF_8));

        mvc.perform(by(COUNTY_ADMIN, multipart("/api/v1/monitoring/feeds").file(new MockMultipartFile("file", "收入.csv.gz",
                        "application/gzip", gzipped)).param("countyCode", COUNTY).param("kind", "INCOME")))
                .andExpect(status().isCreated());
        assertThat(alerts(dibao.id().value(), "DATA", "MEDIUM")).isEqualTo(1);

        long runsBefore = jdbc.sql("select count(*) from monitoring.feed_runs").query(Long.class).single();
        byte[] bomb = gzip(new byte[97 * 1024 * 1024]);
        mvc.perform(by(COUNTY_ADMIN, multipart("/api/v1/monitoring/feeds").file(new MockMultipartFile("file", "bomb.csv.gz",
                        "application/gzip", bomb)).param("countyCode", COUNTY).param("kind", "INCOME")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("解压后超过 96 MB")));
        assertThat(jdbc.sql("select count(*) from monitoring.feed_runs").query(Long.class).single()).isEqualTo(runsBefore);
    }

    private static byte[] gzip(byte[] plain) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    private long alerts(UUID person, String source, String severity) {
        return jdbc.sql("select count(*) from care.alerts where person_id = :p and source = :s and severity = :v")
                .param("p", person).param("s", source).param("v", severity).query(Long.class).single();
    }
}
