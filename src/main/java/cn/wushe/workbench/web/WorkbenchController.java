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
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String workbench(Model model) {
        Actor actor = CurrentActor.get();
        List<Tile> tiles = new ArrayList<>();
        if (actor.can(Permission.PERSON_VIEW)) {
            tiles.add(new Tile(Messages.text("workbench.tile.people.title"), Messages.text("workbench.tile.people.summary"), "/people"));
        }
        if (actor.can(Permission.PERSON_IMPORT)) {
            tiles.add(new Tile(Messages.text("workbench.tile.imports.title"), Messages.text("workbench.tile.imports.summary"), "/people/imports"));
        }
        if (actor.can(Permission.SELF_SERVICE)) {
            tiles.add(new Tile(Messages.text("workbench.tile.me.title"), Messages.text("workbench.tile.me.summary"), "/me"));
        }
        if (actor.can(Permission.GRID_EDIT)) {
            tiles.add(new Tile(Messages.text("workbench.tile.grids.title"), Messages.text("workbench.tile.grids.summary"), "/grids"));
        } else if (actor.can(Permission.GRID_VIEW)) {
            tiles.add(new Tile(Messages.text("workbench.tile.my-grid.title"), Messages.text("workbench.tile.my-grid.summary"), "/grids"));
        }
        if (actor.can(Permission.GRID_VIEW)) {
            tiles.add(new Tile(Messages.text("workbench.tile.regions.title"), Messages.text("workbench.tile.regions.summary"), "/regions"));
        }
        if (actor.can(Permission.USER_MANAGE)) {
            tiles.add(new Tile(Messages.text("workbench.tile.users.title"), Messages.text("workbench.tile.users.summary"), "/admin/users"));
        }
        if (actor.can(Permission.ROLE_MANAGE)) {
            tiles.add(new Tile(Messages.text("workbench.tile.roles.title"), Messages.text("workbench.tile.roles.summary"), "/admin/roles"));
        }
        if (actor.can(Permission.AUDIT_READ)) {
            tiles.add(new Tile(Messages.text("workbench.tile.audit.title"), Messages.text("workbench.tile.audit.summary"), "/audit"));
        }
        tiles.add(new Tile(Messages.text("workbench.tile.tokens.title"), Messages.text("workbench.tile.tokens.summary"), "/account/tokens"));
        model.addAttribute("actor", actor);
        model.addAttribute("tiles", tiles);
        return "workbench/index";
    }
}
