package cn.wushe.platform;

/**
 * Encrypts sensitive fields (identity number, phone, address detail, health, income …) for storage
 * with SM4-GCM under a versioned key (design §4). A stored value reads {@code v<version>:<base64>}
 * of a random 12-byte IV, the ciphertext and the 16-byte tag, so values under an older key keep
 * decrypting while a re-encryption job moves them to the primary version.
 */
public interface FieldCipher {

    /** Encrypts under the primary key version; a fresh IV each call, so equal inputs never look equal. */
    String encrypt(String plaintext);

    /** Decrypts a value written by {@link #encrypt} under any configured key version; fails on tampering. */
    String decrypt(String stored);

    /** The key version new values are written under. */
    int primaryVersion();

    /** The key version a stored value was written under. */
    int versionOf(String stored);

    /** The prefix every value under the primary key starts with, for "not yet re-encrypted" queries. */
    default String primaryPrefix() {
        return "v" + primaryVersion() + ":";
    }
}
