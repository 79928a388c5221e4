package cn.wushe.care.internal;

import cn.wushe.platform.Messages;
import java.util.Arrays;

/**
 * The registry's category codes as care's pages name them (the directory gives codes only); a code
 * added to the registry later shows as it is until it is named here.
 */
public enum KnownCategory {
    DIBAO, TEKUN, DIBAO_EDGE, ELDERLY_ALONE, EMPTY_NEST, LEFT_BEHIND_CHILD, VULNERABLE_CHILD, DISABLED, SEVERE_MENTAL,
    RELOCATED, VETERAN;

    public static String label(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst()
                .map(c -> Messages.text("care.category." + c.name())).orElse(code);
    }
}
