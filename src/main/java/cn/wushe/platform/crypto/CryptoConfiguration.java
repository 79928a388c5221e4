package cn.wushe.platform.crypto;

import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.ChainKey;
import cn.wushe.platform.DataKeyRotation;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Signatures;
import cn.wushe.platform.Sm3;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Envelope encryption (issue 10 item 2, docs/registry-fields.md "Keys"). A master key from outside
 * {@code ./data} ({@code wushe.crypto.master-key-file}, a file only its owner may read, or
 * {@code WUSHE_CRYPTO_MASTER_KEY}) wraps the data keys, which live in {@code platform.data_keys}
 * ({@link DataKeyStore}): field encryption, blind index, signing and the audit chain. Outside demo
 * and test mode the application refuses to start without a master key, with a key file inside
 * {@code ./data} or readable by others, and while a key file of an earlier version lies in clear in
 * {@code ./data/keys} (its keys are imported into the envelope first, so existing rows stay readable).
 *
 * <p>Configured data keys ({@code wushe.crypto.keys.<version>} as Base64, {@code wushe.crypto.primary-version},
 * {@code wushe.crypto.blind-index-key}, {@code wushe.crypto.signing-key}) still take precedence over the
 * envelope's, as before.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);
    static final String PREFIX = "wushe.crypto";

    @Bean
    MasterKeys masterKeys(Environment env) {
        return masterKeysFrom(env);
    }

    static MasterKeys masterKeysFrom(Environment env) {
        Path dataDir = dataDir(env);
        String file = env.getProperty(PREFIX + ".master-key-file");
        if (file != null && !file.isBlank()) {
            return MasterKeys.fromFile(Path.of(file.trim()), dataDir);
        }
        String inline = env.getProperty(PREFIX + ".master-key");
        if (inline != null && !inline.isBlank()) {
            return MasterKeys.parse(inline);
        }
        String mode = generationMode(env);
        if (mode == null) {
            throw new IllegalStateException(Messages.text("platform.crypto.no-master-key-source", dataDir));
        }
        return MasterKeys.generatedFor(dataDir.resolve("keys").resolve("master.key"), mode);
    }

    /** "Demo" or "Test" when keys may be generated beside the data, else null. */
    static @org.jspecify.annotations.Nullable String generationMode(Environment env) {
        if (env.getProperty("wushe.demo.enabled", Boolean.class, false)) {
            return "Demo";
        }
        return env.acceptsProfiles(Profiles.of("test")) ? "Test" : null;
    }

    static Path dataDir(Environment env) {
        return Path.of(env.getProperty("wushe.data-dir", "./data")).toAbsolutePath().normalize();
    }

    @Bean
    DataKeyStore dataKeyStore(DataSource dataSource, MasterKeys masterKeys) {
        return new DataKeyStore(dataSource, masterKeys);
    }

    @Bean
    @DependsOnDatabaseInitialization
    KeyRing keyRing(Environment env, DataKeyStore store) {
        Binder binder = Binder.get(env);
        Map<Integer, String> configured = binder.bind(PREFIX + ".keys", Bindable.mapOf(Integer.class, String.class))
                .orElse(Map.of());
        Integer primary = env.getProperty(PREFIX + ".primary-version", Integer.class);
        String blindIndexKey = env.getProperty(PREFIX + ".blind-index-key");
        boolean mayKeepLegacyFiles = generationMode(env) != null;
        return new KeyRing(() -> {
            KeyRing.Material envelope = envelope(store, dataDir(env), configured.isEmpty() ? primary : null, mayKeepLegacyFiles);
            if (configured.isEmpty()) {
                return envelope;
            }
            KeyRing.Material fromConfig = material(configured, primary, blindIndexKey == null ? "" : blindIndexKey);
            return new KeyRing.Material(fromConfig.dataKeys(), fromConfig.primaryVersion(), fromConfig.blindIndexKey(),
                    envelope.signingKey(), envelope.chainKey());
        }, configured.isEmpty() && primary == null);
    }

    @Bean
    DataKeyRotation dataKeyRotation(DataKeyStore store, KeyRing keyRing) {
        return () -> {
            if (!keyRing.stored()) {
                throw new IllegalStateException(Messages.text("platform.crypto.rotation-needs-envelope"));
            }
            int next = keyRing.primaryVersion() + 1;
            for (int taken : store.load().getOrDefault(DataKeyStore.FIELD, Map.of()).keySet()) {
                next = Math.max(next, taken + 1);
            }
            store.addIfMissing(DataKeyStore.FIELD, next, DataKeyStore.random(16));
            keyRing.reload();
            log.warn("Data key rotation: field data key v{} created and made primary; run the re-encryption", keyRing.primaryVersion());
            return keyRing.primaryVersion();
        };
    }

    /**
     * The envelope's keys: read, created on first start (or imported from the clear key files an
     * earlier version generated into {@code ./data/keys}), then re-wrapped under the primary master key.
     */
    static KeyRing.Material envelope(DataKeyStore store, Path dataDir, Integer primary, boolean mayKeepLegacyFiles) {
        Map<String, Map<Integer, byte[]>> keys = store.load();
        Path legacyRing = dataDir.resolve("keys").resolve("crypto.properties");
        Path legacySigning = dataDir.resolve("keys").resolve("signing.properties");
        List<Path> legacy = new ArrayList<>();
        if (!keys.containsKey(DataKeyStore.FIELD) || !keys.containsKey(DataKeyStore.BLIND_INDEX)) {
            if (Files.exists(legacyRing)) {
                Properties p = read(legacyRing);
                p.stringPropertyNames().stream().filter(n -> n.startsWith("keys.")).forEach(n -> store.addIfMissing(
                        DataKeyStore.FIELD, Integer.parseInt(n.substring(5)), Base64.getDecoder().decode(p.getProperty(n).trim())));
                store.addIfMissing(DataKeyStore.BLIND_INDEX, 1, decodeKey(p.getProperty("blind-index-key", "").trim()));
                log.warn("Imported the data keys of {} into the database, wrapped under the master key", legacyRing);
            } else {
                store.addIfMissing(DataKeyStore.FIELD, 1, DataKeyStore.random(16));
                store.addIfMissing(DataKeyStore.BLIND_INDEX, 1, DataKeyStore.random(32));
            }
        }
        if (!keys.containsKey(DataKeyStore.SIGNING)) {
            store.addIfMissing(DataKeyStore.SIGNING, 1, Files.exists(legacySigning)
                    ? decodeKey(read(legacySigning).getProperty("signing-key", "").trim()) : DataKeyStore.random(32));
        }
        if (!keys.containsKey(DataKeyStore.CHAIN)) {
            store.addIfMissing(DataKeyStore.CHAIN, 1, DataKeyStore.random(32));
        }
        int rewrapped = store.rewrap();
        if (rewrapped > 0) {
            log.warn("Master key rotation: re-wrapped {} data keys under the primary master key", rewrapped);
        }
        for (Path file : List.of(legacyRing, legacySigning)) {
            if (Files.exists(file)) {
                legacy.add(file);
            }
        }
        if (!legacy.isEmpty() && !mayKeepLegacyFiles) {
            throw new IllegalStateException(Messages.text("platform.crypto.legacy-key-file", legacy));
        }
        keys = store.load();
        Map<Integer, byte[]> field = keys.get(DataKeyStore.FIELD);
        int primaryVersion = primary != null ? primary : field.keySet().stream().max(Integer::compare).orElseThrow();
        return new KeyRing.Material(field, primaryVersion, keys.get(DataKeyStore.BLIND_INDEX).get(1),
                keys.get(DataKeyStore.SIGNING).get(1), keys.get(DataKeyStore.CHAIN).get(1));
    }

    /**
     * The signing key for {@link Signatures}: {@code wushe.crypto.signing-key} (hex or Base64, at
     * least 128 bits) when configured, else the envelope's.
     */
    @Bean
    Signatures signatures(Environment env, KeyRing keyRing) {
        String configured = env.getProperty(PREFIX + ".signing-key");
        if (configured != null && !configured.isBlank()) {
            return new HmacSm3Signatures(decodeKey(configured.trim()));
        }
        return new HmacSm3Signatures(keyRing::signingKey);
    }

    @Bean
    ChainKey chainKey(KeyRing keyRing) {
        return message -> HexFormat.of().formatHex(Sm3.hmac(keyRing.chainKey(), message));
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
        return new KeyRing(material(keys, primary, blindIndexKey));
    }

    private static KeyRing.Material material(Map<Integer, String> keys, Integer primary, String blindIndexKey) {
        Map<Integer, byte[]> decoded = new HashMap<>();
        keys.forEach((version, base64) -> decoded.put(version, Base64.getDecoder().decode(base64.trim())));
        int primaryVersion = primary != null ? primary : decoded.keySet().stream().max(Integer::compare).orElseThrow();
        return new KeyRing.Material(decoded, primaryVersion, decodeKey(blindIndexKey.trim()), null, null);
    }

    private static byte[] decodeKey(String text) {
        return text.matches("[0-9a-fA-F]{32,}") ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("platform.crypto.dev-key-file", file), e);
        }
        return p;
    }
}
