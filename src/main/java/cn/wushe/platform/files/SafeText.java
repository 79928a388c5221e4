package cn.wushe.platform.files;

import org.jspecify.annotations.Nullable;

/**
 * Text for a spreadsheet cell that a spreadsheet program will never run as a formula (security
 * check 31, CWE-1236): a value starting with =, +, -, @, or a TAB, CR or NUL gets a leading
 * apostrophe. Writers also store every value as a string cell, never as a formula.
 */
public final class SafeText {

    private SafeText() {
    }

    public static String of(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\0';
        // NUL cannot be written to XML at all; it is dropped after the prefix is decided
        String text = value.indexOf('\0') >= 0 ? value.replace("\0", "") : value;
        return risky ? "'" + text : text;
    }
}
