package cn.wushe.registry;

import cn.wushe.platform.personal.IdentityNumber;

import static cn.wushe.registry.RegionFixture.*;
import static cn.wushe.registry.RegistryFixtures.newIdNumber;
import static cn.wushe.registry.RosterFiles.row;
import static cn.wushe.registry.RosterFiles.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The roster import end to end through the API and pages: a sample workbook with deliberate errors
 * gives exactly the expected rejected rows and reasons; committing writes each person once;
 * importing the same file again changes nothing; an edited row shows its difference; hostile files
 * are refused with a precise message; jobs are their owner's alone; no upload is left on disk.
 */
class RosterImportIntegrationTest extends RosterImportTestBase {

    /** Imports in 城关街道, registers and views county-wide (so the import scope is what refuses 尧禾). */
    static final TestActor IMPORTER = RegistryFixtures.actor("importer", "COMMUNITY_WORKER", Map.of(
            Permission.PERSON_EDIT, COUNTY, Permission.PERSON_VIEW, COUNTY, Permission.PERSON_SEARCH, COUNTY,
            Permission.PERSON_IMPORT, TOWN, Permission.PERSON_EXPORT, TOWN));
    static final TestActor OTHER_IMPORTER = RegistryFixtures.actor("other-importer", "COMMUNITY_WORKER", Map.of(
            Permission.PERSON_EDIT, TOWN, Permission.PERSON_VIEW, TOWN, Permission.PERSON_IMPORT, TOWN));
    static final Path UPLOADS = Path.of(System.getProperty("java.io.tmpdir"), "wushe-imports");

    record Sample(byte[] file, String validA, String validB, String member) {
    }

