package cn.wushe.care.internal;

import cn.wushe.platform.Messages;

/**
 * What a visit found on one of the 五了解 (health, finances, 赡养扶养, home safety, needs): the
 * quick choice on the phone. {@code OK} is preselected so a visit with nothing found is one tap.
 */
public enum Finding {
    OK, CONCERN, SERIOUS;

    public String label() {
        return Messages.text("care.finding." + name());
    }
}
