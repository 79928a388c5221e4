package cn.wushe.platform;

/**
 * Short keyed signatures (HMAC-SM3) for values that leave the system and come back, such as the
 * serial in a document's verification link: whoever holds only the value cannot make the
 * signature. The key is separate from the data and blind-index keys, so rotating one leaves the
 * others' values valid.
 */
public interface Signatures {

    /**
     * @param purpose a stable name such as {@code document}; the same message under two purposes
     *                gives unrelated signatures
     * @return 22 URL-safe Base64 characters (128 bits of HMAC-SM3)
     */
    String sign(String purpose, String message);

    /** Compares in constant time; {@code false} for any malformed signature. */
    boolean verify(String purpose, String message, String signature);
}
