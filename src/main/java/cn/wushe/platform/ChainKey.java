package cn.wushe.platform;

/**
 * The key of the audit log's chain (HMAC-SM3), held outside the database: the database stores it
 * only wrapped under the master key, which is never in the database nor in {@code ./data}. Whoever
 * can write the audit table but lacks the master key cannot compute a valid link.
 */
public interface ChainKey {

    /** HMAC-SM3 of {@code message} under the chain key, 64 lower-case hex characters. */
    String hmacHex(String message);
}
