package cn.wushe.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** security.md item 10: a reveal's reason comes from the list; "other" needs four Chinese characters. */
class RevealReasonUnitTest {

    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "VISIT|null|走访",
        "eligibility_review|null|资格审核",
        "EMERGENCY|随便写|紧急情况",
        "CORRECTION|null|信息更正",
        "OTHER|配合民政局抽查|其他：配合民政局抽查",
        "核对低保复审材料|null|其他：核对低保复审材料"})
    void acceptsTheListAndOtherWithANote(String code, String note, String audited) {
        assertThat(RevealReason.stated(code, note)).isEqualTo(audited);
    }

    @ParameterizedTest(name = "{0} / {1} refused on {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null|null|reason",
        "OTHER|null|note",
        "OTHER|看看|note",
        "OTHER|check the file|note",
        "OTHER|ab看一看c|note",
        "短|null|reason"})
    void refusesAMissingReasonAndAThinNote(String code, String note, String field) {
        assertThatThrownBy(() -> RevealReason.stated(code, note)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.fieldErrors()).containsKey(field));
    }
}
