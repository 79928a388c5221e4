package cn.wushe.platform.crypto;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master keys (SM4, 128 bit) that wrap the data keys; the first is primary (wraps), the others
 * only unwrap, so a rotation can re-wrap what the previous key wrapped. Written as
 * {@code <id>:<key>} (hex or Base64), one per line in the key file, comma-separated in
 * {@code wushe.crypto.master-key} (environment variable {@code WUSHE_CRYPTO_MASTER_KEY}).
 * Never logged, never in a {@code toString}.
 */
final class MasterKeys {

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final Map<String, byte[]> keys;
    private final String primaryId;
    private final SecureRandom random = new SecureRandom();

    MasterKeys(Map<String, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalStateException(Messages.text("platform.crypto.no-master-key"));
        }
        keys.forEach((id, key) -> {
            if (key.length != 16 || !id.matches("[A-Za-z0-9_.-]{1,32}")) {
                throw new IllegalStateException(Messages.text("platform.crypto.bad-master-key", id));
            }
        });
        this.keys = new LinkedHashMap<>(keys);
        this.primaryId = keys.keySet().iterator().next();
    }

    String primaryId() {
        return primaryId;
    }

    boolean has(String id) {
        return keys.containsKey(id);
    }

    /** {@code m<id>:<Base64(iv ‖ ciphertext ‖ tag)>}, bound to purpose and version (GCM associated data). */
    String wrap(String purpose, int version, byte[] dataKey) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        GCMModeCipher gcm = cipher(true, keys.get(primaryId), iv, purpose, version);
        byte[] out = new byte[IV_BYTES + gcm.getOutputSize(dataKey.length)];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        int n = gcm.processBytes(dataKey, 0, dataKey.length, out, IV_BYTES);
        try {
            gcm.doFinal(out, IV_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(Messages.text("platform.crypto.encrypt-failed"), e);
        }
        return Base64.getEncoder().encodeToString(out);
    }

    byte[] unwrap(String masterId, String wrapped, String purpose, int version) {
        byte[] master = keys.get(masterId);
        if (master == null) {
            throw new IllegalStateException(Messages.text("platform.crypto.master-key-missing", masterId, purpose, version));
        }
        byte[] bytes = Base64.getDecoder().decode(wrapped);
        GCMModeCipher gcm = cipher(false, master, Arrays.copyOf(bytes, IV_BYTES), purpose, version);
        byte[] out = new byte[gcm.getOutputSize(bytes.length - IV_BYTES)];
        int n = gcm.processBytes(bytes, IV_BYTES, bytes.length - IV_BYTES, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(Messages.text("platform.crypto.unwrap-failed", masterId, purpose, version), e);
        }
        return Arrays.copyOf(out, n);
    }

    private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] iv, String purpose, int version) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, iv,
                ("wushe-data-key:" + purpose + ":" + version).getBytes(StandardCharsets.UTF_8)));
        return gcm;
    }

    /** Parses {@code id:key} entries separated by commas, whitespace or new lines; {@code #} starts a comment line. */
    static MasterKeys parse(String text) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            for (String entry : line.split("[,\\s]+")) {
                if (entry.isBlank()) {
                    continue;
                }
                int colon = entry.indexOf(':');
                String id = colon < 0 ? "1" : entry.substring(0, colon);
                keys.putIfAbsent(id, decode(entry.substring(colon + 1), id));
            }
        }
        return new MasterKeys(keys);
    }

    private static byte[] decode(String text, String id) {
        try {
            return text.matches("[0-9a-fA-F]{32}") ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(Messages.text("platform.crypto.bad-master-key", id), e);
        }
    }

    /**
     * Reads the key file; refused when it lies inside {@code dataDir} (a copy of ./data must be worth
     * nothing) or when anyone but its owner may read or write it.
     */
    static MasterKeys fromFile(Path file, Path dataDir) {
        try {
            Path real = file.toRealPath();
            if (real.startsWith(dataDir.toAbsolutePath().normalize()) || (Files.exists(dataDir) && real.startsWith(dataDir.toRealPath()))) {
                throw new IllegalStateException(Messages.text("platform.crypto.master-key-in-data-dir", file, dataDir));
            }
            requirePrivate(real);
            return parse(Files.readString(real, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("platform.crypto.master-key-unreadable", file), e);
        }
    }

    static void requirePrivate(Path file) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        if (mode.stream().anyMatch(OTHERS::contains)) {
            throw new IllegalStateException(Messages.text("platform.crypto.master-key-readable-by-others", file,
                    PosixFilePermissions.toString(mode)));
        }
    }

    /**
     * Demo and test mode only: a master key generated once into {@code file} (mode 600) beside the
     * data, which is exactly what production must not do; says so in one log line.
     */
    static synchronized MasterKeys generatedFor(Path file, String mode) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[16];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                        w.write("# " + mode + " master key, generated beside the data: never use this in production\n1:"
                                + HexFormat.of().formatHex(key) + "\n");
                    }
                    log.warn("{} mode: generated a master key at {}, inside the data directory; production keeps the master key outside it (wushe.crypto.master-key-file or WUSHE_CRYPTO_MASTER_KEY)",
                            mode, file);
                } catch (FileAlreadyExistsException e) {
                    // another context of this JVM won the race; read its key
                }
            }
            requirePrivate(file);
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("platform.crypto.master-key-unreadable", file), e);
        }
    }

    @Override
    public String toString() {
        return "MasterKeys[ids=" + keys.keySet() + ", primary=" + primaryId + "]";
    }
}
