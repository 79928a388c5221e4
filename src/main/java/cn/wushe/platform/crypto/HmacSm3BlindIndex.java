package cn.wushe.platform.crypto;

import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.Sm3;
import java.util.HexFormat;

/** HMAC-SM3 over {@code purpose + ":" + value}, hex-encoded. */
final class HmacSm3BlindIndex implements BlindIndex {

    private final KeyRing keys;

    HmacSm3BlindIndex(KeyRing keys) {
        this.keys = keys;
    }

    @Override
    public String of(String purpose, String normalisedValue) {
        return HexFormat.of().formatHex(Sm3.hmac(keys.blindIndexKey(), purpose + ":" + normalisedValue));
    }
}