    static Sample sample() {
        String a = newIdNumber();
        String b = newIdNumber();
        String member = newIdNumber();
        String wrongCheck = newIdNumber();
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '1' ? '2' : '1');
        String feb30First17 = "61052719900230" + "123";
        String feb30 = feb30First17 + IdentityNumber.checkCharacter(feb30First17);
        List<Map<String, String>> rows = List.of(
                with(row("王建国", a, DAOBEI), "网格代码", DAOBEI_GRID_1),                 // 3 valid
                row("李秀英", wrongCheck, DAOBEI),                                          // 4
                row("张明华", feb30, DAOBEI),                                               // 5
                row("刘桂兰", newIdNumber(), "610527001099"),                               // 6 unknown community
                row("杨志强", newIdNumber(), YAOHE),                                        // 7 outside the import scope
                row("赵玉梅", a, DAOBEI),                                                   // 8 duplicate of row 3
                with(row("", newIdNumber(), DAOBEI), "姓名", ""),                            // 9 missing name
                row("党" + "海".repeat(50), newIdNumber(), DAOBEI),                         // 10 name of 51 characters
                with(row("雷春生", newIdNumber(), DAOBEI), "困难类别", "低保户"),             // 11 unknown category
                with(with(with(row("张淑珍", b, GONGNONG), "困难类别", "低保、残疾人"),       // 12 valid, a household head
                        "残疾类别", "肢体"), "残疾等级", "二级"),
                with(with(row("李德福", member, GONGNONG), "户主证件号码", b), "与户主关系", "配偶")); // 13 valid member
        return new Sample(RosterFiles.workbook(rows), a, b, member);
    }

    @Test
    void rejectsExactlyTheBadRowsWithTheirReasonsThenCommitsTheValidOnesOnceAndReimportsIdempotently() throws Exception {
        Sample sample = sample();
        String job = uploadAndWait(IMPORTER, sample.file(), null);
        mvc.perform(asUser(IMPORTER, get("/api/v1/people/imports/" + job)))
                .andExpect(jsonPath("$.status").value("READY"))
                .andExpect(jsonPath("$.counts.total").value(11))
                .andExpect(jsonPath("$.counts.valid").value(3))
                .andExpect(jsonPath("$.counts.rejected").value(8))
                .andExpect(jsonPath("$.counts.created").value(3));

        assertThat(rejected(IMPORTER, job)).containsExactly(
                "4 C 公民身份号码的校验码（最后一位）不正确，请逐位核对号码",
                "5 C 公民身份号码中的出生日期「19900230」不存在，请核对号码",
                "6 F 社区（村）代码 610527001099 不存在",
                "7 F 该社区（村）不在您的导入范围内，不能导入",
                "8 C 与第 3 行的证件号码重复，同一人只能出现一次",
                "9 A 请填写姓名",
                "10 A 姓名不能超过 50 个字，当前 51 个字",
                "11 K 类别「低保户」不存在或已停用");
        assertThat(count("registry.people where id_number_bidx = '" + bidx(sample.validA()) + "'")).isZero();

        mvc.perform(asUser(IMPORTER, post("/api/v1/people/imports/" + job + "/commit")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.counts.created").value(3));
        for (String id : List.of(sample.validA(), sample.validB(), sample.member())) {
            assertThat(count("registry.people where id_number_bidx = '" + bidx(id) + "'")).isOne();
        }
        assertThat(jdbc.sql("select count(distinct household_id) from registry.people where id_number_bidx in (:b, :m)")
                .param("b", bidx(sample.validB())).param("m", bidx(sample.member())).query(Long.class).single()).isOne();
        assertThat(AuditFixture.entriesIn(jdbc).about("PERSON_IMPORT", job)).singleElement()
                .extracting(AuditFixture.Entry::detail).asString().contains("total=11,valid=3,rejected=8,new=3");

        String again = uploadAndWait(IMPORTER, sample.file(), null);
        mvc.perform(asUser(IMPORTER, get("/api/v1/people/imports/" + again)))
                .andExpect(jsonPath("$.counts.unchanged").value(3))
                .andExpect(jsonPath("$.counts.created").value(0))
                .andExpect(jsonPath("$.counts.updated").value(0));
        mvc.perform(asUser(IMPORTER, post("/api/v1/people/imports/" + again + "/commit"))).andExpect(status().isOk());
        for (String id : List.of(sample.validA(), sample.validB(), sample.member())) {
            assertThat(count("registry.people where id_number_bidx = '" + bidx(id) + "'")).isOne();
        }
        assertThat(Files.list(UPLOADS).toList()).isEmpty();
    }

    @Test
    void anEditedRowIsPreviewedAsAnUpdateWithItsDifferenceAndCommittedInPlace() throws Exception {
        String id = newIdNumber();
        Map<String, String> person = with(row("王秀兰", id, DAOBEI), "网格代码", DAOBEI_GRID_1);
        commit(IMPORTER, uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(person)), null));

        String job = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(with(person, "联系电话", "13900001111"))), null);
        mvc.perform(asUser(IMPORTER, get("/api/v1/people/imports/" + job + "/rows").param("outcome", "UPDATE")))
                .andExpect(jsonPath("$[0].row").value(3))
                .andExpect(jsonPath("$[0].differences[0].field").value("联系电话"))
                .andExpect(jsonPath("$[0].differences[0].before").value("138****5678"))
                .andExpect(jsonPath("$[0].differences[0].after").value("139****1111"));
        mvc.perform(page(IMPORTER, get("/people/imports/" + job)))
                .andExpect(content().string(containsString("139****1111")));
        commit(IMPORTER, job);
        assertThat(count("registry.people where id_number_bidx = '" + bidx(id) + "'")).isOne();
        assertThat(jdbc.sql("select version from registry.people where id_number_bidx = :b").param("b", bidx(id))
                .query(Integer.class).single()).isOne();
    }

    @Test
    void aCommitThatCannotBeDoneAsPreviewedWritesNothingAndTheJobCanBeCheckedAgain() throws Exception {
        String first = newIdNumber();
        String second = newIdNumber();
        String job = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(row("杜文斌", first, DAOBEI),
                row("孙丽娟", second, GONGNONG))), null);
        mvc.perform(page(IMPORTER, get("/people/imports/" + job + "/progress")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"job\"")))
                .andExpect(content().string(containsString("导入有效行")));
        // meanwhile someone registers another 孙丽娟 born the same day in the same town
        String sameBirth = second.substring(0, 14) + "998";
        sameBirth = sameBirth + IdentityNumber.checkCharacter(sameBirth);
        register(RegistryFixtures.COUNTY_ADMIN, RegistryFixtures.draft("孙丽娟", sameBirth, GONGNONG, null));

        mvc.perform(asUser(IMPORTER, post("/api/v1/people/imports/" + job + "/commit")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("第 4 行在检查之后情况有变")));
        assertThat(count("registry.people where id_number_bidx = '" + bidx(first) + "'")).isZero();
        mvc.perform(asUser(IMPORTER, get("/api/v1/people/imports/" + job)))
                .andExpect(jsonPath("$.status").value("READY"))
                .andExpect(jsonPath("$.error", containsString("第 4 行")));
    }

    @Test
    void discardingWritesNothing() throws Exception {
        String id = newIdNumber();
        String job = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(row("刘永红", id, DAOBEI))), null);
        mvc.perform(asUser(IMPORTER, post("/api/v1/people/imports/" + job + "/discard"))).andExpect(status().isNoContent());
        mvc.perform(asUser(IMPORTER, post("/api/v1/people/imports/" + job + "/commit"))).andExpect(status().isConflict());
        assertThat(count("registry.people where id_number_bidx = '" + bidx(id) + "'")).isZero();
    }

    @Test
    void theSameIdempotencyKeyFromTheSameOwnerGivesTheSameJob() throws Exception {
        byte[] file = RosterFiles.workbook(List.of(row("杨海燕", newIdNumber(), DAOBEI)));
        String key = "key-" + java.util.UUID.randomUUID(); // the test database outlives a run, and so do kept keys
        String first = uploadAndWait(IMPORTER, file, key);
        String second = uploadAndWait(IMPORTER, file, key);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void someoneElsesJobDoesNotExistForYou() throws Exception {
        String job = uploadAndWait(IMPORTER, RosterFiles.workbook(List.of(row("赵春生", newIdNumber(), DAOBEI))), null);
        for (MockHttpServletRequestBuilder request : List.of(get("/api/v1/people/imports/" + job),
                get("/api/v1/people/imports/" + job + "/rows"), post("/api/v1/people/imports/" + job + "/commit"),
                post("/api/v1/people/imports/" + job + "/discard"))) {
            mvc.perform(asUser(OTHER_IMPORTER, request)).andExpect(status().isNotFound());
        }
        mvc.perform(page(OTHER_IMPORTER, get("/people/imports/" + job))).andExpect(status().isNotFound());
        mvc.perform(page(OTHER_IMPORTER, get("/people/imports/" + job + "/rejected.xlsx"))).andExpect(status().isNotFound());
        mvc.perform(page(RegistryFixtures.NEIGHBOUR_ADMIN, get("/people/imports"))).andExpect(status().isForbidden());
    }

    static Stream<Object[]> hostileFiles() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        byte[] valid = RosterFiles.workbook(List.of(row("王建国", "610527195001011234", DAOBEI)));
        byte[] doctype = RosterFiles.rewriteEntry(valid, "xl/sharedStrings.xml", xml -> xml.replaceFirst("\\?>",
                "?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>").replace("王建国", "&xxe;"));
        return Stream.of(
                new Object[] {"照片.xlsx", png, 415, "文件内容是 PNG 图片"},
                new Object[] {"空表.xlsx", RosterFiles.workbook(List.of()), 400, "没有数据行"},
                new Object[] {"炸弹.xlsx", RosterFiles.zipBomb(300L * 1024 * 1024), 400, "压缩比超过 100 倍"},
                new Object[] {"实体.xlsx", doctype, 400, "DOCTYPE"},
                new Object[] {"太大.xlsx", new byte[21 * 1024 * 1024], 413, "超过 20 MB"});
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("hostileFiles")
    void refusesAHostileOrWrongFileWithAPreciseMessageAndLeavesNothingBehind(String name, byte[] content, int status,
            String message) throws Exception {
        mvc.perform(multipart("/api/v1/people/imports").file(new MockMultipartFile("file", name, null, content))
                        .with(authentication(IMPORTER.authentication())).with(csrf()))
                .andExpect(status().is(status))
                .andExpect(header().string("Content-Type", containsString("problem+json")))
                .andExpect(jsonPath("$.detail", containsString(message)));
        assertThat(Files.list(UPLOADS).toList()).isEmpty();
    }

    @Test
    void theUploadPageShowsARefusalInChinese() throws Exception {
        mvc.perform(multipart("/people/imports").file(new MockMultipartFile("file", "a.xlsx", null, "hello".getBytes()))
                        .with(authentication(IMPORTER.authentication())).with(csrf()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().string(containsString("文件内容不是 Excel 工作簿")));
    }

    @Test
    void theTemplateHasTheHeadersAnExampleRowAndDropDowns() throws Exception {
        byte[] template = mvc.perform(page(IMPORTER, get("/people/import-template.xlsx")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = RosterFiles.read(template);
        assertThat(rows.get(0)).containsExactlyElementsOf(RosterFiles.HEADERS.stream().map(h -> "STRING:" + h).toList());
        assertThat(rows.get(1).get(0)).startsWith("STRING:示例");
        String sheet = new String(unzip(template, "xl/worksheets/sheet1.xml"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(sheet).contains("<dataValidations count=\"7\">", "<formula1>'");
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(template))) {
            assertThat(wb.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName)).containsExactly("人员名单", "说明", "选项");
        }
    }
}
