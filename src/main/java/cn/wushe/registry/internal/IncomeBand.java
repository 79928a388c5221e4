package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;

/** The household's monthly income per head relative to the local 低保 standard (收入区间). Sensitive: encrypted. */
public enum IncomeBand {
    NONE, BELOW_DIBAO, DIBAO_TO_1_5,
    FROM_1_5_TO_2, ABOVE_2;

    public String label() {
        return Messages.text("registry.income-band." + name());
    }
}
