package cn.wushe.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.ProblemType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The rules a calendar year must satisfy, as the admin types it in the line format: each impossible
 * or overlapping day is refused with a Chinese message naming it, on the field it belongs to.
 */
class YearRulesUnitTest {

    @Test
    void theLibrarysYearsAreValid() {
        for (int year = 2024; year <= 2026; year++) {
            StateCouncilHolidays.Year days = StateCouncilHolidays.of(year).orElseThrow();
            assertThatCode(() -> YearRules.check(2025, List.of(), List.of())).doesNotThrowAnyException();
            int y = year;
            assertThatCode(() -> YearRules.check(y, days.holidays(), days.makeUpDays())).doesNotThrowAnyException();
        }
    }

    @Test
    void theLibraryKnowsNoYear2027() {
        assertThat(StateCouncilHolidays.of(2027)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a date listed twice                   | 国庆节 2025-10-01 2025-10-08\\n中秋节 2025-10-06      |                        | holidays   | 2025-10-06 重复列出：既属于“国庆节”，又属于“中秋节”
            a holiday also a make-up day          | 国庆节 2025-10-01 2025-10-08                           | 2025-10-04             | makeUpDays | 2025-10-04 既是节假日“国庆节”，又是调休上班日
            a make-up day on a Tuesday            | 国庆节 2025-10-01 2025-10-08                           | 2025-09-30             | makeUpDays | 调休上班日 2025-09-30 是星期二，不是周六或周日
            a make-up day listed twice            | 国庆节 2025-10-01 2025-10-08                           | 2025-09-28 9月28日     | makeUpDays | 调休上班日 2025-09-28 重复列出
            a holiday outside the year            | 元旦 2026-01-01 2026-01-03                             |                        | holidays   | 节假日“元旦”（2026-01-01 至 2026-01-03）不在 2025 年内
            a make-up day outside the year        | 国庆节 2025-10-01 2025-10-08                           | 2026-01-04             | makeUpDays | 调休上班日 2026-01-04 不在 2025 年内
            a range ending before it starts       | 国庆节 2025-10-08 2025-10-01                           |                        | holidays   | 节假日“国庆节”的结束日期 2025-10-01 早于开始日期 2025-10-08
            a range of a month                    | 国庆节 2025-10-01 2025-10-31                           |                        | holidays   | 节假日“国庆节”超过 15 天，请检查起止日期
            a name too long                       | 国庆节国庆节国庆节国庆节国庆节国庆节国庆节 2025-10-01   |                        | holidays   | 节假日名称“国庆节国庆节国庆节国庆节国庆节国庆节国庆节”不能超过 20 个字
            """)
    void refusesImpossibleDaysNamingThem(String scenario, String holidayLines, String makeUps, String field, String message) {
        YearText.Parsed parsed = YearText.parse(2025, holidayLines.replace("\\n", "\n"), makeUps);
        assertThat(parsed.errors()).as("the lines are readable").isEmpty();

        DomainException refusal = catchThrowableOfType(DomainException.class,
                () -> YearRules.check(2025, parsed.holidays(), parsed.makeUpDays()));

        assertThat(refusal.type()).isEqualTo(ProblemType.INVALID_INPUT);
        assertThat(refusal.fieldErrors().get(field).split("\n")).contains(message);
    }

    @Test
    void namesEveryFaultAtOnce() {
        DomainException refusal = catchThrowableOfType(DomainException.class, () -> YearRules.check(2025,
                List.of(new Holiday(" ", d("2025-01-01"), d("2025-01-01")), new Holiday("春节", d("2025-02-04"), d("2025-01-28"))),
                List.of(d("2025-03-03"))));
        assertThat(refusal.fieldErrors().get("holidays").split("\n"))
                .containsExactly("第 1 个节假日缺少名称", "节假日“春节”的结束日期 2025-01-28 早于开始日期 2025-02-04");
        assertThat(refusal.fieldErrors().get("makeUpDays")).isEqualTo("调休上班日 2025-03-03 是星期一，不是周六或周日");
    }

    @Test
    void refusesAYearOutsideTheSupportedRange() {
        assertThat(catchThrowableOfType(DomainException.class, () -> YearRules.check(1999, List.of(), List.of()))
                .fieldErrors()).containsEntry("year", "年份应在 2000 到 2100 之间");
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
