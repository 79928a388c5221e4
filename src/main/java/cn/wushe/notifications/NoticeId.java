package cn.wushe.notifications;

import java.util.UUID;

/** Identifies one notice; each recipient's inbox entry is found by it. */
public record NoticeId(UUID value) {

    public NoticeId {
        if (value == null) {
            throw new IllegalArgumentException("a notice id needs a value");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
