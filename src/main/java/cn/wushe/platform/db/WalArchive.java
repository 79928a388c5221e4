package cn.wushe.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Continuous WAL archiving into the backup directory (the shipped binaries have no
 * {@code pg_basebackup} and no {@code basic_archive}): PostgreSQL runs a small script of ours for
 * each finished segment.
 */
final class WalArchive {

    static final String SCRIPT = "archive-wal.sh";

    private WalArchive() {
    }

    /**
     * The settings that make the server copy every finished WAL segment to {@code <backup>/wal}.
     * Values are quoted for the shell through which {@code pg_ctl} starts the server.
     */
    static Map<String, String> serverSettings(BackupSettings backup, @org.jspecify.annotations.Nullable String account) {
        Path script = writeScript(backup);
        try {
            // the server's account runs the script and writes the segments
            EmbeddedServerSecurity.chown(backup.walDir(), account);
            EmbeddedServerSecurity.makeTraversable(backup.walDir(), account);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("wal_level", "replica");
        config.put("archive_mode", "on");
        config.put("archive_command", "'" + script + " %p %f'");
        // an idle database still ends its segment this often, so a point in time is restorable soon after
        config.put("archive_timeout", backup.archiveTimeout().toSeconds() + "s");
        return config;
    }

    /**
     * A segment is written under a temporary name, flushed and renamed, so a half-copied segment
     * never looks archived; one archived before with the same content counts as done (after a
     * restore the server archives its last segment again), a different one fails loudly.
     */
    private static Path writeScript(BackupSettings backup) {
        Path script = backup.dir().resolve(SCRIPT);
        String text = """
                #!/bin/sh
                # written by Wushe at every start: archive_command for WAL segment $2 (path $1)
                set -e
                target='%s'/"$2"
                if [ -f "$target" ]; then exec cmp -s "$1" "$target"; fi
                cp "$1" "$target.part"
                sync "$target.part" 2>/dev/null || true
                mv "$target.part" "$target"
                """.formatted(backup.walDir());
        try {
            Files.writeString(script, text);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code restore_command} that reads segments back from {@code walDir}, quoted for the shell. */
    static String restoreCommand(Path walDir) {
        return "'cp " + walDir + "/%f %p'";
    }
}
