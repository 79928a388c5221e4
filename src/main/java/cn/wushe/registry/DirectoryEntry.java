package cn.wushe.registry;

import cn.wushe.platform.AgeBand;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person as the {@link PersonDirectory} describes them to other modules: where they live, their
 * household, current categories and status, a masked name and an age band — never a birth date,
 * an identity number or a phone number, so nothing here identifies someone outside the registry.
 *
 * @param regionCode  the grid code when the person has a grid, else the community code (the scope column)
 * @param categories  codes of the categories (困难类别) held today, e.g. {@code DIBAO}, sorted
 * @param statusSince when the status began; {@code null} for a record 在册 since it was registered
 * @param maskedName  e.g. 张*明
 * @param ageBand     one of {@link AgeBand#PRESETS}
 */
public record DirectoryEntry(PersonId id, String countyCode, String communityCode, @Nullable String gridCode,
        String regionCode, HouseholdId household, List<String> categories, PersonStatus status,
        @Nullable LocalDate statusSince, String maskedName, AgeBand ageBand) {

    public DirectoryEntry {
        categories = List.copyOf(categories);
    }
}
