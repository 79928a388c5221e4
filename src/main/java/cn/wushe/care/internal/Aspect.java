package cn.wushe.care.internal;

import cn.wushe.platform.Messages;

/** The 五了解 of a visit. */
public enum Aspect {
    HEALTH, FINANCES, SUPPORT, HOME, NEEDS;

    public String label() {
        return Messages.text("care.aspect." + name());
    }

    /** The form field and JSON property, e.g. {@code health}. */
    public String field() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
