package cn.wushe.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The admin's line format and the State Council notice pasted as printed. */
class YearTextUnitTest {

    @Test
    void readsTheNoticeAsPrinted() {
        YearText.Parsed parsed = YearText.parse(2026, """
                一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
                二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
                三、清明节：4月4日（周六）至6日（周一）放假，共3天。
                六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
                """, null);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.holidays()).containsExactly(
                new Holiday("元旦", d("2026-01-01"), d("2026-01-03")),
                new Holiday("春节", d("2026-02-15"), d("2026-02-23")),
                new Holiday("清明节", d("2026-04-04"), d("2026-04-06")),
                new Holiday("中秋节", d("2026-09-25"), d("2026-09-27")));
        assertThat(parsed.makeUpDays()).containsExactly(d("2026-01-04"), d("2026-02-14"), d("2026-02-28"));
    }

    @Test
    void readsTheSimpleLinesAndListsOfDates() {
        YearText.Parsed parsed = YearText.parse(2025, "国庆节 2025-10-01 2025-10-08\n\n端午节 5月31日至6月2日\n元旦 2025-01-01",
                "2025-09-28， 10月11日、2025-01-26\n2025-02-08");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.holidays()).containsExactly(
                new Holiday("国庆节", d("2025-10-01"), d("2025-10-08")),
                new Holiday("端午节", d("2025-05-31"), d("2025-06-02")),
                new Holiday("元旦", d("2025-01-01"), d("2025-01-01")));
        assertThat(parsed.makeUpDays()).containsExactly(d("2025-09-28"), d("2025-10-11"), d("2025-01-26"), d("2025-02-08"));
    }

    @Test
    void namesTheLinesItCannotRead() {
        YearText.Parsed parsed = YearText.parse(2025, "国庆节 2025-10-01 2025-10-08\n国庆节 十月一日\n春节 2025-02-30", "2025-13-01 2025-09-28");

        assertThat(parsed.errors().get("holidays").split("\n")).containsExactly(
                "第 2 行无法识别：“国庆节 十月一日”。格式如“国庆节 2025-10-01 2025-10-08”，或粘贴通知原文的一行",
                "第 3 行无法识别：“春节 2025-02-30”。格式如“国庆节 2025-10-01 2025-10-08”，或粘贴通知原文的一行");
        assertThat(parsed.errors().get("makeUpDays")).isEqualTo("无法识别的日期“2025-13-01”，应如 2025-09-28 或 9月28日");
    }

    @Test
    void writesAYearBackInTheSameFormat() {
        YearText.Parsed parsed = YearText.parse(2025, "国庆节 2025-10-01 2025-10-08\n元旦 2025-01-01", "2025-09-28 2025-10-11");
        String again = YearText.holidays(parsed.holidays());
        assertThat(YearText.parse(2025, again, YearText.makeUpDays(parsed.makeUpDays()))).isEqualTo(parsed);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
