package cn.wushe.documents.internal;

import cn.wushe.platform.Signatures;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Serial numbers and the signed tokens of verification links. A serial is 80 random bits in
 * Crockford Base32 (no I, L, O, U to misread), grouped as {@code K7QM-3XNA-9DPE-W2HT}; the token is
 * {@code <serial>.<HMAC-SM3 signature>}, so neither guessing a serial nor editing one gives a
 * page that says genuine.
 */
@Component
public class Serials {

    static final String PURPOSE = "document";
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    static final Pattern SERIAL = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");

    private final Signatures signatures;
    private final SecureRandom random = new SecureRandom();

    Serials(Signatures signatures) {
        this.signatures = signatures;
    }

    String next() {
        byte[] bits = new byte[10];
        random.nextBytes(bits);
        StringBuilder serial = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            int bit = i * 5;
            int twoBytes = (bits[bit / 8] & 0xff) << 8 | (bit / 8 + 1 < bits.length ? bits[bit / 8 + 1] & 0xff : 0);
            if (i > 0 && i % 4 == 0) {
                serial.append('-');
            }
            serial.append(ALPHABET[(twoBytes >>> (11 - bit % 8)) & 31]);
        }
        return serial.toString();
    }

    String token(String serial) {
        return serial + "." + signatures.sign(PURPOSE, serial);
    }

    /** The serial a token names when its signature is right; empty for a forged or malformed token. */
    public Optional<String> verifiedSerial(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String serial = token.substring(0, dot);
        return isSerial(serial) && signatures.verify(PURPOSE, serial, token.substring(dot + 1))
                ? Optional.of(serial) : Optional.empty();
    }

    /** The serial part of a token when it is shaped like one (for the audit entry of a forgery), else empty. */
    public static Optional<String> claimedSerial(String token) {
        int dot = token.indexOf('.');
        String serial = dot < 0 ? token : token.substring(0, dot);
        return isSerial(serial) ? Optional.of(serial) : Optional.empty();
    }

    public static boolean isSerial(String text) {
        return SERIAL.matcher(text).matches();
    }
}
