package cn.wushe.attachments.internal;

import cn.wushe.attachments.AttachmentAccess;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The owning modules' {@link AttachmentAccess} beans by object type. A type without one has no
 * attachments for anybody: every call for it answers not found.
 */
final class AccessPolicies {

    private final Map<String, AttachmentAccess> byType = new TreeMap<>();

    AccessPolicies(List<AttachmentAccess> policies) {
        for (AttachmentAccess policy : policies) {
            AttachmentAccess earlier = byType.put(policy.objectType(), policy);
            if (earlier != null) {
                throw new IllegalStateException("two AttachmentAccess beans for object type " + policy.objectType());
            }
        }
    }

    /** @throws DomainException not found when no module answers for the type */
    AttachmentAccess of(String objectType) {
        return Optional.ofNullable(byType.get(objectType))
                .orElseThrow(() -> DomainException.notFound(Messages.text("attachments.object.owner")));
    }

    /**
     * The rows of {@code alias} the actor may read: for each registered type, its rows inside the scope
     * of that type's view permission ({@link ScopeFilter#predicate}); rows of any other type, none.
     */
    SqlPredicate visible(Actor actor, String alias) {
        List<String> alternatives = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        int n = 0;
        for (AttachmentAccess policy : byType.values()) {
            String prefix = "t" + n++;
            SqlPredicate scope = ScopeFilter.predicate(actor, policy.viewPermission(), alias + ".county_code",
                    alias + ".region_code");
            scope.params().forEach((k, v) -> params.put(prefix + "_" + k, v));
            params.put(prefix + "_type", policy.objectType());
            alternatives.add("(" + alias + ".owner_type = :" + prefix + "_type and "
                    + scope.sql().replace(":scope_", ":" + prefix + "_scope_") + ")");
        }
        return new SqlPredicate(alternatives.isEmpty() ? "false" : "(" + String.join(" or ", alternatives) + ")", params);
    }
}
