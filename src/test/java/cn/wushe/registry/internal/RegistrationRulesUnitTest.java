package cn.wushe.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeLevel;
import cn.wushe.platform.TestActor;
import cn.wushe.region.Grid;
import cn.wushe.region.Region;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registration rules (登记规则) on their own, one table of cases each, no Spring context: the
 * form, the API, the import preview, the in-file check and the commit's re-check all ask these
 * classes, so these tables are the rules. {@link RegistrationRulesSqlIntegrationTest} runs the
 * SQL form of the two duplicate rules over the same tables.
 */
class RegistrationRulesUnitTest {

    static final String COMMUNITY = "610527001001";
    static final String NEIGHBOUR = "610527001002";
    static final String GRID = "610527001001001";

    /** registered county, number | candidate county, number | the same person? */
    static Stream<Arguments> alreadyRegisteredInCounty() {
        return Stream.of(
                Arguments.of("610527", "610527198001010011", "610527", "610527198001010011", true),
                Arguments.of("610527", "61052719800101001X", "610527", "61052719800101001x", true),
                Arguments.of("610527", "610527198001010011", "610528", "610527198001010011", false),
                Arguments.of("610527", "610527198001010011", "610527", "610527198001010029", false));
    }

    @ParameterizedTest(name = "{0} {1} vs {2} {3} → {4}")
    @MethodSource("alreadyRegisteredInCounty")
    void alreadyRegisteredInCountyMatchesTheSameNumberInTheSameCountyOnly(String county, String number, String otherCounty,
            String otherNumber, boolean same) {
        assertThat(AlreadyRegisteredInCounty.applies(AlreadyRegisteredInCounty.Key.of(county, number),
                AlreadyRegisteredInCounty.Key.of(otherCounty, otherNumber))).isEqualTo(same);
    }

    /** registered name, birth, region | candidate name, birth, region | possibly the same person? */
    static Stream<Arguments> possibleDuplicateInTown() {
        return Stream.of(
                Arguments.of("张三", "1950-01-01", COMMUNITY, "张三", "1950-01-01", COMMUNITY, true),
                Arguments.of("张三", "1950-01-01", COMMUNITY, " 张三 ", "1950-01-01", GRID, true),
                Arguments.of("张三", "1950-01-01", COMMUNITY, "张三", "1950-01-01", NEIGHBOUR, true),
                Arguments.of("张三", "1950-01-01", COMMUNITY, "张三", "1950-01-01", "610527002001", false),
                Arguments.of("张三", "1950-01-01", COMMUNITY, "张三", "1950-01-02", COMMUNITY, false),
                Arguments.of("张三", "1950-01-01", COMMUNITY, "张四", "1950-01-01", COMMUNITY, false));
    }

    @ParameterizedTest(name = "{0} {1} {2} vs {3} {4} {5} → {6}")
    @MethodSource("possibleDuplicateInTown")
    void possibleDuplicateInTownMatchesNameAndBirthDateInTheSameTown(String name, String birth, String region,
            String otherName, String otherBirth, String otherRegion, boolean possible) {
        assertThat(PossibleDuplicateInTown.applies(
                PossibleDuplicateInTown.Key.of(name, LocalDate.parse(birth), region),
                PossibleDuplicateInTown.Key.of(otherName, LocalDate.parse(otherBirth), otherRegion))).isEqualTo(possible);
    }

