package cn.wushe.registry;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * People written by a bulk path — a roster import (导入) or a bulk load — in one committed
 * transaction, at most {@link #MAX_IDS} ids per event: the bulk form of {@link PersonRegistered}
 * and {@link PersonRevised}, which these paths do not publish per person. A failed or rolled-back
 * import publishes nothing.
 *
 * @param importJob  the roster import job, {@code null} for a bulk load (demo data)
 * @param registered people registered by this write
 * @param revised    people already registered whose record this write changed
 */
public record PeopleImported(@Nullable UUID importJob, String countyCode, List<PersonId> registered,
        List<PersonId> revised) {

    /** Ids per event: one stored publication stays well under a megabyte of JSON. */
    public static final int MAX_IDS = 5_000;

    public PeopleImported {
        registered = List.copyOf(registered);
        revised = List.copyOf(revised);
    }
}
