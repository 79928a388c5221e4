package cn.wushe.platform;

/**
 * A keyed HMAC-SM3 digest of a normalised value, stored beside its ciphertext so that equality
 * search (identity number, phone) never needs the plaintext in the database. The purpose is mixed
 * into the digest, so the same digits as an identity number and as a phone give unrelated indexes.
 */
public interface BlindIndex {

    /**
     * @param purpose a stable name such as {@code id-number} or {@code phone}
     * @param normalisedValue the value in its one canonical form (upper-case, digits only …)
     * @return 64 lower-case hex characters
     */
    String of(String purpose, String normalisedValue);
}
