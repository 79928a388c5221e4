package cn.wushe.care;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A visit (走访) was recorded. Ids and codes only: what was seen stays in care.
 *
 * @param regionCode the person's grid or community code
 * @param visitors   the users who made the visit (the recorder first)
 * @param visitedAt  when the visit took place, as the phone said
 */
public record VisitRecorded(UUID visit, UUID person, String countyCode, String regionCode, List<UUID> visitors,
        Instant visitedAt) {

    public VisitRecorded {
        visitors = List.copyOf(visitors);
    }
}
