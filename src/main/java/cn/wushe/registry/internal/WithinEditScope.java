package cn.wushe.registry.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A worker registers and edits people only inside their edit scope (登记范围), and imports only
 * inside their import scope: a community worker in their community, a grid worker in their grid.
 * The one statement of the rule for the form and API, the import preview, the in-file check and
 * the commit's re-check; {@link #sql} is its form for reading editable records.
 */
public final class WithinEditScope {

    private WithinEditScope() {
    }

    /** The pure rule: {@code actor} may register or edit a person living in {@code regionCode}. */
    public static boolean allows(Actor actor, String regionCode) {
        return actor.can(Permission.PERSON_EDIT, regionCode);
    }

    /** ... and import them from a roster. */
    public static boolean allowsImport(Actor actor, String regionCode) {
        return allows(actor, regionCode) && actor.can(Permission.PERSON_IMPORT, regionCode);
    }

    /** The refusal for a place outside the edit scope, naming a grid when there is one. */
    public static Optional<String> refusal(Actor actor, String communityCode, @Nullable String gridCode) {
        String region = gridCode != null ? gridCode : communityCode;
        return allows(actor, region) ? Optional.empty()
                : Optional.of(Messages.text(gridCode != null ? "registry.scope.grid-outside" : "registry.scope.community-outside"));
    }

    /** The refusal of an import row outside the import scope. */
    public static Optional<String> importRefusal(Actor actor, String communityCode, @Nullable String gridCode) {
        String region = gridCode != null ? gridCode : communityCode;
        return actor.can(Permission.PERSON_IMPORT, region) ? Optional.empty()
                : Optional.of(Messages.text(gridCode != null ? "registry.scope.grid-not-importable" : "registry.scope.community-not-importable"));
    }

    /** The commit's re-check: the place is no longer inside the importer's edit and import scope. */
    public static Optional<String> importRefusalNow(Actor actor, String communityCode, @Nullable String gridCode) {
        String region = gridCode != null ? gridCode : communityCode;
        return allowsImport(actor, region) ? Optional.empty()
                : Optional.of(Messages.text(gridCode != null ? "registry.scope.grid-outside-now" : "registry.scope.community-outside-now"));
    }

    /** The rule as SQL over a table aliased {@code alias} with a {@code region_code} column. */
    public static SqlPredicate sql(Actor actor, String alias) {
        return Scopes.edit(actor, alias);
    }
}
