package cn.wushe.registry.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.internal.ResidentAccountLinking;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 关联居民账号 from a person's page: pick the resident's own (signed-up) account to link to the record. */
@Controller
class ResidentAccountLinkPages {

    private final ResidentAccountLinking linking;

    ResidentAccountLinkPages(ResidentAccountLinking linking) {
        this.linking = linking;
    }

    @GetMapping("/people/{id}/resident-account")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String candidates(@PathVariable UUID id, Model model) {
        model.addAttribute("c", linking.candidates(CurrentActor.get(), new PersonId(id)));
        return "registry/resident-account";
    }

    @PostMapping("/people/{id}/resident-account")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    String link(@PathVariable UUID id, @RequestParam UUID userId) {
        linking.link(CurrentActor.get(), new PersonId(id), userId);
        return "redirect:/people/" + id + "/resident-account?linked";
    }
}
