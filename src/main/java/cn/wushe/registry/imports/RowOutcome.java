package cn.wushe.registry.imports;

import cn.wushe.platform.Messages;

/** What importing one row would do (preview) or did (after commit). */
enum RowOutcome {
    NEW, UPDATE, UNCHANGED, REJECTED;

    public String label() {
        return Messages.text("registry.row-outcome." + name());
    }
}
