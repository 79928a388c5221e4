package cn.wushe.care.internal;

import cn.wushe.platform.Messages;

/** What a linked resource is: money, goods or a service, each valued in yuan. */
public enum ResourceKind {
    MONEY, GOODS, SERVICE;

    public String label() {
        return Messages.text("care.resource." + name());
    }
}
