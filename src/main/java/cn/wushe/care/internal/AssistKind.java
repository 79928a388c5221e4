package cn.wushe.care.internal;

import cn.wushe.platform.Messages;

/** The 四协助: urgent help (急难救助), a hazard (隐患排除), a resource (资源链接), a policy application (政策申办). */
public enum AssistKind {
    URGENT, HAZARD, RESOURCE, POLICY;

    public String label() {
        return Messages.text("care.assist." + name());
    }
}
