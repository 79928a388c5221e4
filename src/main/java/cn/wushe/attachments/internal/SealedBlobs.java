package cn.wushe.attachments.internal;

import cn.wushe.attachments.BlobStore;
import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Sm3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Content-addressed, encrypted blobs. The address is the platform's keyed HMAC-SM3
 * ({@link BlindIndex}, purpose {@value #PURPOSE}) of the content's SM3 digest: equal files get one
 * blob, yet the address reveals no plain hash anyone could look up. Each blob is SM4-GCM encrypted
 * under its own random data key, which is stored beside it wrapped by the platform's
 * {@link FieldCipher} ({@code v<key version>:…}), so a key rotation re-wraps 16-byte keys, not files.
 * The address is the GCM associated data: a blob moved under another address fails to open.
 *
 * <p>Layout: {@code WSB1}, wrapped-key length (2 bytes), wrapped key (ASCII), 12-byte IV, ciphertext and tag.
 */
final class SealedBlobs {

    static final String PURPOSE = "attachment-content";
    private static final byte[] MAGIC = "WSB1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final BlobStore store;
    private final FieldCipher keyWrap;
    private final BlindIndex addresses;
    private final SecureRandom random = new SecureRandom();

    SealedBlobs(BlobStore store, FieldCipher keyWrap, BlindIndex addresses) {
        this.store = store;
        this.keyWrap = keyWrap;
        this.addresses = addresses;
    }

    /** Stores the content (once per distinct content) and returns its address. */
    String seal(byte[] plain) {
        String address = addressOf(plain);
        try {
            if (!store.exists(address)) {
                store.putIfAbsent(address, encrypt(address, plain));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return address;
    }

    /** The content at the address, decrypted and checked against the address; fails on a missing or altered blob. */
    byte[] open(String address) {
        byte[] sealed;
        try {
            sealed = store.get(address).orElseThrow(() -> new IllegalStateException("attachment blob missing: " + address));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] plain = decrypt(address, sealed);
        if (!addressOf(plain).equals(address)) {
            throw new IllegalStateException("attachment blob does not match its address: " + address);
        }
        return plain;
    }

    String addressOf(byte[] plain) {
        return addresses.of(PURPOSE, Sm3.hex(plain));
    }

    private byte[] encrypt(String address, byte[] plain) {
        byte[] dataKey = new byte[16];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(dataKey);
        random.nextBytes(iv);
        byte[] wrapped = keyWrap.encrypt(Base64.getEncoder().encodeToString(dataKey)).getBytes(StandardCharsets.US_ASCII);
        GCMModeCipher gcm = gcm(true, dataKey, iv, address);
        Arrays.fill(dataKey, (byte) 0);
        byte[] cipher = new byte[gcm.getOutputSize(plain.length)];
        int n = gcm.processBytes(plain, 0, plain.length, cipher, 0);
        try {
            gcm.doFinal(cipher, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(cipher.length + wrapped.length + 32);
        out.writeBytes(MAGIC);
        out.write(wrapped.length >> 8);
        out.write(wrapped.length & 0xFF);
        out.writeBytes(wrapped);
        out.writeBytes(iv);
        out.writeBytes(cipher);
        return out.toByteArray();
    }

    private byte[] decrypt(String address, byte[] sealed) {
        ByteBuffer in = ByteBuffer.wrap(sealed);
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalStateException("not a sealed attachment blob: " + address);
        }
        byte[] wrapped = new byte[in.getShort() & 0xFFFF];
        in.get(wrapped);
        byte[] iv = new byte[IV_BYTES];
        in.get(iv);
        byte[] dataKey = Base64.getDecoder().decode(keyWrap.decrypt(new String(wrapped, StandardCharsets.US_ASCII)));
        GCMModeCipher gcm = gcm(false, dataKey, iv, address);
        Arrays.fill(dataKey, (byte) 0);
        byte[] plain = new byte[gcm.getOutputSize(in.remaining())];
        int n = gcm.processBytes(sealed, in.position(), in.remaining(), plain, 0);
        try {
            n += gcm.doFinal(plain, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("attachment blob was altered: " + address, e);
        }
        return n == plain.length ? plain : Arrays.copyOf(plain, n);
    }

    private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] iv, String address) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, iv, address.getBytes(StandardCharsets.US_ASCII)));
        return gcm;
    }
}
