package cn.wushe.platform.web;

import java.util.List;

/**
 * A module's entries in the shell's top bar and workbench. Each module declares one bean (usually
 * {@code <module>/web/<Module>Navigation}); the workbench module collects all of them.
 */
public interface NavigationContributor {

    List<NavigationEntry> entries();
}
