package cn.wushe.platform.crypto;

import cn.wushe.platform.BlindIndex;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC-SM3 over {@code purpose + ":" + value}; a new MAC per call because {@link HMac} is not thread-safe. */
final class HmacSm3BlindIndex implements BlindIndex {

    private final KeyRing keys;

    HmacSm3BlindIndex(KeyRing keys) {
        this.keys = keys;
    }

    @Override
    public String of(String purpose, String normalisedValue) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(keys.blindIndexKey()));
        byte[] input = (purpose + ":" + normalisedValue).getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
