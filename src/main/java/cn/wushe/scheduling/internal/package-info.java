/** The db-scheduler task behind deadlines, the firing record and the scheduler's clock. */
@org.jspecify.annotations.NullMarked
package cn.wushe.scheduling.internal;
