package cn.wushe.platform.personal;

import cn.wushe.platform.Messages;

/** Sex as recorded on the identity document (性别). */
public enum Sex {
    MALE, FEMALE;

    public String label() {
        return Messages.text("platform.sex." + name());
    }
}
