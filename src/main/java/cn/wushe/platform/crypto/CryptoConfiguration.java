package cn.wushe.platform.crypto;

import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Signatures;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Builds the key ring from configuration ({@code wushe.crypto.keys.<version>} as Base64 128-bit
 * keys, {@code wushe.crypto.primary-version}, {@code wushe.crypto.blind-index-key} as hex or
 * Base64). With no key configured, a development key ring is generated once into
 * {@code ${wushe.data-dir}/keys/crypto.properties} (mode 600, never committed) and read from there
 * on later starts, so demo data stays readable across restarts. Production sets
 * {@code wushe.crypto.generate-dev-keys=false} and supplies the keys from outside the database.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);
    static final String PREFIX = "wushe.crypto";

    @Bean
    KeyRing keyRing(Environment env) {
        Binder binder = Binder.get(env);
        Map<Integer, String> configured = binder.bind(PREFIX + ".keys", Bindable.mapOf(Integer.class, String.class))
                .orElse(Map.of());
        if (!configured.isEmpty()) {
            return ring(configured, env.getProperty(PREFIX + ".primary-version", Integer.class),
                    env.getRequiredProperty(PREFIX + ".blind-index-key"));
        }
        if (!env.getProperty(PREFIX + ".generate-dev-keys", Boolean.class, true)) {
            throw new IllegalStateException(Messages.text("platform.crypto.no-keys"));
        }
        Path file = Path.of(env.getProperty("wushe.data-dir", "./data"), "keys", "crypto.properties");
        return fromFile(file);
    }

    /**
     * The signing key ({@code wushe.crypto.signing-key}, hex or Base64, at least 128 bits) for
     * {@link Signatures}; like the key ring, generated once into
     * {@code ${wushe.data-dir}/keys/signing.properties} when none is configured, so links signed
     * before a restart stay valid.
     */
    @Bean
    Signatures signatures(Environment env) {
        String configured = env.getProperty(PREFIX + ".signing-key");
        if (configured != null && !configured.isBlank()) {
            return new HmacSm3Signatures(decodeKey(configured.trim()));
        }
        if (!env.getProperty(PREFIX + ".generate-dev-keys", Boolean.class, true)) {
            throw new IllegalStateException(Messages.text("platform.crypto.no-signing-key"));
        }
        Path file = Path.of(env.getProperty("wushe.data-dir", "./data"), "keys", "signing.properties");
        return new HmacSm3Signatures(decodeKey(signingKeyFromFile(file)));
    }

    static synchronized String signingKeyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                writeNew(file, "# Development signing key, generated on first start. Never commit; production configures wushe.crypto.signing-key\n"
                        + "signing-key=" + HexFormat.of().formatHex(key) + "\n");
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return p.getProperty("signing-key", "");
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("platform.crypto.dev-key-file", file), e);
        }
    }

    @Bean
    FieldCipher fieldCipher(KeyRing keyRing) {
        return new Sm4GcmFieldCipher(keyRing);
    }

    @Bean
    BlindIndex blindIndex(KeyRing keyRing) {
        return new HmacSm3BlindIndex(keyRing);
    }

    static KeyRing ring(Map<Integer, String> keys, Integer primary, String blindIndexKey) {
        Map<Integer, byte[]> decoded = new HashMap<>();
        keys.forEach((version, base64) -> decoded.put(version, Base64.getDecoder().decode(base64.trim())));
        int primaryVersion = primary != null ? primary : decoded.keySet().stream().max(Integer::compare).orElseThrow();
        return new KeyRing(decoded, primaryVersion, decodeKey(blindIndexKey.trim()));
    }

    private static byte[] decodeKey(String text) {
        return text.matches("[0-9a-fA-F]{32,}") ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
    }

    static synchronized KeyRing fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Map<Integer, String> keys = new HashMap<>();
            p.stringPropertyNames().stream().filter(n -> n.startsWith("keys."))
                    .forEach(n -> keys.put(Integer.parseInt(n.substring(5)), p.getProperty(n)));
            String primary = p.getProperty("primary-version");
            return ring(keys, primary == null ? null : Integer.valueOf(primary), p.getProperty("blind-index-key"));
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("platform.crypto.dev-key-file", file), e);
        }
    }

    private static void generate(Path file) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] dataKey = new byte[16];
        byte[] indexKey = new byte[32];
        random.nextBytes(dataKey);
        random.nextBytes(indexKey);
        writeNew(file, "# Development key ring, generated on first start. Never commit; production configures wushe.crypto.*\n"
                + "keys.1=" + Base64.getEncoder().encodeToString(dataKey) + "\n"
                + "primary-version=1\n"
                + "blind-index-key=" + HexFormat.of().formatHex(indexKey) + "\n");
    }

    /** Creates {@code file} readable by its owner only and writes {@code content}, unless another context of this JVM won the race. */
    private static void writeNew(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another context of this JVM won the race; read its keys
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(content);
        }
        log.warn("Generated a development key file at {}; configure wushe.crypto.* in production", file);
    }
}
