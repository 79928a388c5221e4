package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * Where backups go and how long they are kept ({@code wushe.backup.*}).
 *
 * @param enabled       whether WAL is archived and nightly backups run; off in tests, where most
 *                      databases are thrown away
 * @param dir           the backup directory: base backups under {@code base/}, archived WAL under
 *                      {@code wal/}; must lie outside the data directory, which holds the keys
 * @param dataDir       the application's data directory ({@code wushe.data-dir})
 * @param retentionDays base backups older than this are deleted, with the WAL only they needed
 * @param minFreeBytes  a backup is refused when the directory's file system has less free space
 *                      than this plus the database's size
 */
public record BackupSettings(boolean enabled, Path dir, Path dataDir, int retentionDays,
                             Duration archiveTimeout, long minFreeBytes) {

    public static BackupSettings from(Environment env) {
        Path dataDir = Path.of(env.getProperty("wushe.data-dir", "./data")).toAbsolutePath().normalize();
        String dir = env.getProperty("wushe.backup.dir", "");
        return new BackupSettings(
                env.getProperty("wushe.backup.enabled", Boolean.class, true) && !dir.isBlank(),
                Path.of(dir.isBlank() ? "backups" : dir).toAbsolutePath().normalize(),
                dataDir,
                env.getProperty("wushe.backup.retention-days", Integer.class, 14),
                env.getProperty("wushe.backup.archive-timeout", Duration.class, Duration.ofSeconds(60)),
                env.getProperty("wushe.backup.min-free-bytes", Long.class, 1L << 30));
    }

    public Path walDir() {
        return dir.resolve("wal");
    }

    public Path baseDir() {
        return dir.resolve("base");
    }

    /**
     * Why the backup directory cannot be used, in Chinese; null when it can. Creates it when absent.
     */
    public @Nullable String problem() {
        if (dir.startsWith(dataDir) || dataDir.startsWith(dir)) {
            return Messages.text("platform.backup.inside-data", dir, dataDir);
        }
        if (!dir.toString().matches("[\\w./+@:-]+")) {
            return Messages.text("platform.backup.bad-path", dir);
        }
        try {
            Files.createDirectories(walDir());
            Files.createDirectories(baseDir());
        } catch (IOException e) {
            return Messages.text("platform.backup.not-writable", dir);
        }
        if (!Files.isWritable(walDir()) || !Files.isWritable(baseDir())) {
            return Messages.text("platform.backup.not-writable", dir);
        }
        return null;
    }
}
