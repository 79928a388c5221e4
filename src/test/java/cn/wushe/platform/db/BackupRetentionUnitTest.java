package cn.wushe.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Which backups and WAL segments retention deletes, and which backup directories are refused. */
class BackupRetentionUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-06T02:30:00Z");

    @TempDir
    Path dir;

    @Test
    void oldBackupsGoWithTheWalOnlyTheyNeededButTheNewestStays() throws Exception {
        DatabaseBackups backups = backups(dir.resolve("backups"), 7);
        Path base = dir.resolve("backups/base");
        Path wal = Files.createDirectories(dir.resolve("backups/wal"));
        backup(base, "old", NOW.minus(Duration.ofDays(10)), "000000010000000000000003");
        backup(base, "kept", NOW.minus(Duration.ofDays(2)), "000000010000000000000009");
        Files.createDirectories(base.resolve("interrupted.partial"));
        for (String segment : new String[] {"000000010000000000000003", "000000010000000000000008",
                "000000010000000000000009", "00000001000000000000000A", "00000002.history"}) {
            Files.writeString(wal.resolve(segment), "x");
        }

        backups.prune();

        assertThat(base.resolve("old")).doesNotExist();
        assertThat(base.resolve("kept")).exists();
        assertThat(wal.resolve("000000010000000000000003")).doesNotExist();
        assertThat(wal.resolve("000000010000000000000008")).doesNotExist();
        assertThat(wal.resolve("000000010000000000000009")).exists();
        assertThat(wal.resolve("00000001000000000000000A")).exists();
        assertThat(wal.resolve("00000002.history")).exists();

        DatabaseBackups onlyOld = backups(dir.resolve("only-old"), 7);
        backup(dir.resolve("only-old/base"), "last", NOW.minus(Duration.ofDays(30)), "000000010000000000000003");
        onlyOld.prune();
        assertThat(dir.resolve("only-old/base/last")).as("the newest backup is never deleted").exists();
    }

    @Test
    void aBackupDirectoryInsideTheDataDirectoryIsRefused() {
        BackupSettings inside = BackupSettings.from(env(dir.resolve("data/backups")));
        BackupSettings around = BackupSettings.from(env(dir));
        BackupSettings beside = BackupSettings.from(env(dir.resolve("backups")));

        assertThat(inside.problem()).contains("不能位于数据目录");
        assertThat(around.problem()).contains("不能位于数据目录");
        assertThat(beside.problem()).isNull();
        assertThat(dir.resolve("data/backups")).as("nothing written for a refused directory").doesNotExist();
    }

    private MockEnvironment env(Path backupDir) {
        return new MockEnvironment()
                .withProperty("wushe.data-dir", dir.resolve("data").toString())
                .withProperty("wushe.backup.dir", backupDir.toString())
                .withProperty("spring.flyway.url", "jdbc:postgresql://localhost:1/none")
                .withProperty("spring.flyway.user", "postgres");
    }

    private DatabaseBackups backups(Path backupDir, int retentionDays) {
        MockEnvironment env = env(backupDir).withProperty("wushe.backup.retention-days", Integer.toString(retentionDays));
        return new DatabaseBackups(env, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void backup(Path base, String name, Instant finished, String startWal) throws Exception {
        Path d = Files.createDirectories(base.resolve(name));
        new BaseBackup(d, name, finished.minusSeconds(60), finished, startWal, startWal, 1, 1).writeProperties();
    }
}
