package cn.wushe.scheduling.web;

import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.Messages;
import cn.wushe.scheduling.internal.TaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The task queue (任务队列) for the system admin: what is waiting, what is late, what keeps failing
 * and what fired lately. Reading it records nothing in the audit log: it shows no personal data,
 * only deadline kinds and object ids.
 */
@Controller
class TaskAdminPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ClockConfiguration.ZONE);

    private final TaskQueue queue;

    TaskAdminPages(TaskQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/admin/tasks")
    @PreAuthorize("hasAuthority('TASK_VIEW')")
    String tasks(Model model) {
        model.addAttribute("overview", queue.overview());
        model.addAttribute("format", new Format());
        return "scheduling/tasks";
    }

    /** Times in Beijing time and durations in words, for the template. */
    static final class Format {

        public String time(@Nullable Instant instant) {
            return instant == null ? "" : TIME.format(instant);
        }

        public String duration(Duration d) {
            if (d.toDays() > 0) {
                return Messages.text("scheduling.duration.days-hours", d.toDays(), d.toHoursPart());
            }
            if (d.toHours() > 0) {
                return Messages.text("scheduling.duration.hours-minutes", d.toHours(), d.toMinutesPart());
            }
            if (d.toMinutes() > 0) {
                return Messages.text("scheduling.duration.minutes-seconds", d.toMinutes(), d.toSecondsPart());
            }
            return Messages.text("scheduling.duration.seconds", Math.max(0, d.toSeconds()));
        }
    }
}
