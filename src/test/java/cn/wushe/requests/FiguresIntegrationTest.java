package cn.wushe.requests;

import static cn.wushe.requests.RequestsFixtures.COUNTY;
import static cn.wushe.requests.RequestsFixtures.DAOBEI;
import static cn.wushe.requests.RequestsFixtures.DAOBEI_COMMITTEE;
import static cn.wushe.requests.RequestsFixtures.GONGNONG;
import static cn.wushe.requests.RequestsFixtures.GONGNONG_COMMITTEE;
import static cn.wushe.requests.RequestsFixtures.STREET_OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.TestActor;
import cn.wushe.requests.internal.MonthlyFigures;
import cn.wushe.units.TestCommittees;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/** Monthly figures per unit: counted from the timeline, frozen, exported; each supervisor sees only their reach. */
class FiguresIntegrationTest extends RequestsTestBase {

    final TestActor worker = RequestsFixtures.communityWorker("figures_worker", DAOBEI, DAOBEI_COMMITTEE);
    final TestActor resident = RequestsFixtures.resident("figures_resident", DAOBEI);
    final TestActor streetLead = RequestsFixtures.unitLead("figures_street_lead", STREET_OFFICE);
    final TestActor admin = RequestsFixtures.countyAdmin("figures_admin", COUNTY);
    final TestActor otherAdmin = RequestsFixtures.countyAdmin("figures_other_admin", "610526");
    final TestActor sibling = RequestsFixtures.communityWorker("figures_sibling", GONGNONG, GONGNONG_COMMITTEE);

    @Autowired
    MonthlyFigures figures;

    JsonNode row(JsonNode figures, UUID unit) {
        return figures.get("rows").valueStream().filter(r -> r.get("unitId").asString().equals(unit.toString())).findFirst()
                .orElse(null);
    }

    @Test
    void countsTheMonthPerUnitFreezesAndExportsForEachSupervisorsReach() throws Exception {
        String month = YearMonth.from(clock.instant().atZone(cn.wushe.platform.ClockConfiguration.ZONE)).toString();
        // a database kept from an earlier run (its clock went past the 1st) may hold this month frozen already
        jdbc.sql("delete from requests.monthly_figures where month = cast(:month as date)").param("month", month + "-01").update();
        JsonNode before = body(get(admin, "/api/v1/matter-figures?month=" + month));
        int received = row(before, DAOBEI_COMMITTEE.value()) == null ? 0 : row(before, DAOBEI_COMMITTEE.value()).get("received").asInt();

        UUID id = submit(resident, selfServiceDibao(DAOBEI));
        post(worker, "/api/v1/matters/" + id + "/sign", Map.of());
        post(worker, "/api/v1/matters/" + id + "/close", Map.of("result", "已办"));
        post(resident, "/api/v1/matters/" + id + "/rate", Map.of("rating", 5));
        submit(worker, deskStreetlight(DAOBEI));

        // live figures are kept a minute and shown up to ten while recounted: past that, counted afresh
        JsonNode kept = body(get(admin, "/api/v1/matter-figures?month=" + month));
        assertThat(kept.get("countedAt")).isEqualTo(before.get("countedAt"));
        clock.advance(java.time.Duration.ofMinutes(11));
        JsonNode after = body(get(admin, "/api/v1/matter-figures?month=" + month));
        assertThat(after.get("frozen").asBoolean()).isFalse();
        assertThat(after.get("countedAt")).isNotEqualTo(before.get("countedAt"));
        JsonNode daobei = row(after, DAOBEI_COMMITTEE.value());
        assertThat(daobei.get("received").asInt()).isEqualTo(received + 2);
        assertThat(daobei.get("resolved").asInt()).isPositive();
        assertThat(daobei.get("satisfied").asInt()).isPositive();

        assertThat(row(body(get(streetLead, "/api/v1/matter-figures?month=" + month)), DAOBEI_COMMITTEE.value()))
                .as("a street office's lead sees their own unit's figures only").isNull();
        assertThat(row(body(get(otherAdmin, "/api/v1/matter-figures?month=" + month)), DAOBEI_COMMITTEE.value())).isNull();
        assertThat(get(sibling, "/api/v1/matter-figures?month=" + month).getStatus()).isEqualTo(403);
        assertThat(get(sibling, "/matters/figures").getStatus()).isEqualTo(403);
        assertThat(get(admin, "/matters/figures?month=" + month).getContentAsString()).contains(TestCommittees.name(DAOBEI));
        assertThat(get(otherAdmin, "/matters/figures?month=" + month).getContentAsString()).doesNotContain(TestCommittees.name(DAOBEI));

        figures.freeze(COUNTY, YearMonth.parse(month));
        submit(worker, deskStreetlight(DAOBEI));
        JsonNode frozen = body(get(admin, "/api/v1/matter-figures?month=" + month));
        assertThat(frozen.get("frozen").asBoolean()).isTrue();
        assertThat(row(frozen, DAOBEI_COMMITTEE.value()).get("received").asInt()).as("frozen as it was").isEqualTo(received + 2);

        MockHttpServletResponse excel = get(admin, "/matters/figures.xlsx?month=" + month);
        assertThat(excel.getStatus()).isEqualTo(200);
        try (ReadableWorkbook wb = new ReadableWorkbook(new java.io.ByteArrayInputStream(excel.getContentAsByteArray()))) {
            assertThat(wb.getFirstSheet().read().stream().anyMatch(r -> r.getCellText(0).equals(TestCommittees.name(DAOBEI)))).isTrue();
        }
        assertThat(get(otherAdmin, "/matters/figures.xlsx?month=" + month).getStatus()).isEqualTo(200);
    }
}
