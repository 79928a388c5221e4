package cn.wushe.scheduling;

import java.time.Instant;
import java.util.Optional;

/**
 * Schedule, move and cancel deadlines. Every call joins the caller's transaction: a case whose
 * transaction rolls back leaves no deadline behind (security.md §G item 36).
 */
public interface Deadlines {

    /**
     * Schedules {@code deadline} at {@code dueAt}, or moves it there when it is already scheduled.
     *
     * @throws cn.wushe.platform.DomainException {@code invalid-input} when {@code dueAt} has passed
     */
    void schedule(DeadlineRef deadline, Instant dueAt);

    /**
     * Schedules many deadlines of objects just created (none of them scheduled yet) in one batch,
     * e.g. the alerts of a department's file: one round trip instead of two per deadline.
     *
     * @throws cn.wushe.platform.DomainException {@code invalid-input} when a due time has passed
     */
    void scheduleNew(java.util.Map<DeadlineRef, Instant> deadlines);

    /** Moves a scheduled deadline; {@code false} when none is scheduled (it fired or was cancelled). */
    boolean move(DeadlineRef deadline, Instant dueAt);

    /** Cancels a scheduled deadline; {@code false} when none was scheduled or it is firing at this moment (too late). */
    boolean cancel(DeadlineRef deadline);

    /** When the deadline is due, while it is scheduled and has not fired. */
    Optional<Instant> dueAt(DeadlineRef deadline);
}
