package cn.wushe.registry;

import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.InvalidIdentityNumber;
import cn.wushe.platform.personal.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hutool.core.util.IdcardUtil;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityNumberUnitTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest(name = "{0} {1} → born {2}, {3}")
    @CsvSource({
            // check characters computed by hand with MOD 11-2 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2)
            "RESIDENT_ID, 610527198001010014, 1980-01-01, MALE",
            "RESIDENT_ID, 61052720000229002X, 2000-02-29, FEMALE",   // leap day of a century leap year, X check
            "RESIDENT_ID, 61052720000229002x, 2000-02-29, FEMALE",   // lower-case x is normalised
            "RESIDENT_ID, 610527199602291231, 1996-02-29, MALE",     // leap day
            "RESIDENT_ID, 610527202402291119, 2024-02-29, MALE",
            "RESIDENT_ID, 11010519491231002X, 1949-12-31, FEMALE",
            "RESIDENT_ID, '6105 2719 8001 0100 14', 1980-01-01, MALE", // spaces as printed on forms
            "RESIDENT_ID, ６１０５２７１９８００１０１００１４, 1980-01-01, MALE", // full-width digits from an IME
            "RESIDENT_ID, 440304201202290056, 2012-02-29, MALE",
            "HK_MACAO_RESIDENCE_PERMIT, 810000199005150019, 1990-05-15, MALE",
            "HK_MACAO_RESIDENCE_PERMIT, 820000198507070024, 1985-07-07, FEMALE",
            "TAIWAN_RESIDENCE_PERMIT, 830000197801010038, 1978-01-01, MALE",
            "FOREIGNER_PERMANENT_RESIDENCE, 931156198808080019, 1988-08-08, MALE",
    })
    void acceptsValidNumbersAndDerivesBirthDateAndSex(IdDocumentType type, String raw, LocalDate birth, Sex sex) {
        IdentityNumber number = IdentityNumber.parse(type, raw, TODAY);

        assertThat(number.birthDate()).isEqualTo(birth);
        assertThat(number.sex()).contains(sex);
        assertThat(number.value()).hasSize(18).doesNotContain(" ").doesNotContain("x");
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "RESIDENT_ID | 610527198001010015 | 校验码（最后一位）不正确",
            "RESIDENT_ID | 610527200002290021 | 校验码（最后一位）不正确",   // X expected, 1 given
            "RESIDENT_ID | 610527190002290012 | 出生日期「19000229」不存在", // 1900 is not a leap year
            "RESIDENT_ID | 610527202302290010 | 出生日期「20230229」不存在",
            "RESIDENT_ID | 610527198013010013 | 出生日期「19801301」不存在",
            "RESIDENT_ID | 610527189912310012 | 早于 1900 年",
            "RESIDENT_ID | 61052720271201001X | 晚于今天",
            "RESIDENT_ID | 610527800101001 | 15 位的旧身份证号码",
            "RESIDENT_ID | 61052719800101001 | 应为 18 位，当前为 17 位",
            "RESIDENT_ID | 6105271980010100A4 | 前 17 位应为数字",
            "RESIDENT_ID | 780527198001010010 | 前 2 位「78」不是有效的省级行政区划代码",
            "RESIDENT_ID | 810000199005150019 | 港澳台居民居住证号码，请选择对应的证件类型",
            "RESIDENT_ID | 931156198808080019 | 外国人永久居留身份证号码，请选择对应的证件类型",
            "RESIDENT_ID | '   ' | 请填写公民身份号码",
            "HK_MACAO_RESIDENCE_PERMIT | 610527198001010014 | 应以 810000（香港）或 820000（澳门）开头",
            "TAIWAN_RESIDENCE_PERMIT | 810000199005150019 | 应以 830000 开头",
            "FOREIGNER_PERMANENT_RESIDENCE | 610527198001010014 | 应以 9 开头",
            "FOREIGNER_PERMANENT_RESIDENCE | USA3108081234 | 应为 18 位",
            "FOREIGNER_PERMANENT_RESIDENCE | US1310808123456 | 3 位国籍字母代码加 12 位数字",
            "FOREIGNER_PERMANENT_RESIDENCE | USA310802301234 | 出生日期「080230」不存在",
    })
    void rejectsInvalidNumbersWithAPreciseChineseMessage(IdDocumentType type, String raw, String message) {
        assertThat(IdentityNumber.problem(type, raw, TODAY)).contains(message);
        assertThatThrownBy(() -> IdentityNumber.parse(type, raw, TODAY))
                .isInstanceOf(InvalidIdentityNumber.class).hasMessageContaining(message);
    }

    @Test
    void acceptsTheOldForeignersCardWithoutDerivingSex() {
        IdentityNumber number = IdentityNumber.parse(IdDocumentType.FOREIGNER_PERMANENT_RESIDENCE, "usa310808081234", TODAY);

        assertThat(number.value()).isEqualTo("USA310808081234");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(2008, 8, 8));
        assertThat(number.sex()).isEmpty();
        assertThat(number.masked()).isEqualTo("USA********1234");
    }

    @Test
    void masksAndNeverPrintsTheFullNumber() {
        IdentityNumber number = IdentityNumber.parse(IdDocumentType.RESIDENT_ID, "61052720000229002X", TODAY);

        assertThat(number.masked()).isEqualTo("610527********002X");
        assertThat(number.toString()).doesNotContain("20000229");
    }

    @Test
    void constructorRefusesAnInvalidNumberSoNoneCanExist() {
        assertThatThrownBy(() -> new IdentityNumber(IdDocumentType.RESIDENT_ID, "610527198001010015"))
                .isInstanceOf(InvalidIdentityNumber.class);
    }

    /** Our validator and hutool's {@code IdcardUtil.isValidCard18} agree on random mainland numbers. */
    @Test
    void agreesWithHutoolOnRandomNumbers() {
        Random random = new Random(11643);
        List<String> provinces = List.of("11", "13", "32", "44", "51", "61", "65");
        int valid = 0;
        for (int i = 0; i < 20_000; i++) {
            String first17 = provinces.get(random.nextInt(provinces.size())) + digits(random, 4)
                    + (1900 + random.nextInt(126)) + twoDigits(1 + random.nextInt(13)) + twoDigits(1 + random.nextInt(31))
                    + digits(random, 3);
            char check = random.nextBoolean() ? IdentityNumber.checkCharacter(first17) : "0123456789X".charAt(random.nextInt(11));
            String candidate = first17 + check;
            boolean ours = IdentityNumber.problem(IdDocumentType.RESIDENT_ID, candidate, TODAY) == null;
            assertThat(ours).as(candidate).isEqualTo(IdcardUtil.isValidCard18(candidate));
            valid += ours ? 1 : 0;
        }
        assertThat(valid).as("the sample holds valid numbers too").isGreaterThan(5_000);
    }

    private static String digits(Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
