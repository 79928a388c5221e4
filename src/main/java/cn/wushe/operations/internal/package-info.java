/** Backup runs, the nightly schedule, failure alerts and the restart audit entry. */
@org.jspecify.annotations.NullMarked
package cn.wushe.operations.internal;
