package cn.wushe.audit.internal;

import java.util.List;

/**
 * One page of entries, newest first.
 *
 * @param total entries matching the filter within the auditor's scope
 */
public record AuditEntryPage(List<AuditEntry> items, long total, int page, int size) {

    public AuditEntryPage {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
