package cn.wushe.registry.internal;

import java.util.List;

/** A page of a people list; no total on purpose (counting a county is slow and leaks sizes): {@code hasMore} instead. */
public record PersonPage(List<PersonListItem> items, int page, int size, boolean hasMore) {
}
