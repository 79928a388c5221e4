package cn.wushe.registry;

import java.util.UUID;

/** Identifies a registered person. */
public record PersonId(UUID value) {

    public static PersonId of(String text) {
        return new PersonId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
