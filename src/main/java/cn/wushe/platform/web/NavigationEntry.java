package cn.wushe.platform.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One place in the shell a module offers: a menu entry in the top bar, a tile on the workbench
 * (工作台), or both. Modules contribute entries through {@link NavigationContributor}; the shell
 * assembles them, so no page outside a module names the module's links.
 *
 * @param order      position among all entries (lower first); modules use their own hundred
 *                   (region 100, registry 200, …) so the shell's order is stable
 * @param href       the page, relative to the context root
 * @param titleKey   messages key of the short title (menu text and tile heading)
 * @param summaryKey messages key of the tile's one-line description, or {@code null} for a
 *                   menu-only entry
 * @param menu       whether the entry appears in the top bar
 * @param shownTo    who sees it; evaluated per request against the signed-in actor
 */
public record NavigationEntry(int order, String href, String titleKey, @Nullable String summaryKey, boolean menu,
        Predicate<Actor> shownTo) {

    /** Shown in the top bar and as a workbench tile to actors holding {@code permission} anywhere. */
    public static NavigationEntry page(int order, String href, String titleKey, String summaryKey, Permission permission) {
        return new NavigationEntry(order, href, titleKey, summaryKey, true, actor -> actor.can(permission));
    }

    /** A workbench tile only (no top-bar entry), for actors holding {@code permission} anywhere. */
    public static NavigationEntry tile(int order, String href, String titleKey, String summaryKey, Permission permission) {
        return new NavigationEntry(order, href, titleKey, summaryKey, false, actor -> actor.can(permission));
    }

    public boolean tile() {
        return summaryKey != null;
    }

    /** The same entry shown only to actors that also pass {@code condition}. */
    public NavigationEntry onlyWhen(Predicate<Actor> condition) {
        return new NavigationEntry(order, href, titleKey, summaryKey, menu, shownTo.and(condition));
    }
}
