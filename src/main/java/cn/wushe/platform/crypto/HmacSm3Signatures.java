package cn.wushe.platform.crypto;

import cn.wushe.platform.Messages;
import cn.wushe.platform.Signatures;
import cn.wushe.platform.Sm3;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

/** HMAC-SM3 over {@code purpose + ":" + message}, truncated to 128 bits, which keeps a QR code small. */
final class HmacSm3Signatures implements Signatures {

    private static final int BYTES = 16;

    private final Supplier<byte[]> key;

    HmacSm3Signatures(byte[] key) {
        byte[] copy = checked(key).clone();
        this.key = () -> copy;
    }

    /** The key of the envelope ({@link KeyRing#signingKey()}), read at first use. */
    HmacSm3Signatures(Supplier<byte[]> key) {
        this.key = () -> checked(key.get());
    }

    private static byte[] checked(byte[] key) {
        if (key.length < 16) {
            throw new IllegalStateException(Messages.text("platform.crypto.signing-key-too-short"));
        }
        return key;
    }

    @Override
    public String sign(String purpose, String message) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose, message));
    }

    /**
     * Compares the text, not the decoded bytes: a lenient Base64 decoder ignores the unused low bits
     * of the last character, so two spellings would otherwise pass for one signature.
     */
    @Override
    public boolean verify(String purpose, String message, String signature) {
        return MessageDigest.isEqual(sign(purpose, message).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String purpose, String message) {
        return Arrays.copyOf(Sm3.hmac(key.get(), purpose + ":" + message), BYTES);
    }

    @Override
    public String toString() {
        return "HmacSm3Signatures[key hidden]";
    }
}
