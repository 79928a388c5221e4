package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Physical backups of the embedded database while it serves: {@code pg_backup_start}, a copy of
 * {@code ./data/pg} with a checksum manifest, {@code pg_backup_stop} (which waits until the WAL the
 * copy needs is archived), then the backup is complete. With the continuously archived WAL beside
 * it, any moment since the oldest kept backup can be restored ({@link Restore}). Keys live in
 * {@code ./data/keys}, which is never copied here.
 *
 * <p>Only with the embedded server; an external PostgreSQL is backed up by its own operators.
 */
@Component
@ConditionalOnProperty("wushe.db.embedded-port")
public class DatabaseBackups {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("Asia/Shanghai"));

    private final BackupSettings settings;
    private final Clock clock;
    private final String url;
    private final ReentrantLock running = new ReentrantLock();

    DatabaseBackups(Environment env, Clock clock) {
        this.settings = BackupSettings.from(env);
        this.clock = clock;
        this.url = env.getRequiredProperty("spring.flyway.url");
    }

    /** Progress of a running backup: bytes copied so far of the total. */
    public interface Progress {
        void copied(long bytes, long total);
    }

    public BackupSettings settings() {
        return settings;
    }

    /** The complete backups, oldest first. */
    public List<BaseBackup> list() {
        return BaseBackup.list(settings.baseDir());
    }

    /** Whether a backup is being taken now. */
    public boolean inProgress() {
        return running.isLocked();
    }

    /**
     * Takes a backup while the application serves, then deletes what the retention period no
     * longer needs.
     *
     * @throws BackupRefused before anything was written: backups disabled, directory unusable or
     *                       too full, another backup running
     */
    public BaseBackup backUp(Progress progress) {
        if (!settings.enabled()) {
            throw new BackupRefused(Messages.text("platform.backup.disabled"));
        }
        String problem = settings.problem();
        if (problem != null) {
            throw new BackupRefused(problem);
        }
        if (!running.tryLock()) {
            throw new BackupRefused(Messages.text("platform.backup.already-running"));
        }
        try {
            return take(progress);
        } finally {
            running.unlock();
        }
    }

    private BaseBackup take(Progress progress) {
        Path pgDir = settings.dataDir().resolve("pg");
        Instant startedAt = clock.instant();
        String name = NAME.format(startedAt);
        Path partial = settings.baseDir().resolve(name + BaseBackup.PARTIAL);
        try {
            long total = BaseBackup.sizeOf(pgDir);
            long free = Files.getFileStore(settings.baseDir()).getUsableSpace();
            if (free < total + settings.minFreeBytes()) {
                throw new BackupRefused(Messages.text("platform.backup.full", settings.dir(),
                        String.valueOf(free >> 20), String.valueOf((total + settings.minFreeBytes()) >> 20)));
            }
            // the owner role may run the backup functions (granted at provisioning): the superuser stays unused
            try (Connection c = DriverManager.getConnection(url, DatabaseCredentials.OWNER,
                    DatabaseCredentials.load(settings.dataDir()).ownerPassword()); Statement st = c.createStatement()) {
                String startWal = single(st, "select pg_walfile_name(pg_backup_start('wushe " + name + "', true))");
                Files.createDirectories(partial);
                Files.setPosixFilePermissions(partial, BaseBackup.OWNER_ONLY);
                AtomicLong copied = new AtomicLong();
                LongConsumer onCopied = n -> progress.copied(copied.addAndGet(n), total);
                Map<String, String> manifest = BaseBackup.copyTree(pgDir, partial, onCopied);
                String stopWal;
                try (ResultSet rs = st.executeQuery(
                        "select pg_walfile_name(lsn), labelfile, spcmapfile from pg_backup_stop(true)")) {
                    rs.next();
                    stopWal = rs.getString(1);
                    Files.writeString(partial.resolve("backup_label"), rs.getString(2));
                    String spcmap = rs.getString(3);
                    if (spcmap != null && !spcmap.isEmpty()) {
                        Files.writeString(partial.resolve("tablespace_map"), spcmap);
                    }
                }
                manifest.put("backup_label", BaseBackup.crcOf(partial.resolve("backup_label")));
                BaseBackup.writeManifest(partial, manifest);
                BaseBackup backup = new BaseBackup(settings.baseDir().resolve(name), name, startedAt, clock.instant(),
                        startWal, stopWal, copied.get(), manifest.size());
                BaseBackup written = new BaseBackup(partial, name, backup.startedAt(), backup.finishedAt(),
                        startWal, stopWal, backup.bytes(), backup.files());
                written.writeProperties();
                Files.move(partial, backup.dir());
                prune();
                return backup;
            }
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new IllegalStateException(Messages.text("platform.backup.failed", e.getMessage()), e);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new IllegalStateException(Messages.text("platform.backup.failed", e.getMessage()), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /**
     * Deletes base backups older than the retention period — always keeping the newest — and the
     * archived WAL that only they needed; after a backup, leftovers of interrupted ones go too.
     */
    public void prune() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(settings.retentionDays()));
        List<BaseBackup> backups = list();
        for (int i = 0; i < backups.size() - 1; i++) {
            if (backups.get(i).finishedAt().isBefore(cutoff)) {
                deleteQuietly(backups.get(i).dir());
            }
        }
        List<BaseBackup> kept = list();
        if (kept.isEmpty()) {
            return;
        }
        String oldestNeeded = kept.getFirst().startWalFile();
        if (!Files.isDirectory(settings.walDir())) {
            return;
        }
        try (Stream<Path> wal = Files.list(settings.walDir())) {
            for (Path segment : wal.toList()) {
                String f = segment.getFileName().toString();
                // segment names sort in WAL order within a timeline; history files are always kept
                if (f.length() >= 24 && !f.endsWith(".history") && f.substring(8, 24).compareTo(oldestNeeded.substring(8)) < 0) {
                    Files.deleteIfExists(segment);
                }
            }
            try (Stream<Path> base = Files.list(settings.baseDir())) {
                base.filter(d -> d.getFileName().toString().endsWith(BaseBackup.PARTIAL) && running.isHeldByCurrentThread())
                        .forEach(DatabaseBackups::deleteQuietly);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // what is left is found and removed by the next prune
        }
    }

    /** A backup was not started: nothing was written. The message is Chinese, for the admin. */
    public static class BackupRefused extends RuntimeException {
        public BackupRefused(String message) {
            super(message);
        }
    }
}
