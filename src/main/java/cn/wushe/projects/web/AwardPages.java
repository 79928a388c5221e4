package cn.wushe.projects.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Permission;
import cn.wushe.projects.internal.Awards;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 一站一品 and the yearly selections: the brands of the stations, each selection's ranking, winners and certificates. */
@Controller
class AwardPages {

    private final Awards awards;

    AwardPages(Awards awards) {
        this.awards = awards;
    }

    @GetMapping("/awards")
    @PreAuthorize(AwardApi.READERS)
    String awards(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("brands", awards.brands(actor));
        model.addAttribute("selections", awards.selections(actor));
        return "projects/awards";
    }

    @GetMapping("/awards/{id}")
    @PreAuthorize(AwardApi.READERS)
    String selection(@PathVariable String id, Model model) {
        Actor actor = CurrentActor.get();
        Awards.Selection s = awards.selection(actor, ProjectWeb.uuid(id));
        model.addAttribute("selection", s);
        model.addAttribute("nominations", awards.nominations(s.id()));
        model.addAttribute("mayManage", actor.can(Permission.ROUND_MANAGE, s.countyCode()));
        return "projects/award";
    }
}
