package cn.wushe.notifications.internal;

import cn.wushe.platform.Sm3;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

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
        return "sm3=" + HexFormat.of().formatHex(Sm3.hmac(secret.getBytes(StandardCharsets.UTF_8), epochSecond + "." + body));
    }
}
