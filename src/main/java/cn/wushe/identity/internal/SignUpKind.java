package cn.wushe.identity.internal;

import cn.wushe.platform.Messages;

/** Who signs up (注册身份): a resident (居民) or a volunteer (志愿者), and the role confirmation grants. */
public enum SignUpKind {
    RESIDENT(Role.RESIDENT),
    VOLUNTEER(Role.VOLUNTEER);

    private final Role role;

    SignUpKind(Role role) {
        this.role = role;
    }

    /** The role granted on confirmation. */
    public Role role() {
        return role;
    }

    /** 居民 / 志愿者 (key {@code identity.signup.kind.<CONSTANT>}). */
    public String label() {
        return Messages.text("identity.signup.kind." + name());
    }

    /** Volunteers must give their identity number: one volunteer per number per county. */
    public boolean needsIdentityNumber() {
        return this == VOLUNTEER;
    }

    /**
     * The scope of the granted role: the community for a resident; for a volunteer the role's own
     * level (county, as {@link Role#VOLUNTEER} is declared), which contains the community.
     */
    public String scopeFor(String communityCode) {
        return communityCode.substring(0, role.scopeLevel().digits());
    }

    /** Lenient lookup for request input (path segment {@code resident} or code {@code RESIDENT}). */
    public static java.util.Optional<SignUpKind> fromCode(@org.jspecify.annotations.Nullable String code) {
        return java.util.Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(code)).findFirst();
    }
}
