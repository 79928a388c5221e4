package cn.wushe.registry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A person's record changed its {@link PersonStatus}: moved out, died, closed, or back in the
 * registry (在册). The one status event, for every transition; it carries ids and codes only, never
 * personal data (events are stored as JSON in the event publication registry).
 *
 * @param regionCode  where the person is registered (grid or community code)
 * @param effectiveOn the date of the move or death, the day of closing or reopening
 * @param reason      the {@link ClosingReason} when {@code to} is {@link PersonStatus#CLOSED}, else {@code null}
 */
public record PersonStatusChanged(PersonId person, String countyCode, String regionCode, HouseholdId household,
        PersonStatus from, PersonStatus to, LocalDate effectiveOn, @Nullable ClosingReason reason) {
}