    @ParameterizedTest(name = "community {0}, grid {1} (community known: {2}, grid known: {3}, active: {4}) → {5}")
    @CsvSource(nullValues = "-", textBlock = """
            610527001001, -,               true,  false, false, -
            610527001001, 610527001001001, true,  true,  true,  -
            -,            -,               false, false, false, communityCode: 请选择所在社区（村）
            61052700100,  -,               false, false, false, communityCode: 社区（村）代码应为 12 位数字
            610527001099, -,               false, false, false, communityCode: 社区（村）代码 610527001099 不存在
            610527001001, 61052700100100,  true,  false, false, gridCode: 网格代码应为 15 位数字
            610527001001, 610527001002001, true,  true,  true,  gridCode: 网格 610527001002001 不属于所选社区（村）
            610527001001, 610527001001009, true,  false, false, gridCode: 网格 610527001001009 不存在
            610527001001, 610527001001001, true,  true,  false, gridCode: 网格 610527001001001 已撤销，请选择现有网格
            """)
    void placeValidNeedsAKnownCommunityAndAnActiveGridOfIt(String community, String grid, boolean communityKnown,
            boolean gridKnown, boolean gridActive, String refusal) {
        Optional<Region> region = communityKnown
                ? Optional.of(new Region(community, ScopeLevel.COMMUNITY, community.substring(0, 9), "道北社区", "道北社区"))
                : Optional.empty();
        Optional<Grid> found = gridKnown ? Optional.of(new Grid(grid, community, "610527", "一网格", gridActive)) : Optional.empty();
        assertThat(PlaceValid.judge(community, grid, region, found).map(r -> r.field() + ": " + r.message()).orElse(null))
                .isEqualTo(refusal);
    }

    @ParameterizedTest(name = "{0} in {1} edits {2}, grid {3} → {4}")
    @CsvSource(nullValues = "-", textBlock = """
            community_worker, 610527001001,    610527001001, -,               -
            community_worker, 610527001001,    610527001001, 610527001001001, -
            community_worker, 610527001001,    610527001002, -,               该社区（村）不在您的登记范围内，不能在此登记人员
            grid_worker,      610527001001001, 610527001001, 610527001001001, -
            grid_worker,      610527001001001, 610527001001, 610527001001002, 该网格不在您的登记范围内，不能在此登记人员
            grid_worker,      610527001001001, 610527001001, -,               该社区（村）不在您的登记范围内，不能在此登记人员
            town_station,     610527001,       610527001002, -,               -
            """)
    void withinEditScopeFollowsTheActorsEditScope(String role, String scope, String community, String grid, String refusal) {
        TestActor actor = TestActor.of(role, role, scope, Permission.PERSON_EDIT);
        assertThat(WithinEditScope.refusal(actor, community, grid).orElse(null)).isEqualTo(refusal);
        assertThat(WithinEditScope.allows(actor, grid != null ? grid : community)).isEqualTo(refusal == null);
    }

    @ParameterizedTest(name = "edit in {0}, import in {1}: {2} → {3}")
    @CsvSource(nullValues = "-", textBlock = """
            610527001001, 610527001001, 610527001001, -
            610527001001, 610527001002, 610527001001, 该社区（村）不在您的导入范围内，不能导入
            """)
    void importingNeedsTheImportScopeToo(String editScope, String importScope, String community, String refusal) {
        TestActor actor = new TestActor(java.util.UUID.randomUUID(), "w", "w", java.util.Set.of("w"), java.util.Map.of(
                Permission.PERSON_EDIT, java.util.List.of(new cn.wushe.platform.RegionScope(editScope)),
                Permission.PERSON_IMPORT, java.util.List.of(new cn.wushe.platform.RegionScope(importScope))));
        assertThat(WithinEditScope.importRefusal(actor, community, null).orElse(null)).isEqualTo(refusal);
        assertThat(WithinEditScope.allowsImport(actor, community)).isEqualTo(refusal == null);
    }

    @ParameterizedTest(name = "{0} (known: {1}, active: {2}) → {3}")
    @CsvSource(nullValues = "-", textBlock = """
            DIBAO,   true,  true,  -
            OLD_CAT, true,  false, 类别「OLD_CAT」不存在或已停用
            NOPE,    false, false, 类别「NOPE」不存在或已停用
            """)
    void categoryActiveRefusesUnknownAndRetiredCategories(String code, boolean known, boolean active, String refusal) {
        Optional<CategoryType> type = known ? Optional.of(new CategoryType(code, code, false, 1, active)) : Optional.empty();
        assertThat(CategoryActive.judge(code, type).orElse(null)).isEqualTo(refusal);
    }
}
