package cn.wushe.platform.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One place in the shell a module offers: a top-bar entry, a workbench (工作台) tile, or both.
 * Modules contribute entries through {@link NavigationContributor}; the shell assembles them, so no
 * page outside a module names the module's links.
 *
 * @param order        position among all entries, top bar and tiles alike (lower first); each module
 *                     uses its own hundred (registry 100, region 200, …) so the order is stable
 * @param href         the page, relative to the context root
 * @param titleKey     messages key of the tile heading (and of the top-bar text unless
 *                     {@code menuTitleKey} is given)
 * @param summaryKey   messages key of the tile's one-line description, or {@code null}: no tile
 * @param menu         whether the entry appears in the top bar
 * @param shownTo      who sees it; evaluated per request against the signed-in actor
 * @param menuTitleKey a shorter top-bar text, or {@code null} to use {@code titleKey}
 */
public record NavigationEntry(int order, String href, String titleKey, @Nullable String summaryKey, boolean menu,
        Predicate<Actor> shownTo, @Nullable String menuTitleKey) {

    /** Shown in the top bar and as a workbench tile to actors holding {@code permission} anywhere. */
    public static NavigationEntry page(int order, String href, String titleKey, String summaryKey, Permission permission) {
        return new NavigationEntry(order, href, titleKey, summaryKey, true, actor -> actor.can(permission), null);
    }

    /** A workbench tile only (no top-bar entry), for actors holding {@code permission} anywhere. */
    public static NavigationEntry tile(int order, String href, String titleKey, String summaryKey, Permission permission) {
        return new NavigationEntry(order, href, titleKey, summaryKey, false, actor -> actor.can(permission), null);
    }

    /** A workbench tile only, for every signed-in actor (their own tokens, their own inbox). */
    public static NavigationEntry tileForEveryone(int order, String href, String titleKey, String summaryKey) {
        return new NavigationEntry(order, href, titleKey, summaryKey, false, actor -> true, null);
    }

    /** A top-bar entry only, for actors holding {@code permission} anywhere. */
    public static NavigationEntry menu(int order, String href, String titleKey, Permission permission) {
        return new NavigationEntry(order, href, titleKey, null, true, actor -> actor.can(permission), null);
    }

    public boolean tile() {
        return summaryKey != null;
    }

    /** The same entry shown only to actors that also pass {@code condition}. */
    public NavigationEntry onlyWhen(Predicate<Actor> condition) {
        return new NavigationEntry(order, href, titleKey, summaryKey, menu, shownTo.and(condition), menuTitleKey);
    }

    /** The same entry with a shorter text in the top bar. */
    public NavigationEntry inMenuAs(String key) {
        return new NavigationEntry(order, href, titleKey, summaryKey, menu, shownTo, key);
    }

    public String menuKey() {
        return menuTitleKey != null ? menuTitleKey : titleKey;
    }
}
