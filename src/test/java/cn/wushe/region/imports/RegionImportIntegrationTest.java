package cn.wushe.region.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The importer against the real tree loaded at startup, with small fixture editions of 白水县 from
 * src/test/resources/regions: idempotent runs, renames, and bad lines that stop the import naming
 * file and line while the tree stays as it was. Successful runs happen inside a transaction that is
 * rolled back, so the shared test database keeps the official names.
 */
@SpringBootTest
@ActiveProfiles("test")
class RegionImportIntegrationTest {

    static final RegionFiles BAISHUI = RegionFiles.classpath("regions/baishui");

    @Autowired
    RegionImport regionImport;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void loadedAllOfChinaAtStartup() {
        assertThat(count("level = 2")).isEqualTo(31);
        assertThat(count("level = 12")).isEqualTo(620_573);
        assertThat(count("county_code = '610527' and level = 9")).isEqualTo(8);
        assertThat(count("county_code = '610527' and level = 12")).isEqualTo(139);
        assertThat(fullName("610527102201")).isEqualTo("陕西省/渭南市/白水县/尧禾镇/满义村委会");
        assertThat(jdbc.sql("select county_code from region.regions where code = '6105'").query(String.class).optional())
                .isEmpty();
    }

    @Test
    void skipsUnchangedBundledFilesOnAWarmStart() {
        ImportResult result = regionImport.importFrom(RegionFiles.bundled());
        assertThat(result.skipped()).isTrue();
        assertThat(result.inserted() + result.updated()).isZero();
    }

    @Test
    void secondRunChangesNothingAndARenameUpdatesOneRow() {
        inRolledBackTransaction(() -> {
            ImportResult first = regionImport.importFrom(withExtraVillage(), true);
            assertThat(first.inserted()).isEqualTo(1);
            assertThat(first.updated()).isZero();
            assertThat(first.nodes()).isEqualTo(new ImportResult.Counts(1, 1, 1, 2, 5));

            ImportResult second = regionImport.importFrom(withExtraVillage(), true);
            assertThat(second.inserted()).isZero();
            assertThat(second.updated()).isZero();
            assertThat(regionImport.importFrom(withExtraVillage()).skipped()).isTrue();

            ImportResult renamed = regionImport.importFrom(replacing("villages.csv", "满义村委会", "满义新村村委会"), true);
            assertThat(renamed.inserted()).isZero();
            assertThat(renamed.updated()).isEqualTo(1);
            assertThat(fullName("610527102201")).isEqualTo("陕西省/渭南市/白水县/尧禾镇/满义新村村委会");
            assertThat(fullName("610527102")).isEqualTo("陕西省/渭南市/白水县/尧禾镇");
        });
        assertThat(fullName("610527102201")).isEqualTo("陕西省/渭南市/白水县/尧禾镇/满义村委会");
    }

    @Test
    void readsADirectoryOfPlainCsvFilesEqualToTheOfficialTree() {
        inRolledBackTransaction(() -> {
            ImportResult result = regionImport.importFrom(
                    RegionFiles.directory(java.nio.file.Path.of("src/test/resources/regions/baishui")), true);
            assertThat(result.nodes().total()).isEqualTo(9);
            assertThat(result.inserted() + result.updated()).isZero();
        });
    }

    @Test
    void aRenamedTownRenamesTheFullNamesBelowIt() {
        inRolledBackTransaction(() -> {
            ImportResult result = regionImport.importFrom(replacing("streets.csv", "尧禾镇", "尧禾新镇"), true);
            // the town and the two villages of it in the fixture
            assertThat(result.updated()).isEqualTo(3);
            assertThat(fullName("610527102200")).isEqualTo("陕西省/渭南市/白水县/尧禾新镇/尧禾村委会");
        });
    }

