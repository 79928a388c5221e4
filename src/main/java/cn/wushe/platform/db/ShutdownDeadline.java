package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A TERM ends the application within {@code wushe.shutdown.deadline} whatever hangs: graceful
 * shutdown, a pool waiting for a dead database, a task that does not stop. When the JVM starts to
 * shut down, a daemon thread waits for the deadline and then halts the process. Off with 0 (the
 * test JVM, whose contexts close at its own pace).
 */
@Component
class ShutdownDeadline {

    /** The status a halted process ends with: that of the exit that started the shutdown, when known. */
    static volatile int haltStatus = 1;

    ShutdownDeadline(@Value("${wushe.shutdown.deadline:9s}") Duration deadline) {
        if (deadline.isZero() || deadline.isNegative()) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Thread.ofPlatform().daemon().name("shutdown-deadline")
                .start(() -> {
                    try {
                        Thread.sleep(deadline);
                    } catch (InterruptedException e) {
                        return;
                    }
                    LoggerFactory.getLogger(ShutdownDeadline.class)
                            .error(Messages.text("platform.db.shutdown-deadline", String.valueOf(deadline.toSeconds())));
                    Runtime.getRuntime().halt(haltStatus);
                }), "shutdown-deadline-hook"));
    }
}
