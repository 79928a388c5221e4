package cn.wushe.scheduling;

import java.time.Instant;

/**
 * A deadline fell due. Published once per deadline and due time, in the transaction that records
 * the firing, and delivered to {@code @ApplicationModuleListener}s through the event publication
 * registry: a listener that fails or a node that dies is retried, so listeners must be idempotent
 * (key their effect on {@link #deadline()} and {@link #dueAt()}).
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
