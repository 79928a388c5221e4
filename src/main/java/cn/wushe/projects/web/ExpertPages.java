package cn.wushe.projects.web;

import cn.wushe.identity.AccountDirectory;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Text;
import cn.wushe.projects.internal.ExpertPool;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The expert pool (专家库) of the manager's county: list, enter a reviewer account by username, retire with a reason. */
@Controller
class ExpertPages {

    private final ExpertPool pool;
    private final AccountDirectory accounts;

    ExpertPages(ExpertPool pool, AccountDirectory accounts) {
        this.pool = pool;
        this.accounts = accounts;
    }

    @GetMapping("/experts")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String list(Model model) {
        model.addAttribute("experts", pool.pool(CurrentActor.get()));
        return "projects/experts";
    }

    @PostMapping("/experts")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String enter(@RequestParam(required = false) @Nullable String username, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String fields, @RequestParam(required = false) @Nullable String employer,
            @RequestParam(required = false) @Nullable String countyCode, @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String bankAccount, RedirectAttributes redirect) {
        try {
            UUID user = accounts.idOfUsername(String.valueOf(Text.trimToNull(username)))
                    .orElseThrow(() -> DomainException.invalid("username", Messages.text("projects.expert.username")));
            List<String> list = fields == null ? List.of()
                    : Arrays.stream(fields.split("[,\\uff0c\\u3001\\s]+")).filter(s -> !s.isBlank()).toList();
            pool.enter(CurrentActor.get(), String.valueOf(Text.trimToNull(countyCode)), user, String.valueOf(name), list,
                    String.valueOf(employer), null, null, null, phone, bankAccount);
            redirect.addFlashAttribute("notice", Messages.text("projects.page.done"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/experts";
    }

    @PostMapping("/experts/{id}/exit")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    String exit(@PathVariable String id, @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        try {
            pool.exit(CurrentActor.get(), ProjectWeb.uuid(id), reason);
            redirect.addFlashAttribute("notice", Messages.text("projects.page.done"));
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/experts";
    }
}
