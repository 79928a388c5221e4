package cn.wushe.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which units (单位) each account belongs to ({@code identity.unit_memberships}); at most one primary per account. */
@Repository
public class UnitMemberships {

    /** An account's membership of one unit. */
    public record Membership(UUID unitId, boolean primary, Instant addedAt) {
    }

    private final JdbcClient jdbc;

    UnitMemberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The primary unit first, then by the time they were added. */
    public List<Membership> of(UUID userId) {
        return jdbc.sql("""
                select unit_id, is_primary, added_at from identity.unit_memberships where user_id = :user
                order by is_primary desc, added_at, unit_id
                """).param("user", userId)
                .query((rs, i) -> new Membership(rs.getObject("unit_id", UUID.class), rs.getBoolean("is_primary"),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    /**
     * Adds the membership unless it exists; the first unit of an account becomes its primary one.
     * @return whether it was added
     */
    public boolean add(UUID userId, UUID unitId, @Nullable UUID addedBy, Instant now) {
        return jdbc.sql("""
                insert into identity.unit_memberships (user_id, unit_id, is_primary, added_by, added_at)
                values (:user, :unit, not exists (select 1 from identity.unit_memberships where user_id = :user),
                    :by, :at)
                on conflict (user_id, unit_id) do nothing
                """).param("user", userId).param("unit", unitId).param("by", addedBy).param("at", UserAccounts.ts(now))
                .update() == 1;
    }

    /** Removes the membership; when it was the primary one, the oldest remaining becomes primary. @return whether it existed */
    public boolean remove(UUID userId, UUID unitId) {
        boolean removed = jdbc.sql("delete from identity.unit_memberships where user_id = :user and unit_id = :unit")
                .param("user", userId).param("unit", unitId).update() == 1;
        if (removed) {
            jdbc.sql("""
                    update identity.unit_memberships set is_primary = true
                    where user_id = :user and unit_id = (select unit_id from identity.unit_memberships
                        where user_id = :user order by added_at, unit_id limit 1)
                      and not exists (select 1 from identity.unit_memberships where user_id = :user and is_primary)
                    """).param("user", userId).update();
        }
        return removed;
    }

    /** Makes {@code unitId} the account's primary unit (it must be a member). @return whether it is a member */
    public boolean makePrimary(UUID userId, UUID unitId) {
        jdbc.sql("update identity.unit_memberships set is_primary = false where user_id = :user and is_primary and unit_id <> :unit")
                .param("user", userId).param("unit", unitId).update();
        return jdbc.sql("update identity.unit_memberships set is_primary = true where user_id = :user and unit_id = :unit")
                .param("user", userId).param("unit", unitId).update() == 1;
    }
}
