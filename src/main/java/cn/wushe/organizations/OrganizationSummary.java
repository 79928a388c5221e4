package cn.wushe.organizations;

import cn.wushe.units.UnitId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An organization as other modules see it: no leader, no personal data.
 *
 * @param grade           the bureau's 1A–5A result (1–5), or {@code null} when not graded
 * @param gradeValidUntil the last day the grade counts, or {@code null}
 * @param abnormal        on the abnormal list (活动异常名录)
 */
public record OrganizationSummary(UnitId id, String name, OrganizationKind kind, String regionCode, String countyCode,
        @Nullable Integer grade, @Nullable LocalDate gradeValidUntil, boolean active, boolean abnormal) {

    /** The grade that counts on {@code day}: 0 when none or expired. */
    public int gradeOn(LocalDate day) {
        return grade == null || gradeValidUntil == null || gradeValidUntil.isBefore(day) ? 0 : grade;
    }
}
