package cn.wushe.workbench.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.access.prepost.PreAuthorize;

/** The workbench (工作台): what this user can do, as tiles, first screen after login. */
@Controller
class WorkbenchController {

    record Tile(String title, String description, String href) {

        /** The tile whose title and summary are {@code workbench.tile.<name>.title} and {@code .summary}. */
        static Tile of(String name, String href) {
            return new Tile(Messages.text("workbench.tile." + name + ".title"),
                    Messages.text("workbench.tile." + name + ".summary"), href);
        }
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String workbench(Model model) {
        Actor actor = CurrentActor.get();
        List<Tile> tiles = new ArrayList<>();
        addIf(tiles, actor.can(Permission.PERSON_VIEW), "people", "/people");
        addIf(tiles, actor.can(Permission.PERSON_IMPORT), "imports", "/people/imports");
        addIf(tiles, actor.can(Permission.SELF_SERVICE), "me", "/me");
        if (actor.can(Permission.GRID_EDIT)) {
            tiles.add(Tile.of("grids", "/grids"));
        } else {
            addIf(tiles, actor.can(Permission.GRID_VIEW), "my-grid", "/grids");
        }
        addIf(tiles, actor.can(Permission.GRID_VIEW), "regions", "/regions");
        addIf(tiles, actor.can(Permission.USER_MANAGE), "users", "/admin/users");
        addIf(tiles, actor.can(Permission.ROLE_MANAGE), "roles", "/admin/roles");
        addIf(tiles, actor.can(Permission.AUDIT_READ), "audit", "/audit");
        tiles.add(Tile.of("tokens", "/account/tokens"));
        model.addAttribute("actor", actor);
        model.addAttribute("tiles", tiles);
        return "workbench/index";
    }

    private static void addIf(List<Tile> tiles, boolean allowed, String name, String href) {
        if (allowed) {
            tiles.add(Tile.of(name, href));
        }
    }
}
