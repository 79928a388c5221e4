/** Feed runs: parsing, matching, the comparison rules and the runs' summaries. */
@org.jspecify.annotations.NullMarked
package cn.wushe.monitoring.internal;
