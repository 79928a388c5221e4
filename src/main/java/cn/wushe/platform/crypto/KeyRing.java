package cn.wushe.platform.crypto;

import cn.wushe.platform.Messages;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The versioned SM4 data keys (128 bit each), the blind-index key, and the signing and audit-chain
 * keys. Never logged, never in a {@code toString}. Built from configured keys at once, or from the
 * database's wrapped keys ({@link DataKeyStore}) at first use, after the migrations have run.
 */
final class KeyRing {

    /** The keys themselves; signing and chain keys are absent only in a ring built for a unit test. */
    record Material(Map<Integer, byte[]> dataKeys, int primaryVersion, byte[] blindIndexKey,
            byte @Nullable [] signingKey, byte @Nullable [] chainKey) {

        Material {
            if (dataKeys.isEmpty()) {
                throw new IllegalStateException(Messages.text("platform.crypto.no-data-keys"));
            }
            dataKeys.forEach((version, key) -> {
                if (version < 1 || key.length != 16) {
                    throw new IllegalStateException(Messages.text("platform.crypto.bad-key", version));
                }
            });
            if (!dataKeys.containsKey(primaryVersion)) {
                throw new IllegalStateException(Messages.text("platform.crypto.no-primary", primaryVersion));
            }
            if (blindIndexKey.length < 16) {
                throw new IllegalStateException(Messages.text("platform.crypto.blind-index-too-short"));
            }
            dataKeys = Collections.unmodifiableMap(new TreeMap<>(dataKeys));
        }
    }

    private final Supplier<Material> loader;
    /** Whether the keys come from the database (may gain versions while running) rather than from configuration. */
    private final boolean stored;
    private volatile @Nullable Material material;

    KeyRing(Map<Integer, byte[]> dataKeys, int primaryVersion, byte[] blindIndexKey) {
        this(new Material(dataKeys, primaryVersion, blindIndexKey.clone(), null, null));
    }

    KeyRing(Material material) {
        this.loader = () -> material;
        this.stored = false;
        this.material = material;
    }

    /** Loads the keys at first use: the database's keys can be read only after the migrations. */
    KeyRing(Supplier<Material> loader) {
        this(loader, false);
    }

    /** @param stored the loader reads the envelope's stored keys, so a reload may find new versions */
    KeyRing(Supplier<Material> loader, boolean stored) {
        this.loader = loader;
        this.stored = stored;
    }

    boolean stored() {
        return stored;
    }

    /** Reads the keys again: another node (or this one) added a data key version. */
    synchronized void reload() {
        material = loader.get();
    }

    private Material material() {
        Material m = material;
        if (m == null) {
            synchronized (this) {
                m = material;
                if (m == null) {
                    m = loader.get();
                    material = m;
                }
            }
        }
        return m;
    }

    int primaryVersion() {
        return material().primaryVersion();
    }

    byte[] primaryKey() {
        return material().dataKeys().get(primaryVersion());
    }

    byte[] key(int version) {
        byte[] key = material().dataKeys().get(version);
        if (key == null && stored) {
            // written under a version another node created after this one loaded its keys
            reload();
            key = material().dataKeys().get(version);
        }
        if (key == null) {
            throw new IllegalStateException(Messages.text("platform.crypto.no-version", version));
        }
        return key;
    }

    byte[] blindIndexKey() {
        return material().blindIndexKey();
    }

    byte[] signingKey() {
        byte[] key = material().signingKey();
        if (key == null) {
            throw new IllegalStateException(Messages.text("platform.crypto.no-signing-key"));
        }
        return key;
    }

    byte[] chainKey() {
        byte[] key = material().chainKey();
        if (key == null) {
            throw new IllegalStateException(Messages.text("platform.crypto.no-chain-key"));
        }
        return key;
    }

    @Override
    public String toString() {
        Material m = material;
        return m == null ? "KeyRing[not loaded]" : "KeyRing[versions=" + m.dataKeys().keySet() + ", primary=" + m.primaryVersion() + "]";
    }
}
