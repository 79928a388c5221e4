package cn.wushe.operations.web;

import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.db.BackupSettings;
import cn.wushe.platform.db.DatabaseBackups;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import cn.wushe.operations.internal.BackupJob;
import cn.wushe.operations.internal.BackupRuns;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The backup page (数据备份) for the system admin: where backups go, the schedule, the progress of a
 * running backup (refreshed by htmx while it runs), the history of runs with their failures, the
 * backups on disk, and a button to take one now. The page shows no personal data and no region's
 * rows: backups are of the whole installation.
 */
@Controller
class BackupPages implements NavigationContributor {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ClockConfiguration.ZONE);

    private final BackupJob job;
    private final BackupRuns runs;
    private final LocalTime dailyAt;

    BackupPages(BackupJob job, BackupRuns runs, @Value("${wushe.backup.daily-at:02:30}") LocalTime dailyAt) {
        this.job = job;
        this.runs = runs;
        this.dailyAt = dailyAt;
    }

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.page(1800, "/admin/backups", "operations.nav.backups.title",
                "operations.nav.backups.summary", Permission.BACKUP_MANAGE));
    }

    @GetMapping("/admin/backups")
    @PreAuthorize("hasAuthority('BACKUP_MANAGE')")
    String page(Model model) {
        DatabaseBackups backups = job.backups();
        BackupSettings settings = backups == null ? null : backups.settings();
        model.addAttribute("available", backups != null);
        model.addAttribute("settings", settings);
        model.addAttribute("problem", settings == null || !settings.enabled() ? null : settings.problem());
        model.addAttribute("dailyAt", dailyAt);
        model.addAttribute("onDisk", backups == null ? List.of() : backups.list().reversed());
        model.addAttribute("runs", runs.latest(20));
        model.addAttribute("running", runs.running().orElse(null));
        model.addAttribute("format", new Format());
        return "operations/backups";
    }

    /** The progress block alone, polled by htmx while a backup runs. */
    @GetMapping("/admin/backups/progress")
    @PreAuthorize("hasAuthority('BACKUP_MANAGE')")
    String progress(Model model) {
        model.addAttribute("running", runs.running().orElse(null));
        model.addAttribute("format", new Format());
        return "operations/backups :: progress";
    }

    /** Starts a backup in the background and shows the page with its progress. */
    @PostMapping("/admin/backups")
    @PreAuthorize("hasAuthority('BACKUP_MANAGE')")
    String start() {
        UUID admin = CurrentActor.get().id();
        if (runs.running().isEmpty()) {
            Thread.ofVirtual().name("backup-now").start(() -> job.run(BackupRuns.Trigger.ADMIN, admin));
        }
        return "redirect:/admin/backups";
    }

    /** Times in Beijing time and sizes in MB, for the template. */
    static final class Format {

        public String time(@Nullable Instant instant) {
            return instant == null ? "" : TIME.format(instant);
        }

        public String megabytes(long bytes) {
            return String.format("%,.1f", bytes / 1048576.0);
        }
    }
}
