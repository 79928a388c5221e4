package cn.wushe.scheduling.internal;

import java.io.Serializable;

/** What a deadline task carries besides its instance id: nothing yet, kept for later fields. */
record DeadlineData(int version) implements Serializable {

    static final DeadlineData CURRENT = new DeadlineData(1);
}
