package cn.wushe.registry.imports;

/** What importing one row would do (preview) or did (after commit). */
enum RowOutcome {
    NEW("新增"), UPDATE("更新"), UNCHANGED("无变化"), REJECTED("不通过");

    private final String label;

    RowOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
