package cn.wushe.platform.crypto;

import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** SM4/GCM/NoPadding through BouncyCastle's lightweight API (no JCE provider registration needed). */
final class Sm4GcmFieldCipher implements FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();
    /**
     * Initialised ciphers per key version, reused with a new IV only: keying GCM computes its
     * multiplier tables, which costs more than encrypting a short field. Requests run on virtual
     * threads, so a pool rather than thread-locals.
     */
    private final Map<Integer, Queue<GCMModeCipher>> idle = new ConcurrentHashMap<>();

    Sm4GcmFieldCipher(KeyRing keys) {
        this.keys = keys;
    }

    @Override
    public String encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
        int version = keys.primaryVersion();
        GCMModeCipher gcm = borrow(version, true, iv);
        byte[] out = new byte[IV_BYTES + gcm.getOutputSize(input.length)];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        int n = gcm.processBytes(input, 0, input.length, out, IV_BYTES);
        try {
            gcm.doFinal(out, IV_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(Messages.text("platform.crypto.encrypt-failed"), e);
        }
        release(version, gcm);
        return "v" + keys.primaryVersion() + ":" + Base64.getEncoder().encodeToString(out);
    }

    @Override
    public String decrypt(String stored) {
        int version = versionOf(stored);
        byte[] bytes = Base64.getDecoder().decode(stored.substring(stored.indexOf(':') + 1));
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException(Messages.text("platform.crypto.too-short"));
        }
        byte[] iv = java.util.Arrays.copyOfRange(bytes, 0, IV_BYTES);
        GCMModeCipher gcm = borrow(version, false, iv);
        byte[] out = new byte[gcm.getOutputSize(bytes.length - IV_BYTES)];
        int n = gcm.processBytes(bytes, IV_BYTES, bytes.length - IV_BYTES, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException(Messages.text("platform.crypto.tampered"), e);
        }
        release(version, gcm);
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public int primaryVersion() {
        return keys.primaryVersion();
    }

    @Override
    public int versionOf(String stored) {
        int colon = stored.indexOf(':');
        if (!stored.startsWith("v") || colon < 2) {
            throw new IllegalArgumentException(Messages.text("platform.crypto.not-encrypted"));
        }
        try {
            return Integer.parseInt(stored.substring(1, colon));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.text("platform.crypto.not-encrypted"), e);
        }
    }

    private GCMModeCipher borrow(int version, boolean encrypt, byte[] iv) {
        GCMModeCipher gcm = idle.computeIfAbsent(version, v -> new ConcurrentLinkedQueue<>()).poll();
        if (gcm == null) {
            gcm = GCMBlockCipher.newInstance(new SM4Engine());
            gcm.init(encrypt, new AEADParameters(new KeyParameter(keys.key(version)), TAG_BITS, iv));
        } else {
            gcm.init(encrypt, new AEADParameters(null, TAG_BITS, iv)); // same key: only the IV changes
        }
        return gcm;
    }

    /** Only a cipher that finished cleanly goes back; one that failed a tag check is dropped. */
    private void release(int version, GCMModeCipher gcm) {
        Queue<GCMModeCipher> queue = idle.get(version);
        if (queue != null && queue.size() < 64) {
            queue.offer(gcm);
        }
    }
}
