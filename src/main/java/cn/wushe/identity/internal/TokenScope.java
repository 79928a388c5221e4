package cn.wushe.identity.internal;

import cn.wushe.platform.Messages;

/** What a personal access token may do (令牌权限): chosen at creation, never widened afterwards. */
public enum TokenScope {

    /** 只读: GET and HEAD requests only. */
    READ,
    /** 读写: every request its owner's roles allow. */
    WRITE;

    /** Whether a request with this HTTP method (upper case) may be made with a token of this scope. */
    public boolean allowsMethod(String method) {
        return this == WRITE || "GET".equals(method) || "HEAD".equals(method);
    }

    public String label() {
        return Messages.text("identity.token.scope." + name());
    }
}
