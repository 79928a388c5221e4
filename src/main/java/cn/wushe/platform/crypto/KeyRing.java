package cn.wushe.platform.crypto;

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
            throw new IllegalStateException("wushe.crypto.keys 未配置任何数据密钥");
        }
        dataKeys.forEach((version, key) -> {
            if (version < 1 || key.length != 16) {
                throw new IllegalStateException("数据密钥 v" + version + " 无效：版本号须 ≥ 1，密钥须为 128 位（Base64 编码的 16 字节）");
            }
        });
        if (!dataKeys.containsKey(primaryVersion)) {
            throw new IllegalStateException("wushe.crypto.primary-version=" + primaryVersion + " 没有对应的密钥");
        }
        if (blindIndexKey.length < 16) {
            throw new IllegalStateException("wushe.crypto.blind-index-key 至少需要 128 位");
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
            throw new IllegalStateException("没有版本 v" + version + " 的数据密钥，无法解密");
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
