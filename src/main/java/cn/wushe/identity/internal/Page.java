package cn.wushe.identity.internal;

import java.util.List;

/** One page of a list that is filtered and counted in SQL. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
