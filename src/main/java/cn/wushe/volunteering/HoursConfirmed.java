package cn.wushe.volunteering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The organizing body confirmed an activity's hours (one step per list). Published in the
 * confirming transaction through the event publication registry; carries ids and numbers only.
 *
 * @param activityId  the activity or occurrence
 * @param countyCode  its county
 * @param regionCode  where it took place
 * @param organizerUnitId the organizing unit
 * @param confirmedAt when
 * @param entries     per volunteer the minutes counted (overlaps with other confirmed service taken out)
 */
public record HoursConfirmed(UUID activityId, String countyCode, String regionCode, UUID organizerUnitId,
        Instant confirmedAt, List<Entry> entries) {

    public record Entry(UUID volunteerId, int minutes) {
    }

    public HoursConfirmed {
        entries = List.copyOf(entries);
    }
}
