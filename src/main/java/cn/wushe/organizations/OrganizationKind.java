package cn.wushe.organizations;

import cn.wushe.platform.Messages;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What kind of social organization: the three registered by civil affairs, each with its category
 * character in the credit code (51, 52, 53), and the community organization filed with its town.
 */
public enum OrganizationKind {
    /** 社会团体 */
    SOCIAL_GROUP('1'),
    /** 社会服务机构（民办非企业单位） */
    SOCIAL_SERVICE('2'),
    /** 基金会 */
    FOUNDATION('3'),
    /** 社区社会组织（备案） */
    COMMUNITY(' ');

    private final char category;

    OrganizationKind(char category) {
        this.category = category;
    }

    /** The 2nd character of its credit code; none for a filed community organization. */
    public char category() {
        return category;
    }

    public boolean registered() {
        return this != COMMUNITY;
    }

    public String label() {
        return Messages.text("organizations.kind." + name());
    }

    public static Optional<OrganizationKind> fromCode(@Nullable String code) {
        return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
    }
}
