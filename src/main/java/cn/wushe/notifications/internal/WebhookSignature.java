package cn.wushe.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * {@code X-Wushe-Signature: sm3=<hex>}: HMAC-SM3 under the county's secret over
 * {@code <X-Wushe-Timestamp> + "." + <body>}. The timestamp inside the signed text lets a gateway
 * refuse a replayed request older than a few minutes.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Wushe-Signature";
    public static final String TIMESTAMP_HEADER = "X-Wushe-Timestamp";

    private WebhookSignature() {
    }

    public static String sign(String secret, long epochSecond, String body) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(secret.getBytes(StandardCharsets.UTF_8)));
        byte[] text = (epochSecond + "." + body).getBytes(StandardCharsets.UTF_8);
        mac.update(text, 0, text.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return "sm3=" + HexFormat.of().formatHex(out);
    }
}
