package cn.wushe.scheduling;

import java.time.Instant;

/**
 * A deadline fell due: what {@link DeadlineHandler#onDue} receives, once per deadline and due time
 * (redelivered after a failure, so key the effect on {@link #deadline()} and {@link #dueAt()}).
 * Not an application event: the scheduling module delivers it to the kind's owner only.
 *
 * @param deadline which deadline
 * @param dueAt    when it was due
 * @param firedAt  when it fired; later than {@code dueAt} after downtime
 */
public record DeadlineDue(DeadlineRef deadline, Instant dueAt, Instant firedAt) {

    public boolean is(String kind) {
        return deadline.kind().equals(kind);
    }
}
