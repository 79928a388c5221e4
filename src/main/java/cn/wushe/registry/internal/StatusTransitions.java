package cn.wushe.registry.internal;

import cn.wushe.registry.PersonStatus;
import java.util.Optional;

/**
 * Which status changes a record allows (档案状态流转), the one table for the aggregate, the pages
 * and the tests:
 * <pre>
 * from \ to    ACTIVE              MOVED_OUT  DECEASED  CLOSED
 * ACTIVE       –                   yes        yes       yes
 * MOVED_OUT    yes (迁回)           –          yes       no
 * CLOSED       yes (恢复在册)       no         yes       –
 * DECEASED     correction only     no         –         no
 * </pre>
 * A death ends everything: only a county-level registry administrator (PERSON_EDIT over the whole
 * county) undoes it, stating why (a wrong death report), and only back to ACTIVE. A moved-out or
 * closed record is reopened first before it is closed or moved again, so each state's date and
 * detail stay what they were.
 */
public final class StatusTransitions {

    private StatusTransitions() {
    }

    /** Why a change is refused; {@link Person} turns it into the refusal a user reads. */
    public enum Refusal {
        /** the record already has this status */
        SAME,
        /** not in the table */
        NOT_ALLOWED,
        /** a death is undone only by a county-level correction */
        DECEASED_NEEDS_CORRECTION
    }

    public static Optional<Refusal> refusal(PersonStatus from, PersonStatus to, boolean countyCorrection) {
        if (from == to) {
            return Optional.of(Refusal.SAME);
        }
        return switch (from) {
            case ACTIVE -> Optional.empty();
            case MOVED_OUT, CLOSED -> to == PersonStatus.ACTIVE || to == PersonStatus.DECEASED ? Optional.empty()
                    : Optional.of(Refusal.NOT_ALLOWED);
            case DECEASED -> to != PersonStatus.ACTIVE ? Optional.of(Refusal.NOT_ALLOWED)
                    : countyCorrection ? Optional.empty() : Optional.of(Refusal.DECEASED_NEEDS_CORRECTION);
        };
    }
}
