package cn.wushe.registry.imports;

/** Where a roster import stands; the label is what the importer reads. */
enum ImportStatus {
    /** Rows are being read and checked (检查中). */
    VALIDATING("正在检查"),
    /** Checked; waiting for the importer to import the valid rows or nothing (待确认). */
    READY("待确认"),
    /** The valid rows are being written in one transaction. */
    COMMITTING("正在导入"),
    DONE("已导入"),
    DISCARDED("已放弃"),
    /** The file could not be read to the end, or the commit failed: nothing was written. */
    FAILED("失败");

    private final String label;

    ImportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean finished() {
        return this == DONE || this == DISCARDED || this == FAILED;
    }
}
