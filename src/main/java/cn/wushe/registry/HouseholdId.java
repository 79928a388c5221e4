package cn.wushe.registry;

import java.util.UUID;

/** Identifies a household (家庭户). */
public record HouseholdId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
