package cn.wushe.region.internal;

/** Search input turned into SQL parameters, the same way in every query of the module. */
final class SqlText {

    private SqlText() {
    }

    /** Only ASCII digits: a search by code rather than by name. */
    static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    /** A LIKE pattern (escape character {@code \}) matching text that contains {@code s} literally. */
    static String containing(String s) {
        return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The exclusive upper bound of codes starting with {@code digits}: {@code code >= digits and
     * code < bound}. A range, not LIKE, because a prepared (generic) plan uses an index only for a
     * range; codes are digits in the "C" collation, where ':' sorts right after '9'.
     */
    static String afterCodesStartingWith(String digits) {
        return digits + ":";
    }
}
