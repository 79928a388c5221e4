package cn.wushe.scheduling.internal;

import cn.wushe.scheduling.DeadlineDue;

/**
 * The one event a firing publishes, heard only by {@link DeadlineOwners}: internal, so no module
 * can listen to every firing and filter (which cost one event publication per listening module).
 */
public record DeadlineFired(DeadlineDue due) {
}
