package cn.wushe.projects.web;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.web.FormRefusal;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a project page runs a button's action: on success a redirect with 已完成, on a refusal
 * back to the page with its Chinese message (a page outside the scope still answers 404 through
 * PageErrors, because {@link FormRefusal#unlessPageRefused} rethrows it).
 */
final class PageActions {

    private PageActions() {
    }

    /** Runs {@code action} and redirects to where it leads, or back to {@code back} with the refusal. */
    static String act(RedirectAttributes redirect, String back, Supplier<String> action) {
        try {
            String target = action.get();
            redirect.addFlashAttribute("notice", Messages.text("projects.page.done"));
            return "redirect:" + target;
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", FormRefusal.unlessPageRefused(e).message());
            return "redirect:" + back;
        }
    }

    /** Runs {@code action} and comes back to {@code page} either way. */
    static String stay(RedirectAttributes redirect, String page, Runnable action) {
        return act(redirect, page, () -> {
            action.run();
            return page;
        });
    }
}
