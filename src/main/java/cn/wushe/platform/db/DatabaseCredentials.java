package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords of the embedded server's three roles, generated at first start into
 * {@code ${wushe.data-dir}/db-credentials.properties} (mode 600, owned by the JVM's user, outside
 * {@code ./data/pg} so the server's own account cannot read them). A file that others may read is
 * refused, not repaired: someone may already have copied it.
 *
 * <ul>
 *   <li>{@value #SUPERUSER}: the cluster's bootstrap superuser; the application, migrations and the
 *       start-up never log in with it (roles are provisioned in single-user mode). Kept for an
 *       operator's emergency and for tests that play the attacker.</li>
 *   <li>{@value #OWNER}: owns the database and every schema; Flyway migrates as this role.</li>
 *   <li>{@value #APP}: the application's pool; only what the migrations grant.</li>
 * </ul>
 */
public final class DatabaseCredentials {

    public static final String SUPERUSER = "postgres";
    public static final String OWNER = "wushe_owner";
    public static final String APP = "wushe_app";
    /**
     * No login, no password: the role {@link CopyIn} takes for a {@code COPY} into a table with
     * row-level security, which PostgreSQL refuses to any role subject to it.
     */
    public static final String LOADER = "wushe_loader";
    static final String FILE = "db-credentials.properties";

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final String superuserPassword;
    private final String ownerPassword;
    private final String appPassword;

    private DatabaseCredentials(String superuserPassword, String ownerPassword, String appPassword) {
        this.superuserPassword = superuserPassword;
        this.ownerPassword = ownerPassword;
        this.appPassword = appPassword;
    }

    /** Reads the passwords of the server under {@code dataDir}, generating them on first start. */
    public static synchronized DatabaseCredentials loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return load(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("platform.db.credentials-unreadable", file), e);
        }
    }

    /** Reads the passwords of the server under {@code dataDir}; tests use it to connect as the owner or the superuser. */
    public static DatabaseCredentials load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(OTHERS::contains)) {
                throw new IllegalStateException(Messages.text("platform.db.credentials-readable-by-others", file,
                        PosixFilePermissions.toString(mode)));
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return new DatabaseCredentials(required(p, SUPERUSER, file), required(p, OWNER, file), required(p, APP, file));
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("platform.db.credentials-unreadable", file), e);
        }
    }

    private static String required(Properties p, String role, Path file) {
        String value = p.getProperty(role + ".password");
        if (value == null || value.length() < 20) {
            throw new IllegalStateException(Messages.text("platform.db.credentials-unreadable", file));
        }
        return value;
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return;
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# Passwords of the embedded PostgreSQL roles, generated at first start. Readable by this account only;\n"
                    + "# back it up with ./data. Deleting it makes the next start set new passwords.\n");
            for (String role : new String[] {SUPERUSER, OWNER, APP}) {
                w.write(role + ".password=" + randomPassword() + "\n");
            }
        }
    }

    /** 256 random bits in URL-safe Base64: no quote or backslash, so it is safe inside an SQL literal. */
    private static String randomPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String superuserPassword() {
        return superuserPassword;
    }

    public String ownerPassword() {
        return ownerPassword;
    }

    public String appPassword() {
        return appPassword;
    }

    /** Changes whenever any password changes; the server's provisioning marker records it. */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (superuserPassword + "\n" + ownerPassword + "\n" + appPassword).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[passwords hidden]";
    }
}
