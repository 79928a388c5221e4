package cn.wushe.notifications.web;

import cn.wushe.notifications.internal.Inbox;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Page;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in user's inbox (我的通知): newest first, unread in bold, each entry opening its object
 * (and so marked read), mark one or all read; and the stream that keeps the top bar's unread count
 * current. Every user may see their own inbox and nobody else's.
 */
@Controller
class InboxPages {

    static final int PAGE_SIZE = 20;

    private final Inbox inbox;
    private final InboxStreams streams;

    InboxPages(Inbox inbox, InboxStreams streams) {
        this.inbox = inbox;
        this.streams = streams;
    }

    @GetMapping("/notifications")
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<Inbox.Entry> entries = inbox.page(CurrentActor.get(), Math.max(0, page), PAGE_SIZE);
        model.addAttribute("entries", entries);
        model.addAttribute("unread", inbox.unreadCount(CurrentActor.get().id()));
        return "notifications/inbox";
    }

    /** Opens the entry's object and marks it read; someone else's entry is not found. */
    @GetMapping("/notifications/{id}")
    @PreAuthorize("isAuthenticated()")
    String open(@PathVariable UUID id) {
        return "redirect:" + inbox.markRead(CurrentActor.get(), id).link();
    }

    @PostMapping("/notifications/{id}/read")
    @PreAuthorize("isAuthenticated()")
    String markRead(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page) {
        inbox.markRead(CurrentActor.get(), id);
        return "redirect:/notifications?page=" + Math.max(0, page);
    }

    @PostMapping("/notifications/read-all")
    @PreAuthorize("isAuthenticated()")
    String markAllRead() {
        inbox.markAllRead(CurrentActor.get());
        return "redirect:/notifications";
    }

    /** Server-sent events: {@code unread} with the badge text at once and after each change. */
    @GetMapping(path = "/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("isAuthenticated()")
    SseEmitter stream(HttpSession session) {
        return streams.open(CurrentActor.get().id(), session.getId());
    }
}
