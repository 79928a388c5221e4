package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Restores a base backup, and the archived WAL after it, into a fresh data directory — to the end
 * of the archive or to a point in time. Everything that can be checked is checked before the
 * target is touched: target empty, a backup finished before the point in time, every file of the
 * backup matching its manifest, the WAL segments the backup needs present and well-formed. Then
 * PostgreSQL (the shipped binaries) replays the WAL; if that fails, what was written is removed
 * again, so nothing half-restored is ever started on. Finally prints the number of rows per
 * module (schema).
 */
public final class Restore {

    private static final int WAL_SEGMENT = 16 * 1024 * 1024;
    /** XLOG_PAGE_MAGIC of PostgreSQL 17: the first two bytes of every WAL page. */
    private static final int WAL_PAGE_MAGIC = 0xD116;
    /**
     * The server accepts connections once the backup's own WAL is replayed (minutes at most); the
     * rest of the archive is replayed while it accepts them. A server that dies before is noticed
     * only after this long.
     */
    private static final Duration CONSISTENT_WITHIN = Duration.ofMinutes(10);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    private final Path backupDir;
    private final Path targetDataDir;
    private final @Nullable Instant pointInTime;
    private final PrintStream out;
    private final @Nullable String account;

    /**
     * @param backupDir     the backup directory ({@code wushe.backup.dir} of the backed-up installation)
     * @param targetDataDir the new data directory; {@code pg} is created in it
     * @param pointInTime   restore to this moment; null: to the end of the archived WAL
     * @param account       the OS account the server runs as (null: the JVM's own)
     */
    public Restore(Path backupDir, Path targetDataDir, @Nullable Instant pointInTime, PrintStream out,
                   @Nullable String account) {
        this.account = account;
        this.backupDir = backupDir.toAbsolutePath().normalize();
        this.targetDataDir = targetDataDir.toAbsolutePath().normalize();
        this.pointInTime = pointInTime;
        this.out = out;
    }

