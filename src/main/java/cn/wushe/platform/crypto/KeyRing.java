package cn.wushe.platform.crypto;

import cn.wushe.platform.Messages;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The versioned SM4 data keys (128 bit each) and the blind-index key. Never logged, never in a
 * {@code toString}.
 */
final class KeyRing {

    private final Map<Integer, byte[]> dataKeys;
    private final int primaryVersion;
    private final byte[] blindIndexKey;

    KeyRing(Map<Integer, byte[]> dataKeys, int primaryVersion, byte[] blindIndexKey) {
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
        this.dataKeys = Collections.unmodifiableMap(new TreeMap<>(dataKeys));
        this.primaryVersion = primaryVersion;
        this.blindIndexKey = blindIndexKey.clone();
    }

    int primaryVersion() {
        return primaryVersion;
    }

    byte[] primaryKey() {
        return dataKeys.get(primaryVersion);
    }

    byte[] key(int version) {
        byte[] key = dataKeys.get(version);
        if (key == null) {
            throw new IllegalStateException(Messages.text("platform.crypto.no-version", version));
        }
        return key;
    }

    byte[] blindIndexKey() {
        return blindIndexKey;
    }

    @Override
    public String toString() {
        return "KeyRing[versions=" + dataKeys.keySet() + ", primary=" + primaryVersion + "]";
    }
}
