package cn.wushe.scheduling.internal;

import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a deadline task carries besides its instance id: the due time it was scheduled for. The
 * execution time alone is not enough: db-scheduler moves it when it retries a failed firing and
 * when it revives an execution whose node died, and the firing must still report (and be keyed
 * on) the original due time, or a crash after the firing committed would fire it a second time.
 *
 * <p>Stored with Java serialization (the starter's default); a record reads fields by name, so
 * rows written before {@code dueAt} existed read it as {@code null}.
 *
 * @param dueAt {@code null} only in rows written before the field existed
 */
record DeadlineData(int version, @Nullable Instant dueAt) implements Serializable {

    static DeadlineData due(Instant dueAt) {
        return new DeadlineData(2, dueAt);
    }
}
