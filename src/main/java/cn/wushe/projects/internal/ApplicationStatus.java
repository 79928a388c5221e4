package cn.wushe.projects.internal;

import cn.wushe.platform.Messages;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an application (申报) stands, from draft to accepted project, and the one table of legal
 * transitions: {@link Transitions} refuses every other move.
 */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, NEEDS_CORRECTION, ELIGIBLE, INELIGIBLE, RECOMMENDED, NOT_RECOMMENDED, CONFIRMED, ACCEPTED, FAILED,
    TERMINATED;

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> NEXT = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(SUBMITTED)),
            Map.entry(SUBMITTED, EnumSet.of(NEEDS_CORRECTION, ELIGIBLE, INELIGIBLE)),
            Map.entry(NEEDS_CORRECTION, EnumSet.of(SUBMITTED, INELIGIBLE)),
            Map.entry(ELIGIBLE, EnumSet.of(RECOMMENDED, NOT_RECOMMENDED)),
            Map.entry(RECOMMENDED, EnumSet.of(CONFIRMED, NOT_RECOMMENDED)),
            Map.entry(CONFIRMED, EnumSet.of(ACCEPTED, FAILED, TERMINATED)),
            Map.entry(INELIGIBLE, EnumSet.noneOf(ApplicationStatus.class)),
            Map.entry(NOT_RECOMMENDED, EnumSet.noneOf(ApplicationStatus.class)),
            Map.entry(ACCEPTED, EnumSet.noneOf(ApplicationStatus.class)),
            Map.entry(FAILED, EnumSet.noneOf(ApplicationStatus.class)),
            Map.entry(TERMINATED, EnumSet.noneOf(ApplicationStatus.class)));

    public boolean mayMoveTo(ApplicationStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** A funded project (立项后). */
    public boolean project() {
        return this == CONFIRMED || this == ACCEPTED || this == FAILED || this == TERMINATED;
    }

    public String label() {
        return Messages.text("projects.status." + name());
    }
}
