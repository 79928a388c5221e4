package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * One base backup on disk: {@code <backup>/base/<name>/} holds a copy of the data directory (as
 * PostgreSQL's non-exclusive backup API allows it to be copied while the server runs), its
 * {@code backup_label}, a {@code MANIFEST} of every file's CRC-32C and size, and
 * {@code backup.properties} (times, WAL positions). A backup in progress is written to
 * {@code <name>.partial} and renamed when complete, so a directory without that suffix is whole.
 */
public record BaseBackup(Path dir, String name, Instant startedAt, Instant finishedAt, String startWalFile,
                         String stopWalFile, long bytes, long files) {

    static final String MANIFEST = "MANIFEST";
    static final String PROPERTIES = "backup.properties";
    static final String PARTIAL = ".partial";
    /** PostgreSQL refuses a data directory others may read; a backup is as private as the data. */
    static final Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");

    /**
     * What is not copied: the server's runtime files, our lock, and directories PostgreSQL
     * documents as recreated at start (the WAL comes from the archive instead).
     */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts",
            "epg-lock", "server.log", "backup_label.old", "recovery.signal", "standby.signal");
    private static final Set<String> EMPTIED_DIRS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    /** The complete backups under {@code baseDir}, oldest first. */
    public static List<BaseBackup> list(Path baseDir) {
        if (!Files.isDirectory(baseDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(baseDir)) {
            return dirs.filter(d -> !d.getFileName().toString().endsWith(PARTIAL))
                    .filter(d -> Files.exists(d.resolve(PROPERTIES)))
                    .map(BaseBackup::read)
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparing(BaseBackup::finishedAt))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<BaseBackup> read(Path dir) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(PROPERTIES))) {
            p.load(in);
            return Optional.of(new BaseBackup(dir, dir.getFileName().toString(),
                    Instant.parse(p.getProperty("started-at")), Instant.parse(p.getProperty("finished-at")),
                    p.getProperty("start-wal-file"), p.getProperty("stop-wal-file"),
                    Long.parseLong(p.getProperty("bytes")), Long.parseLong(p.getProperty("files"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void writeProperties() throws IOException {
        Properties p = new Properties();
        p.setProperty("started-at", startedAt.toString());
        p.setProperty("finished-at", finishedAt.toString());
        p.setProperty("start-wal-file", startWalFile);
        p.setProperty("stop-wal-file", stopWalFile);
        p.setProperty("bytes", Long.toString(bytes));
        p.setProperty("files", Long.toString(files));
        try (OutputStream out = Files.newOutputStream(dir.resolve(PROPERTIES))) {
            p.store(out, "Wushe base backup");
        }
    }

    /** The size of what {@link #copyTree} would copy, for progress and the free-space check. */
    static long sizeOf(Path pgDir) throws IOException {
        long[] total = {0};
        walk(pgDir, dir -> { }, (file, attrs) -> total[0] += attrs.size());
        return total[0];
    }

    /**
     * Copies the data directory while the server writes to it (between {@code pg_backup_start} and
     * {@code pg_backup_stop}; torn pages are repaired from the WAL on restore). Files that vanish
     * meanwhile are skipped, as PostgreSQL allows.
     *
     * @return the manifest: relative path to "crc32c size"
     */
    static Map<String, String> copyTree(Path from, Path to, LongConsumer copied) throws IOException {
        Map<String, String> manifest = new LinkedHashMap<>();
        byte[] buffer = new byte[1 << 20];
        List<IOException> failures = new ArrayList<>();
        walk(from, dir -> {
            try {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            } catch (IOException e) {
                failures.add(e);
            }
        }, (file, attrs) -> {
            Path relative = from.relativize(file);
            Path target = to.resolve(relative.toString());
            try {
                Files.createDirectories(target.getParent());
                CRC32C crc = new CRC32C();
                long size = 0;
                try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(target)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                        crc.update(buffer, 0, n);
                        size += n;
                        copied.accept(n);
                    }
                }
                manifest.put(relative.toString(), Long.toHexString(crc.getValue()) + " " + size);
            } catch (NoSuchFileException e) {
                // dropped while copying (a table truncated, a temporary file removed): the WAL has it
            } catch (IOException e) {
                failures.add(e);
            }
        });
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
        for (String dir : EMPTIED_DIRS) {
            Files.createDirectories(to.resolve(dir));
        }
        Files.createDirectories(to.resolve("pg_wal/archive_status"));
        return manifest;
    }

    static String crcOf(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] bytes = Files.readAllBytes(file);
        crc.update(bytes);
        return Long.toHexString(crc.getValue()) + " " + bytes.length;
    }

    static void writeManifest(Path dir, Map<String, String> manifest) throws IOException {
        List<String> lines = new ArrayList<>();
        manifest.forEach((path, entry) -> lines.add(entry + " " + path));
        Files.write(dir.resolve(MANIFEST), lines);
    }

    /**
     * Checks every file of the backup against its manifest (and that the manifest lists every
     * file); throws with the first difference, in Chinese.
     */
    public void verify() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(MANIFEST));
            byte[] buffer = new byte[1 << 20];
            for (String line : lines) {
                String[] f = line.split(" ", 3);
                Path file = dir.resolve(f[2]);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException(Messages.text("platform.restore.file-missing", name, f[2]));
                }
                CRC32C crc = new CRC32C();
                long size = 0;
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        crc.update(buffer, 0, n);
                        size += n;
                    }
                }
                if (!Long.toHexString(crc.getValue()).equals(f[0]) || size != Long.parseLong(f[1])) {
                    throw new IllegalStateException(Messages.text("platform.restore.file-corrupt", name, f[2]));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(Messages.text("platform.restore.manifest-unreadable", name), e);
        }
    }

    /** Copies the backup's data files (not its own bookkeeping) to {@code pgDir}. */
    void copyDataTo(Path pgDir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path file : all.toList()) {
                Path relative = dir.relativize(file);
                String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                if (first.equals(MANIFEST) || first.equals(PROPERTIES)) {
                    continue;
                }
                Path target = pgDir.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, OWNER_ONLY);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private interface FileAction {
        void accept(Path file, BasicFileAttributes attrs);
    }

    /** Visits the files to copy; {@code onDirectory} sees every directory, empty ones too (PostgreSQL needs them). */
    private static void walk(Path pgDir, java.util.function.Consumer<Path> onDirectory, FileAction action) throws IOException {
        Files.walkFileTree(pgDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                onDirectory.accept(dir);
                Path relative = pgDir.relativize(dir);
                return relative.getNameCount() == 1 && EMPTIED_DIRS.contains(relative.toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                boolean topLevel = pgDir.relativize(file).getNameCount() == 1;
                if (attrs.isRegularFile() && !(topLevel && SKIPPED_FILES.contains(name)) && !name.startsWith("pgsql_tmp")) {
                    action.accept(file, attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // vanished between listing and visiting
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
