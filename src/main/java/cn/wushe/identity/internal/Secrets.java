package cn.wushe.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/** Random initial passwords and access tokens, and the digest tokens are stored as. */
final class Secrets {

    static final String TOKEN_PREFIX = "wst_";
    static final int TOKEN_RANDOM_CHARS = 32;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    // no 0/O, 1/l/I: initial passwords are read aloud or copied from a screen
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#%+=?!";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 14 characters with all four classes, so it always satisfies the password policy's class rule. */
    static String initialPassword() {
        List<Character> chars = new ArrayList<>();
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        for (String set : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
            chars.add(pick(set));
        }
        while (chars.size() < 14) {
            chars.add(pick(all));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }

    /** {@code wst_} and 32 base62 characters: about 190 bits of randomness. */
    static String token() {
        StringBuilder out = new StringBuilder(TOKEN_PREFIX);
        for (int i = 0; i < TOKEN_RANDOM_CHARS; i++) {
            out.append(pick(BASE62));
        }
        return out.toString();
    }

    /** {@code bytes} random bytes, base64url without padding (cookie-safe). */
    static String urlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static boolean looksLikeToken(String candidate) {
        if (candidate.length() != TOKEN_PREFIX.length() + TOKEN_RANDOM_CHARS || !candidate.startsWith(TOKEN_PREFIX)) {
            return false;
        }
        return candidate.substring(TOKEN_PREFIX.length()).chars().allMatch(c -> BASE62.indexOf(c) >= 0);
    }

    /**
     * SHA-256 hex. A fast digest suffices for tokens (unlike passwords): they carry enough
     * randomness that guessing from a stolen digest is hopeless.
     */
    static String sha256Hex(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static char pick(String set) {
        return set.charAt(RANDOM.nextInt(set.length()));
    }
}
