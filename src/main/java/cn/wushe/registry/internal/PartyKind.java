package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;

/** A person linked to a registered person: one who owes support (赡养/扶养人) or a contact (联系人). */
public enum PartyKind {
    OBLIGOR, CONTACT;

    public String label() {
        return Messages.text("registry.party-kind." + name());
    }
}
