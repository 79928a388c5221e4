package cn.wushe.registry.imports;

import cn.wushe.platform.Messages;

/** Where a roster import stands; the label is what the importer reads. */
enum ImportStatus {
    /** Rows are being read and checked (检查中). */
    VALIDATING,
    /** Checked; waiting for the importer to import the valid rows or nothing (待确认). */
    READY,
    /** The valid rows are being written in one transaction. */
    COMMITTING,
    DONE,
    DISCARDED,
    /** The file could not be read to the end, or the commit failed: nothing was written. */
    FAILED;

    public String label() {
        return Messages.text("registry.import-status." + name());
    }

    boolean finished() {
        return this == DONE || this == DISCARDED || this == FAILED;
    }
}
