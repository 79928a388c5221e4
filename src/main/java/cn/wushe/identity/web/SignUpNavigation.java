package cn.wushe.identity.web;

import cn.wushe.identity.internal.SignUpReview;
import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.web.NavigationContributor;
import cn.wushe.platform.web.NavigationEntry;
import cn.wushe.platform.web.NoticeContributor;
import cn.wushe.platform.web.ShellNotice;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The sign-up queue in the shell: a workbench tile and menu entry for workers who confirm sign-ups
 * (order 450, inside identity's hundred), and the pending count as a workbench notice, since an
 * entry carries only message keys. The count is one indexed count query per workbench view.
 */
@Component
class SignUpNavigation implements NavigationContributor, NoticeContributor {

    static final int ORDER = 450;

    private final SignUpReview review;

    SignUpNavigation(SignUpReview review) {
        this.review = review;
    }

    @Override
    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.page(ORDER, "/signups", "identity.signup.tile.title", "identity.signup.tile.summary",
                Permission.SIGNUP_CONFIRM));
    }

    @Override
    public List<ShellNotice> noticesFor(Actor actor) {
        long pending = review.pendingCount(actor);
        if (pending == 0) {
            return List.of();
        }
        return List.of(new ShellNotice("info", Messages.text("identity.signup.notice.pending", pending), "/signups",
                Messages.text("identity.signup.notice.link")));
    }
}
