package cn.wushe.registry.internal;

import cn.wushe.platform.Text;
import cn.wushe.platform.Messages;
import cn.wushe.platform.personal.Sex;

import org.jspecify.annotations.Nullable;

/**
 * The filters of a people list, all optional and all inside the viewer's view scope.
 *
 * @param regionCode a town (9), community (12) or grid (15) code to narrow to
 * @param category   a category code, e.g. DIBAO
 * @param disability {@code true}: people holding 残疾人; {@code disabilityType} narrows to one type
 * @param name       part of a name (fuzzy)
 */
public record PersonFilter(@Nullable String regionCode, @Nullable String category, @Nullable Integer ageMin,
        @Nullable Integer ageMax, @Nullable Sex sex, @Nullable Boolean disability, @Nullable String disabilityType,
        @Nullable String name) {

    public PersonFilter {
        regionCode = Text.trimToNull(regionCode);
        category = Text.trimToNull(category);
        name = Text.trimToNull(name);
        disabilityType = Text.trimToNull(disabilityType);
        if (regionCode != null && !regionCode.matches("\\d{9}|\\d{12}|\\d{15}")) {
            throw cn.wushe.platform.DomainException.invalid("region", Messages.text("registry.filter.region-invalid"));
        }
        if ((ageMin != null && (ageMin < 0 || ageMin > 150)) || (ageMax != null && (ageMax < 0 || ageMax > 150))) {
            throw cn.wushe.platform.DomainException.invalid("age", Messages.text("registry.filter.age-invalid"));
        }
        if (name != null && name.codePointCount(0, name.length()) > PersonValidation.NAME_MAX) {
            throw cn.wushe.platform.DomainException.invalid("name", Messages.text("registry.filter.name-too-long"));
        }
    }

    public static PersonFilter none() {
        return new PersonFilter(null, null, null, null, null, null, null, null);
    }
}
