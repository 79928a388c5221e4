package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;

/** A person's relation to the head of their household (与户主关系). */
public enum RelationToHead {
    SELF, SPOUSE, CHILD, CHILD_IN_LAW, PARENT,
    GRANDCHILD, GRANDPARENT, SIBLING, OTHER;

    public String label() {
        return Messages.text("registry.relation." + name());
    }
}
