package cn.wushe.volunteering.web;

import cn.wushe.platform.DomainException;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's form post that goes back to a page: the work's notice, or its refusal in Chinese, shown
 * there; not found and forbidden stay errors (404/403), as the object must not be hinted at.
 */
final class Flash {

    private Flash() {
    }

    static String back(RedirectAttributes redirect, String page, Supplier<String> work) {
        try {
            redirect.addFlashAttribute("notice", work.get());
        } catch (DomainException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + page;
    }
}
