package cn.wushe.identity.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * Time-based one-time passwords as RFC 6238 defines them with the defaults every authenticator app
 * (微信小程序, 阿里云/腾讯身份宝, Google/Microsoft Authenticator) uses: HMAC-SHA1 of the 30-second
 * time step (RFC 4226 dynamic truncation), six digits, a 160-bit secret shown in Base32.
 */
public final class Totp {

    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    /** Steps accepted either side of now: a phone's clock a little off, a code typed as it changes. */
    static final int DRIFT_STEPS = 1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new random secret (20 bytes, the size of an SHA-1 output, RFC 4226 §4). */
    public static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    public static String base32(byte[] secret) {
        return Base32.toBase32String(secret).replace("=", "");
    }

    public static byte[] fromBase32(String text) {
        String clean = text.replace(" ", "").toUpperCase(Locale.ROOT);
        int pad = (8 - clean.length() % 8) % 8;
        return Base32.decode(clean + "=".repeat(pad));
    }

    public static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one time step, zero-padded to six digits. */
    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS);
    }

    static String code(byte[] secret, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int otp = binary % (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The step whose code {@code typed} is, within the drift around {@code now} and after
     * {@code lastUsedStep} (a code once accepted is never accepted again, RFC 6238 §5.2).
     */
    public static OptionalLong matchingStep(byte[] secret, String typed, Instant now, long lastUsedStep) {
        String digits = typed.replace(" ", "");
        if (!digits.matches("[0-9]{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (step > lastUsedStep && java.security.MessageDigest.isEqual(
                    code(secret, step).getBytes(), digits.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The otpauth:// URI the QR code carries (Key Uri Format, understood by every authenticator app). */
    public static String uri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
