package cn.wushe.notifications;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who receives a notice. Callers build it with the factory methods only, so a new kind of
 * recipient (next: "everyone in unit X holding permission Y", once units exist) is one more record
 * here and one more resolver inside the module, and no caller changes.
 */
public sealed interface Recipients {

    /** Named user accounts; duplicates count once. */
    static Recipients users(Collection<UUID> userIds) {
        return new Users(new LinkedHashSet<>(userIds));
    }

    static Recipients user(UUID userId) {
        return new Users(Collections.singleton(userId));
    }

    /** Named user accounts. */
    record Users(Set<UUID> ids) implements Recipients {

        public Users {
            if (ids == null || ids.isEmpty()) {
                throw new IllegalArgumentException("a notice needs at least one recipient");
            }
            for (UUID id : ids) {
                if (id == null) {
                    throw new IllegalArgumentException("a recipient id is null");
                }
            }
            ids = Set.copyOf(ids);
        }
    }
}