    @ParameterizedTest(name = "{0} → {1} line {2}")
    @CsvSource(delimiter = '|', textBlock = """
            villages-bad-code.csv          | villages.csv  | 4 | 代码应为 12 位数字
            villages-empty-name.csv        | villages.csv  | 3 | 名称为空
            villages-long-name.csv         | villages.csv  | 2 | 名称超过 100 个字
            villages-unknown-parent.csv    | villages.csv  | 5 | 上级代码不存在于 streets.csv
            villages-parent-mismatch.csv   | villages.csv  | 3 | 上级代码与代码 610527102202 的前几位不一致
            villages-duplicate.csv         | villages.csv  | 5 | 代码 610527001001 与前面的行重复
            villages-renamed-then-bad.csv  | villages.csv  | 6 | 代码应为 12 位数字
            streets-extra-column.csv       | streets.csv   | 3 | 列数多于表头
            cities-missing-column.csv      | cities.csv    | 2 | 列数少于表头
            areas-unterminated-quote.csv   | areas.csv     | 3 | 引号未闭合
            provinces-bad-header.csv       | provinces.csv | 1 | 表头第 2 列应为“name”
            """)
    void stopsAtAMalformedLineNamingFileAndLineAndKeepsTheTree(String fixture, String file, long line, String problem) {
        long before = count("true");
        RegionFiles files = RegionFiles.of("fixture " + fixture, name -> name.equals(file)
                ? getClass().getClassLoader().getResourceAsStream("regions/malformed/" + fixture)
                : getClass().getClassLoader().getResourceAsStream("regions/baishui/" + name));

        assertThatThrownBy(() -> regionImport.importFrom(files, true))
                .isInstanceOfSatisfying(RegionImportException.class, e -> {
                    assertThat(e.fileName()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).startsWith("区划文件 " + file + " 第 " + line + " 行").contains(problem);
                });

        assertThat(count("true")).isEqualTo(before);
        assertThat(fullName("610527001001")).isEqualTo("陕西省/渭南市/白水县/城关街道/道北社区居委会");
        assertThat(count("code = '610527001099'")).isZero();
        assertThat(jdbc.sql("select status, error from region.imports order by id desc limit 1")
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).single())
                .startsWith("FAILED 区划文件 " + file);
    }

    @Test
    void refusesAFileSetWithAFileMissing() {
        RegionFiles files = RegionFiles.of("without streets", name -> name.startsWith("streets") ? null
                : getClass().getClassLoader().getResourceAsStream("regions/baishui/" + name));
        assertThatThrownBy(() -> regionImport.importFrom(files, true))
                .isInstanceOf(RegionImportException.class)
                .hasMessage("区划文件 streets.csv 不存在（without streets）");
    }

    private RegionFiles withExtraVillage() {
        return appending("villages.csv", "610527102299,\"测试新村村委会\",610527102,61,6105,610527\n");
    }

    private RegionFiles replacing(String file, String from, String to) {
        return transformed(file, text -> text.replace(from, to));
    }

    private RegionFiles appending(String file, String line) {
        return transformed(file, text -> text + line);
    }

    /** The 白水县 fixture with one file's text changed, served as streams. */
    private RegionFiles transformed(String file, java.util.function.UnaryOperator<String> change) {
        return RegionFiles.of("changed fixture", name -> {
            InputStream in = BAISHUI_SOURCE.open(name);
            if (!name.equals(file) || in == null) {
                return in;
            }
            try (in) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new ByteArrayInputStream(change.apply(text).getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    static final RegionFiles.Source BAISHUI_SOURCE = name ->
            RegionImportIntegrationTest.class.getClassLoader().getResourceAsStream("regions/baishui/" + name);

    private void inRolledBackTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            work.run();
            status.setRollbackOnly();
        });
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from region.regions where " + where).query(Long.class).single();
    }

    private String fullName(String code) {
        return jdbc.sql("select full_name from region.regions where code = :code").param("code", code)
                .query(String.class).single();
    }

}
