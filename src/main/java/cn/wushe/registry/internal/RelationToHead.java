package cn.wushe.registry.internal;

/** A person's relation to the head of their household (与户主关系). */
public enum RelationToHead {
    SELF("户主本人"), SPOUSE("配偶"), CHILD("子女"), CHILD_IN_LAW("儿媳/女婿"), PARENT("父母"),
    GRANDCHILD("孙子女/外孙子女"), GRANDPARENT("祖父母/外祖父母"), SIBLING("兄弟姐妹"), OTHER("其他");

    private final String label;

    RelationToHead(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
