package cn.wushe.registry.internal;

import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.PhoneNumber;
import cn.wushe.platform.personal.Sex;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One person as an export reads them from {@link PersonLists#forExport}: values in clear, for the
 * exporter to mask unless the exporter may and did state a reason. {@code toString()} hides all.
 *
 * @param categories codes of the categories held today
 */
public record ExportedPerson(String name, Sex sex, LocalDate birthDate, IdentityNumber idNumber, @Nullable PhoneNumber phone,
        String communityCode, @Nullable String communityName, @Nullable String gridCode, @Nullable String addressDetail,
        RelationToHead relationToHead, List<String> categories) {

    @Override
    public String toString() {
        return "ExportedPerson[masked]";
    }
}
