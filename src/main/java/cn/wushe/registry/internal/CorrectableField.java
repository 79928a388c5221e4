package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;

/** What a resident may ask to have corrected in their own record (更正申请). */
public enum CorrectableField {
    NAME, ID_NUMBER, PHONE, ADDRESS, HEALTH,
    CATEGORY, FAMILY, CONTACT, OTHER;

    public String label() {
        return Messages.text("registry.correctable-field." + name());
    }
}
