package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The one place that runs the PostgreSQL binaries (initdb, single-user mode, pg_ctl) of the
 * embedded server, as the unprivileged OS account when the JVM runs as root.
 *
 * <p><b>Note for lifecycle work</b> (orphaned server after a killed app, waiting for a lock, restart
 * on death, backup and restore): use {@link #start()}, {@link #stop()}, {@link #isRunning()} and
 * {@link #pid()} of the instance {@link EmbeddedPostgresEnvironment} built, or {@link #run} for another
 * binary of the same installation ({@code pg_dump}, {@code pg_basebackup}) so it runs as the same
 * account. Do not start the binaries elsewhere: the server must never run as root, and its
 * configuration (listen address, no socket, scram passwords) comes from {@link EmbeddedServerSecurity}.
 *
 * <p>zonky's builder runs {@code initdb -A trust} and {@code pg_ctl} as the JVM's own user, and
 * offers neither another account nor another authentication method; so only its packaged binaries
 * ({@code postgres-linux-x86_64.txz} on the classpath) are used, unpacked here once per version.
 */
public final class PostgresServerProcess {

    private static final Logger log = LoggerFactory.getLogger(PostgresServerProcess.class);
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final Duration START_WAIT = Duration.ofSeconds(120);

    private final Path installation;
    private final Path dataDirectory;
    private final @Nullable String osAccount;
    private final int port;
    private final Map<String, String> settings;

    /**
     * @param osAccount the account the binaries run as ({@code setpriv}), or null to run them as the
     *                  JVM's own (non-root) user
     * @param settings  server settings passed as {@code -c name=value} at every start
     */
    PostgresServerProcess(Path installation, Path dataDirectory, @Nullable String osAccount, int port,
            Map<String, String> settings) {
        this.installation = installation;
        this.dataDirectory = dataDirectory;
        this.osAccount = osAccount;
        this.port = port;
        this.settings = new LinkedHashMap<>(settings);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return port;
    }

    /** The OS account the server runs as, or empty when it runs as the JVM's own (non-root) user. */
    public java.util.Optional<String> osAccount() {
        return java.util.Optional.ofNullable(osAccount);
    }

    public Path binary(String name) {
        return installation.resolve("bin").resolve(name);
    }

    boolean initialised() {
        return Files.exists(dataDirectory.resolve("PG_VERSION"));
    }

    /** Creates the cluster with scram-sha-256 everywhere; the superuser's password is read from a file the account may read, never from the command line. */
    void initdb(String superuser, String superuserPassword) {
        Path pwfile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".pw");
        try {
            Files.writeString(pwfile, superuserPassword + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
            EmbeddedServerSecurity.chown(pwfile, osAccount);
            run(List.of(binary("initdb").toString(), "-D", dataDirectory.toString(), "-U", superuser,
                    "--pwfile=" + pwfile, "-A", "scram-sha-256", "-E", "UTF-8", "--locale=C.UTF-8", "--no-instructions"),
                    null, Duration.ofMinutes(5));
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("platform.db.embedded-init-failed"), e);
        } finally {
            try {
                Files.deleteIfExists(pwfile);
            } catch (IOException e) {
                log.warn("Could not delete {}", pwfile, e);
            }
        }
    }

    /**
     * Runs {@code sql} in single-user mode (no network, no socket): the server must be stopped.
     * Statements are separated by a semicolon and an empty line ({@code -j}).
     *
     * @return what the backend printed (query results are printed as {@code name = "value"})
     */
    String singleUser(String database, String sql) {
        List<String> command = new ArrayList<>(List.of(binary("postgres").toString(), "--single", "-j", "-D",
                dataDirectory.toString(), "-c", "password_encryption=scram-sha-256", "-c", "log_min_messages=warning"));
        command.add(database);
        String output = run(command, sql, Duration.ofMinutes(5));
        // single-user mode reports a failed statement and goes on with the next one
        if (output.startsWith("ERROR:") || output.contains("\nERROR:") || output.contains("FATAL:")) {
            throw new IllegalStateException(Messages.text("platform.db.command-failed", "postgres --single", output.strip()));
        }
        return output;
    }

    public synchronized void start() {
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port)));
        settings.forEach((name, value) -> {
            options.add("-c");
            options.add(name + "=" + (value.isEmpty() ? "''" : value));
        });
        run(List.of(binary("pg_ctl").toString(), "-D", dataDirectory.toString(), "-l",
                dataDirectory.resolve("server.log").toString(), "-w", "-t",
                Long.toString(START_WAIT.toSeconds()), "-o", String.join(" ", options), "start"),
                null, START_WAIT.plusSeconds(10));
        log.info("PostgreSQL started on 127.0.0.1:{} from {}{}", port, dataDirectory,
                osAccount == null ? "" : " as OS account " + osAccount);
    }

    public synchronized void stop() {
        if (isRunning()) {
            run(List.of(binary("pg_ctl").toString(), "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w",
                    "-t", "60"), null, Duration.ofSeconds(70));
        }
    }

    /** Whether the postmaster named in {@code postmaster.pid} is alive. */
    public boolean isRunning() {
        return pid().isPresent();
    }

    public OptionalLong pid() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return OptionalLong.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return OptionalLong.empty();
            }
            long pid = Long.parseLong(lines.getFirst().trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Runs a binary of this installation as the server's account.
     *
     * @return its output (stdout and stderr together)
     * @throws IllegalStateException when it exits with a non-zero status
     */
    public String run(List<String> command, @Nullable String stdin, Duration timeout) {
        List<String> full = new ArrayList<>();
        if (osAccount != null) {
            full.addAll(List.of("setpriv", "--reuid=" + osAccount, "--regid=" + osAccount, "--clear-groups", "--"));
        }
        full.addAll(command);
        try {
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
            // the account cannot enter the JVM's working directory (often /root)
            builder.directory(dataDirectory.getParent().toFile());
            builder.environment().put("LC_ALL", "C.UTF-8");
            builder.environment().remove("PGPASSWORD");
            Path output = Files.createTempFile("wushe-pg-", ".out");
            try {
                builder.redirectOutput(output.toFile());
                Process process = builder.start();
                try (var in = process.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(Messages.text("platform.db.command-failed", command.getFirst(), "timeout"));
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(Messages.text("platform.db.command-failed", command.getFirst(), text.strip()));
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("platform.db.command-failed", command.getFirst(), e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(Messages.text("platform.db.command-failed", command.getFirst(), "interrupted"), e);
        }
    }

    /**
     * Unpacks the packaged binaries once per archive into {@code <tmp>/wushe-pg/PG-<sha256>}, owned
     * by this JVM's user and writable by it only (readable and executable by the server's account).
     * A directory someone else owns is refused: its binaries could be anybody's.
     */
    static synchronized Path installation() {
        try (InputStream in = PostgresServerProcess.class.getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IllegalStateException(Messages.text("platform.db.no-binaries"));
            }
            byte[] archive = in.readAllBytes();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 16);
            Path root = Path.of(System.getProperty("wushe.db.binaries-dir", System.getProperty("java.io.tmpdir") + "/wushe-pg"));
            createPrivateDirectory(root);
            Path target = root.resolve("PG-" + digest);
            if (Files.exists(target.resolve(".complete"))) {
                EmbeddedServerSecurity.requireOwnedByMe(target);
                return target;
            }
            Path partial = Files.createTempDirectory(root, "unpacking-");
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            unpack(archive, partial);
            Files.createFile(partial.resolve(".complete"));
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // another JVM unpacked the same archive first
                org.springframework.util.FileSystemUtils.deleteRecursively(partial);
            }
            EmbeddedServerSecurity.requireOwnedByMe(target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("platform.db.no-binaries"), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void createPrivateDirectory(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            try {
                Files.createDirectories(root);
            } catch (FileAlreadyExistsException e) {
                // created by another JVM meanwhile
            }
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        EmbeddedServerSecurity.requireOwnedByMe(root);
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink() || entry.isLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file);
                    boolean executable = (entry.getMode() & 0111) != 0 || entry.getName().replace("./", "").startsWith("bin/");
                    Set<PosixFilePermission> mode = PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
                    Files.setPosixFilePermissions(file, mode);
                }
            }
        }
    }
}
