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
 * @param onScreen   what the exporter's screen shows of this person (EDIT, VIEW or SEARCH): an export
 *                   "as on screen" discloses exactly that, never more
 */
public record ExportedPerson(String name, Sex sex, LocalDate birthDate, IdentityNumber idNumber, @Nullable PhoneNumber phone,
        String communityCode, @Nullable String communityName, @Nullable String gridCode, @Nullable String addressDetail,
        RelationToHead relationToHead, List<String> categories, Disclosure onScreen) {

    /** Whether the exporter's screen shows the name in clear. */
    public boolean nameInClear() {
        return onScreen.atLeast(Disclosure.VIEW);
    }

    /** Whether the exporter's screen shows phone and address in clear (the collecting worker's edit scope). */
    public boolean contactInClear() {
        return onScreen.atLeast(Disclosure.EDIT);
    }

    @Override
    public String toString() {
        return "ExportedPerson[masked]";
    }
}
