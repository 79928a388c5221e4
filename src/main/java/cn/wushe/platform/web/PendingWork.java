package cn.wushe.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * One kind of work waiting for the signed-in actor, a line of the workbench's 待办 panel: "3 项更正申请
 * 待处理，1 项已超期 → 去处理". Modules offer them through {@link PendingWorkContributor}.
 *
 * @param order   position in the panel (lower first); each module uses its own hundred, as for
 *                {@link NavigationEntry#order()}
 * @param title   what is waiting, already in Chinese (from {@code Messages.text}), e.g. "更正申请待处理"
 * @param count   how many items wait; a contributor leaves out lines with nothing waiting
 * @param overdue how many of them are past their deadline (shown in red); 0 when none or no deadline
 * @param href    the page where the actor deals with them, relative to the context root
 */
public record PendingWork(int order, String title, long count, long overdue, String href) {

    public PendingWork {
        if (count < 0 || overdue < 0 || overdue > count) {
            throw new IllegalArgumentException("pending work counts: " + count + "/" + overdue);
        }
    }

    /** Work without a deadline. */
    public static PendingWork of(int order, String title, long count, String href) {
        return new PendingWork(order, title, count, 0, href);
    }

    /** Whether some of it is past its deadline. */
    public boolean late() {
        return overdue > 0;
    }

    /** A line with nothing waiting: left out of the panel. */
    public boolean isEmpty() {
        return count == 0;
    }
}
