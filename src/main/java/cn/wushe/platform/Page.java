package cn.wushe.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list that is filtered (and, where it is cheap, counted) in SQL; the one page type
 * of every module. A counted page knows its {@code total}; an uncounted one (a county's people:
 * counting is slow and leaks sizes) only knows whether more follow.
 *
 * @param page zero-based
 * @param total all matches, or {@code null} for an uncounted page
 */
public record Page<T>(List<T> items, int page, int size, @Nullable Long total, boolean hasMore) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page of {@code total} matches; whether more follow is computed from it. */
    public static <T> Page<T> counted(List<T> items, long total, int page, int size) {
        return new Page<>(items, page, size, total, (long) (page + 1) * size < total);
    }

    /** A page without a total: the query read one row more than {@code size} to learn {@code hasMore}. */
    public static <T> Page<T> uncounted(List<T> items, int page, int size, boolean hasMore) {
        return new Page<>(items, page, size, null, hasMore);
    }

    /** All matches of a counted page; never call on an uncounted one. */
    public long count() {
        if (total == null) {
            throw new IllegalStateException("an uncounted page has no total");
        }
        return total;
    }

    /** The number of pages of a counted page, at least 1. */
    public int pages() {
        return (int) Math.max(1, (count() + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return hasMore;
    }
}
