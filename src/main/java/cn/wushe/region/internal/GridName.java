package cn.wushe.region.internal;

/** A grid's name (网格名称), e.g. 第一网格: 1–50 characters, one line. */
public record GridName(String value) {

    public static final int MAX_LENGTH = 50;

    public GridName {
        value = value == null ? "" : value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("网格名称不能为空");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("网格名称不能超过 " + MAX_LENGTH + " 个字");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("网格名称不能包含换行等控制字符");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
