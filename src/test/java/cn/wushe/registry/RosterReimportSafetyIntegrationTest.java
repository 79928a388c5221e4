package cn.wushe.registry;

import static cn.wushe.registry.RegionFixture.*;
import static cn.wushe.registry.RegistryFixtures.newIdNumber;
import static cn.wushe.registry.RosterFiles.row;
import static cn.wushe.registry.RosterFiles.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue [U] 10: a re-import cannot overwrite the wrong person. A row whose identity number is
 * registered to someone of another name is refused for review; categories are added to or ended
 * explicitly (「退出:低保」), never dropped by leaving them out; the rejected-rows workbook uploaded
 * again unfixed changes nothing; each message names the column it concerns and grades read 一级–四级.
 */
class RosterReimportSafetyIntegrationTest extends RosterImportTestBase {

    static final TestActor IMPORTER = RegistryFixtures.actor("reimporter", "COMMUNITY_WORKER", Map.of(
            Permission.PERSON_EDIT, COUNTY, Permission.PERSON_VIEW, COUNTY, Permission.PERSON_SEARCH, COUNTY,
            Permission.PERSON_IMPORT, TOWN));

    @Test
    void aRowWhoseNumberBelongsToSomeoneOfAnotherNameIsRefusedNotApplied() throws Exception {
        String id = newIdNumber();
        commit(IMPORTER, uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(row("王秀兰", id, DAOBEI))), null));
        String job = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(with(row("王秀英", id, DAOBEI), "联系电话",
                "13900004444"))), null);
        assertThat(rejected(IMPORTER, job)).containsExactly(
                "3 A 该证件号码已登记为「王*兰」，与本行姓名不同；请核实证件号码，姓名确需更改的请在人员页面修改，不作为导入更新");
        commit(IMPORTER, job);
        assertThat(jdbc.sql("select name from registry.people where id_number_bidx = :b").param("b", bidx(id))
                .query(String.class).single()).isEqualTo("王秀兰");
    }

    @Test
    void categoriesAreAddedOrEndedExplicitlyNeverDroppedByLeavingThemOut() throws Exception {
        String id = newIdNumber();
        Map<String, String> person = row("李桂芳", id, DAOBEI); // 低保 since 2024-01-01
        commit(IMPORTER, uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(person)), null));

        // a row naming only 残疾人 adds it; 低保 stays
        Map<String, String> disabled = with(with(with(person, "困难类别", "残疾人"), "残疾类别", "肢体"), "残疾等级", "二级");
        String add = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(disabled)), null);
        mvc.perform(asUser(IMPORTER, get("/api/v1/people/imports/" + add))).andExpect(jsonPath("$.counts.updated").value(1));
        commit(IMPORTER, add);
        assertThat(current(id)).containsExactlyInAnyOrder("DIBAO", "DISABLED");

        // a row with no category at all changes nothing
        String none = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(with(person, "困难类别", ""))), null);
        mvc.perform(asUser(IMPORTER, get("/api/v1/people/imports/" + none))).andExpect(jsonPath("$.counts.unchanged").value(1));

        // 「退出:低保」 ends it on the date given; ending what the person does not hold is refused
        String end = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(
                with(with(person, "困难类别", "退出:低保"), "类别开始日期", "2025-06-30"),
                with(row("周特困", newIdNumber(), DAOBEI), "困难类别", "退出:低保"))), null);
        assertThat(rejected(IMPORTER, end)).containsExactly("4 K 新登记的人员不能退出类别：请删去「退出」项");
        commit(IMPORTER, end);
        assertThat(current(id)).containsExactly("DISABLED");
        assertThat(jdbc.sql("""
                select c.end_date::text from registry.person_categories c join registry.people p on p.id = c.person_id
                where p.id_number_bidx = :b and c.category_code = 'DIBAO'""").param("b", bidx(id)).query(String.class).single())
                .isEqualTo("2025-06-30");
        String again = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(with(person, "困难类别", "退出:低保"))), null);
        assertThat(rejected(IMPORTER, again)).containsExactly("3 K 该人员当前没有「低保」类别，无法退出");
    }

    @Test
    void theRejectedRowsWorkbookUploadedAgainUnfixedChangesNothing() throws Exception {
        RosterImportIntegrationTest.Sample sample = RosterImportIntegrationTest.sample();
        String first = uploadAndWait(IMPORTER, sample.file(), null);
        commit(IMPORTER, first);
        byte[] rejectedRows = mvc.perform(page(IMPORTER, get("/people/imports/" + first + "/rejected.xlsx")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        long people = count("registry.people");
        long changes = count("registry.person_changes");

        String again = uploadAndWait(IMPORTER, rejectedRows, null);
        mvc.perform(asUser(IMPORTER, get("/api/v1/people/imports/" + again)))
                .andExpect(jsonPath("$.counts.created").value(0))
                .andExpect(jsonPath("$.counts.updated").value(0));
        commit(IMPORTER, again);
        assertThat(count("registry.people")).isEqualTo(people);
        assertThat(count("registry.person_changes")).isEqualTo(changes);
    }

    @Test
    void eachMessageNamesItsColumnAndGradesReadAsInTheTemplate() throws Exception {
        String job = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(
                with(row("钱淑华", newIdNumber(), DAOBEI), "残疾类别", "肢体"),                     // type without 残疾人
                with(with(row("孙德明", newIdNumber(), DAOBEI), "困难类别", "残疾人"), "残疾类别", "肢体"))), // grade missing
                null);
        assertThat(rejected(IMPORTER, job)).containsExactly(
                "3 N 只有「残疾人」类别填写残疾类别和等级",
                "4 O 残疾等级应为一级、二级、三级或四级");
    }

    private List<String> current(String id) {
        return jdbc.sql("""
                select c.category_code from registry.person_categories c join registry.people p on p.id = c.person_id
                where p.id_number_bidx = :b and (c.end_date is null or c.end_date >= current_date) order by 1""")
                .param("b", bidx(id)).query(String.class).list();
    }
}
