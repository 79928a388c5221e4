package cn.wushe.registry.internal;

/** A person linked to a registered person: one who owes support (赡养/扶养人) or a contact (联系人). */
public enum PartyKind {
    OBLIGOR("赡养/扶养人"), CONTACT("联系人");

    private final String label;

    PartyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
