package cn.wushe.registry;

/**
 * A person's record was closed (销档) because they moved away or are no longer in need; services
 * for them should end. {@code regionCode} is where they were registered.
 */
public record PersonClosed(PersonId person, String regionCode, Reason reason) {

    /** Why a record is closed (the person's death is {@link PersonDeceased}). */
    public enum Reason {
        /** 迁出 */
        MOVED_AWAY,
        /** 不再符合困难条件 */
        NO_LONGER_IN_NEED
    }
}
