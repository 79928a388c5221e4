package cn.wushe.identity.internal;

import cn.wushe.platform.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The short form of a browser's User-Agent shown beside a remembered device ("微信 · Android"):
 * enough for the holder to recognise the phone, never the full string (which fingerprints it).
 */
final class DeviceLabel {

    /** Checked in order: WeChat and Edge also call themselves Chrome and Safari. */
    private static final String WECHAT = "WeChat";

    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("micromessenger", WECHAT),
            Map.entry("edg", "Edge"),
            Map.entry("firefox", "Firefox"),
            Map.entry("fxios", "Firefox"),
            Map.entry("chrome", "Chrome"),
            Map.entry("crios", "Chrome"),
            Map.entry("safari", "Safari"));

    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("harmonyos", "HarmonyOS"),
            Map.entry("android", "Android"),
            Map.entry("iphone", "iPhone"),
            Map.entry("ipad", "iPad"),
            Map.entry("windows", "Windows"),
            Map.entry("mac os x", "macOS"),
            Map.entry("linux", "Linux"));

    private DeviceLabel() {
    }

    static String of(String userAgent) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = first(BROWSERS, ua);
        String system = first(SYSTEMS, ua);
        return (browser == null ? Messages.text("identity.device.browser-other")
                : WECHAT.equals(browser) ? Messages.text("identity.device.wechat") : browser)
                + " · " + (system == null ? Messages.text("identity.device.system-other") : system);
    }

    private static @Nullable String first(List<Map.Entry<String, String>> names, String ua) {
        return names.stream().filter(e -> ua.contains(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
