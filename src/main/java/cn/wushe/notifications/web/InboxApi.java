package cn.wushe.notifications.web;

import cn.wushe.notifications.internal.Inbox;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own inbox (我的通知): entries newest first with the unread count, and marking one read. */
@RestController
@RequestMapping("/api/v1/notifications")
class InboxApi {

    private final Inbox inbox;

    InboxApi(Inbox inbox) {
        this.inbox = inbox;
    }

    /** One entry: {@code link} is the object's page, relative to the application. */
    record EntryResponse(UUID id, String kind, String kindLabel, String title, String text, String link,
            Instant createdAt, @Nullable Instant readAt) {

        static EntryResponse of(Inbox.Entry entry) {
            return new EntryResponse(entry.id(), entry.kind(), entry.kindLabel(), entry.title(), entry.text(),
                    entry.link(), entry.createdAt(), entry.readAt());
        }
    }

    record InboxPageResponse(List<EntryResponse> items, int page, int size, long total, long unread) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "分页列出本人的通知（最新在前）", description = "Returns the caller's own inbox, newest first, "
            + "with the number of unread entries. page is zero-based; size 1–100.")
    InboxPageResponse list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Actor actor = CurrentActor.get();
        Page<Inbox.Entry> entries = inbox.page(actor, page, size);
        return new InboxPageResponse(entries.items().stream().map(EntryResponse::of).toList(), entries.page(),
                entries.size(), entries.count(), inbox.unreadCount(actor.id()));
    }

    @PostMapping("/{id}/read")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "将本人的一条通知标为已读", description = "Idempotent: an entry read before keeps its first "
            + "read time. Another user's notice is not found (404).")
    EntryResponse markRead(@PathVariable UUID id) {
        return EntryResponse.of(inbox.markRead(CurrentActor.get(), id));
    }
}
