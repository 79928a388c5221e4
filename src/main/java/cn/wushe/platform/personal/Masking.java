package cn.wushe.platform.personal;

import org.jspecify.annotations.Nullable;

/** How masked values look (张*明, 138****5678, 城关****). */
public final class Masking {

    private Masking() {
    }

    public static String name(String name) {
        int[] cps = name.codePoints().toArray();
        if (cps.length <= 1) {
            return "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }

    public static @Nullable String address(@Nullable String detail) {
        if (detail == null) {
            return null;
        }
        int[] cps = detail.codePoints().toArray();
        return new String(cps, 0, Math.min(2, cps.length)) + "****";
    }

    public static @Nullable String phone(@Nullable PhoneNumber phone) {
        return phone == null ? null : phone.masked();
    }
}
