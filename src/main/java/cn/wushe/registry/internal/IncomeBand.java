package cn.wushe.registry.internal;

/** The household's monthly income per head relative to the local 低保 standard (收入区间). Sensitive: encrypted. */
public enum IncomeBand {
    NONE("无固定收入"), BELOW_DIBAO("低于低保标准"), DIBAO_TO_1_5("低保标准的 1–1.5 倍"),
    FROM_1_5_TO_2("低保标准的 1.5–2 倍"), ABOVE_2("低保标准的 2 倍以上");

    private final String label;

    IncomeBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
