package cn.wushe.units;

import cn.wushe.platform.Messages;
import java.util.Objects;
import java.util.UUID;

/** The identifier of a unit (单位). */
public record UnitId(UUID value) {

    public UnitId {
        Objects.requireNonNull(value);
    }

    public static UnitId random() {
        return new UnitId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException with a Chinese message when {@code text} is no UUID */
    public static UnitId parse(String text) {
        try {
            return new UnitId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.text("units.unit.id-invalid"), e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
