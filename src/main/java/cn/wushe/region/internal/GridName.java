package cn.wushe.region.internal;

import cn.wushe.platform.Messages;

/** A grid's name (网格名称), e.g. 第一网格: 1–50 characters, one line. */
public record GridName(String value) {

    public static final int MAX_LENGTH = 50;

    public GridName {
        value = value == null ? "" : value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(Messages.text("region.grid-name.blank"));
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException(Messages.text("region.grid-name.too-long", MAX_LENGTH));
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(Messages.text("region.grid-name.control-characters"));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
