/** Loads the official region tree from the bundled files into {@code region.regions}, fast and idempotently. */
@org.jspecify.annotations.NullMarked
package cn.wushe.region.imports;
