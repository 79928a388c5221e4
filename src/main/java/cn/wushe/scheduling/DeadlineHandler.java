package cn.wushe.scheduling;

import java.util.Set;

/**
 * A module's reaction to the deadlines it schedules. Each kind has exactly one owner: a firing is
 * delivered to the handler that owns its kind and to nobody else, so one firing costs one event
 * publication however many modules schedule deadlines. Two handlers claiming the same kind stop
 * the application at start; a firing whose kind no handler owns is recorded as unowned and logged.
 *
 * <p>Delivery is durable and at least once: the firing is recorded and its delivery published in
 * one transaction, and {@link #onDue} runs after that commit in a transaction of its own; when it
 * throws, the delivery is retried (security.md item 39). Handlers must therefore be idempotent:
 * key the effect on {@link DeadlineDue#deadline()} and {@link DeadlineDue#dueAt()}.
 */
public interface DeadlineHandler {

    /**
     * The kinds this handler owns, as scheduled ({@code care.visit-due}); an entry ending in
     * {@code .*} owns every kind starting with what precedes the star ({@code probe.*}). An exact
     * kind wins over a prefix, a longer prefix over a shorter one.
     */
    Set<String> kinds();

    /** One firing of an owned kind; runs in its own transaction, possibly more than once. */
    void onDue(DeadlineDue due);
}
