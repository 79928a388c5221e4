package cn.wushe.care.internal;

import cn.wushe.platform.Messages;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Risk tier (风险等级): red needs the closest care, green the least. */
public enum Tier {
    RED, YELLOW, BLUE, GREEN;

    public String label() {
        return Messages.text("care.tier." + name());
    }

    /** Bootstrap colour class of the badge; green is shown dark on light so it reads in large type. */
    public String badge() {
        return switch (this) {
            case RED -> "text-bg-danger";
            case YELLOW -> "text-bg-warning";
            case BLUE -> "text-bg-primary";
            case GREEN -> "text-bg-success";
        };
    }

    public static Optional<Tier> fromCode(@Nullable String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }
}
