package cn.wushe.workbench.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import cn.wushe.platform.web.NoticeContributor;
import cn.wushe.platform.web.PendingWork;
import cn.wushe.platform.web.PendingWorkContributor;
import cn.wushe.platform.web.ShellNotice;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The shell's top bar and workbench tiles, assembled from every module's
 * {@link NavigationContributor}. The layout reads {@link #menu()} as {@code @shellNavigation}, so
 * only pages that render the top bar pay for it.
 */
@Component("shellNavigation")
public class ShellNavigation {

    /** A resolved entry: where it goes and what it says. */
    public record Link(String href, String title, String summary) {
    }

    private final List<NavigationEntry> entries;
    private final List<NoticeContributor> notices;
    private List<PendingWorkContributor> pending = List.of();

    ShellNavigation(List<NavigationContributor> contributors, List<NoticeContributor> notices) {
        this.entries = contributors.stream()
                .flatMap(c -> c.entries().stream())
                .sorted(Comparator.comparingInt(NavigationEntry::order))
                .toList();
        this.notices = notices;
    }

    /**
     * One place in the top bar: a link, or a module's several pages under its first page's name.
     *
     * @param items the module's pages in order, the first being the module's own; one item: a plain link
     */
    public record MenuGroup(String title, List<Link> items) {

        public boolean single() {
            return items.size() == 1;
        }

        public Link first() {
            return items.getFirst();
        }
    }

    /**
     * The top-bar entries for the signed-in actor; none on pages without one (sign-in, errors). A
     * module's pages (entries of one hundred of {@code order}) share one drop-down named after the
     * first of them the actor may open, so a county administrator's bar holds a handful of modules
     * instead of every page of volunteering.
     */
    public List<MenuGroup> menu() {
        return CurrentActor.find()
                .map(actor -> {
                    java.util.Map<Integer, List<Link>> byModule = new java.util.LinkedHashMap<>();
                    entries.stream().filter(e -> e.menu() && e.shownTo().test(actor))
                            .forEach(e -> byModule.computeIfAbsent(e.order() / 100, k -> new java.util.ArrayList<>())
                                    .add(new Link(e.href(), Messages.text(e.menuKey()), "")));
                    return byModule.values().stream().map(links -> new MenuGroup(links.getFirst().title(), List.copyOf(links))).toList();
                })
                .orElse(List.of());
    }

    /** Roles that only use their own pages (a resident, a volunteer) integrate no other system: no API tokens in their menu. */
    public boolean mayIntegrate() {
        return CurrentActor.find().map(a -> a.roles().stream().anyMatch(r -> !SELF_ONLY_ROLES.contains(r))).orElse(false);
    }

    private static final java.util.Set<String> SELF_ONLY_ROLES = java.util.Set.of("RESIDENT", "VOLUNTEER");

    List<Link> tiles(Actor actor) {
        return entries.stream()
                .filter(e -> e.tile() && e.shownTo().test(actor))
                .map(e -> new Link(e.href(), Messages.text(e.titleKey()), Messages.text(e.summaryKey())))
                .toList();
    }

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void pendingWork(List<PendingWorkContributor> contributors) {
        this.pending = List.copyOf(contributors);
    }

    /** The 待办 panel: every module's waiting work for the actor, empty lines left out, in module order. */
    List<PendingWork> pending(Actor actor) {
        return pending.stream().flatMap(c -> c.pendingFor(actor).stream())
                .filter(w -> !w.isEmpty())
                .sorted(Comparator.comparingInt(PendingWork::order))
                .toList();
    }

    List<ShellNotice> notices(Actor actor) {
        return notices.stream().flatMap(n -> n.noticesFor(actor).stream()).toList();
    }
}