    /** Reads {@code 2026-12-06T09:15:00+08:00} or a local time of the home zone ({@code 2026-12-06T09:15:00}). */
    public static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            return java.time.LocalDateTime.parse(text).atZone(ZONE).toInstant();
        }
    }

    /**
     * @throws RestoreRefused before anything was changed, or after the partial restore was removed
     */
    public void run() {
        BaseBackup backup;
        try {
            backup = check();
        } catch (RuntimeException e) {
            throw new RestoreRefused(Messages.text("platform.restore.refused", e.getMessage()), e);
        }
        Path pgDir = targetDataDir.resolve("pg");
        out.println(Messages.text("platform.restore.starting", backup.name(), pgDir,
                pointInTime == null ? Messages.text("platform.restore.to-end") : SHOWN.format(pointInTime)));
        try {
            Files.createDirectories(pgDir);
            Files.setPosixFilePermissions(pgDir, BaseBackup.OWNER_ONLY);
            backup.copyDataTo(pgDir);
            Files.writeString(pgDir.resolve("recovery.signal"), "");
            recover(pgDir);
            out.println(Messages.text("platform.restore.done", pgDir));
        } catch (IOException | RuntimeException e) {
            Thread.interrupted();
            // what PostgreSQL said is the administrator's clue; the directory it is in goes away
            try {
                List<String> lines = Files.exists(pgDir.resolve("server.log")) ? Files.readAllLines(pgDir.resolve("server.log")) : List.of();
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(out::println);
            } catch (IOException | RuntimeException ignored) {
                // no log to show
            }
            DatabaseBackups.deleteQuietly(pgDir);
            throw new RestoreRefused(Messages.text("platform.restore.failed", e.getMessage()), e);
        }
    }

    /** Every check that needs no change, in the order an administrator would fix them. */
    BaseBackup check() {
        if (Files.exists(targetDataDir)) {
            try (Stream<Path> entries = Files.list(targetDataDir)) {
                // keys placed there beforehand are expected: the restore writes only pg/
                if (entries.anyMatch(p -> !p.getFileName().toString().equals("keys"))) {
                    throw new RestoreRefused(Messages.text("platform.restore.target-not-empty", targetDataDir));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<BaseBackup> backups = BaseBackup.list(backupDir.resolve("base"));
        if (backups.isEmpty()) {
            throw new RestoreRefused(Messages.text("platform.restore.no-backup", backupDir));
        }
        BaseBackup chosen = backups.getLast();
        if (pointInTime != null) {
            List<BaseBackup> before = backups.stream().filter(b -> !b.finishedAt().isAfter(pointInTime)).toList();
            if (before.isEmpty()) {
                throw new RestoreRefused(Messages.text("platform.restore.before-oldest",
                        SHOWN.format(pointInTime), SHOWN.format(backups.getFirst().finishedAt())));
            }
            chosen = before.getLast();
        }
        chosen.verify();
        checkWal(chosen);
        return chosen;
    }

    /** The segments from the backup's start to its end must be there, whole and of the right position. */
    private void checkWal(BaseBackup backup) {
        Path walDir = backupDir.resolve("wal");
        String timeline = backup.startWalFile().substring(0, 8);
        long from = segmentNumber(backup.startWalFile());
        long to = segmentNumber(backup.stopWalFile());
        for (long n = from; n <= to; n++) {
            String name = timeline + String.format("%08X%08X", n / 256, n % 256);
            checkSegment(walDir.resolve(name), n);
        }
        // later segments are read during replay; a damaged one is refused here, not half-way through
        try (Stream<Path> all = Files.list(walDir)) {
            for (Path segment : all.sorted().toList()) {
                String name = segment.getFileName().toString();
                if (name.length() == 24 && name.matches("[0-9A-F]{24}") && name.startsWith(timeline)
                        && segmentNumber(name) > to) {
                    checkSegment(segment, segmentNumber(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long segmentNumber(String walFile) {
        return Long.parseLong(walFile.substring(8, 16), 16) * 256 + Long.parseLong(walFile.substring(16, 24), 16);
    }

    private void checkSegment(Path segment, long number) {
        String name = segment.getFileName().toString();
        try {
            if (!Files.isRegularFile(segment)) {
                throw new RestoreRefused(Messages.text("platform.restore.wal-missing", name));
            }
            if (Files.size(segment) != WAL_SEGMENT) {
                throw new RestoreRefused(Messages.text("platform.restore.wal-corrupt", name));
            }
            byte[] header = new byte[24];
            try (InputStream in = Files.newInputStream(segment)) {
                if (in.readNBytes(header, 0, header.length) != header.length) {
                    throw new RestoreRefused(Messages.text("platform.restore.wal-corrupt", name));
                }
            }
            ByteBuffer page = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            int magic = Short.toUnsignedInt(page.getShort(0));
            long pageAddress = page.getLong(8);
            if (magic != WAL_PAGE_MAGIC || pageAddress != number * WAL_SEGMENT) {
                throw new RestoreRefused(Messages.text("platform.restore.wal-corrupt", name));
            }
        } catch (IOException e) {
            throw new RestoreRefused(Messages.text("platform.restore.wal-corrupt", name), e);
        }
    }

    /**
     * Starts the server on the copy (as the server's account, listening on 127.0.0.1 only), lets it
     * replay the archive and promote — PostgreSQL removes {@code recovery.signal} then — and stops it
     * cleanly. {@code pg_ctl -w} fails at once when the server dies while starting.
     */
    private void recover(Path pgDir) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listen_addresses", "127.0.0.1");
        // read-only connections during the replay need at least the primary's settings (EmbeddedPostgresEnvironment)
        config.put("max_connections", "200");
        config.put("unix_socket_directories", "");
        config.put("restore_command", WalArchive.restoreCommand(backupDir.resolve("wal")));
        config.put("archive_mode", "off");
        config.put("recovery_target_action", "promote");
        if (pointInTime != null) {
            config.put("recovery_target_time", "'" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(pointInTime.atZone(ZONE)) + "'");
        }
        EmbeddedServerSecurity.chown(pgDir, account);
        EmbeddedServerSecurity.makeTraversable(pgDir, account);
        // the archive is read by the server's account
        EmbeddedServerSecurity.makeTraversable(backupDir.resolve("wal").resolve("x"), account);
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServerProcess pg = new PostgresServerProcess(PostgresServerProcess.installation(), pgDir, account, port, config);
        pg.start();
        try {
            long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
            while (Files.exists(pgDir.resolve("recovery.signal"))) {
                if (System.nanoTime() > deadline || !pg.isRunning()) {
                    throw new IllegalStateException(Messages.text("platform.restore.recovery-stopped"));
                }
                OrphanedServer.sleep(Duration.ofMillis(200));
            }
        } finally {
            pg.stop();
        }
    }

    /** Exact row counts per schema of the database {@code c} is connected to, schemas in name order. */
    public static Map<String, Long> rowsPerSchema(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement st = c.createStatement()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select table_schema, table_name from information_schema.tables"
                    + " where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')"
                    + " order by 1, 2")) {
                while (rs.next()) {
                    tables.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] t : tables) {
                try (ResultSet rs = st.executeQuery("select count(*) from \"" + t[0].replace("\"", "\"\"") + "\".\""
                        + t[1].replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    counts.merge(t[0], rs.getLong(1), Long::sum);
                }
            }
        }
        return counts;
    }

    /** A restore that was refused or failed; nothing of it is left in the target. Chinese message. */
    public static class RestoreRefused extends RuntimeException {
        public RestoreRefused(String message) {
            super(message);
        }

        public RestoreRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
