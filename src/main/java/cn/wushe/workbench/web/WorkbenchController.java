package cn.wushe.workbench.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The workbench (工作台): notices for this user, what waits for them (待办), then what they can do, as tiles contributed by the modules. */
@Controller
class WorkbenchController {

    private final ShellNavigation navigation;

    WorkbenchController(ShellNavigation navigation) {
        this.navigation = navigation;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String workbench(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("actor", actor);
        model.addAttribute("notices", navigation.notices(actor));
        model.addAttribute("pending", navigation.pending(actor));
        model.addAttribute("tiles", navigation.tiles(actor));
        return "workbench/index";
    }
}
