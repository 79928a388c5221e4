package cn.wushe.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.notifications.internal.Inbox;
import cn.wushe.platform.TestActor;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;

/** The inbox: written with the caller's transaction, counted, read, and nobody else's. */
class InboxIntegrationTest extends NotificationsTestBase {

    @Autowired
    Inbox inbox;

    private static TestActor someone() {
        return TestActor.of("inbox-" + UUID.randomUUID(), "COMMUNITY_WORKER", "610527001001");
    }

    @Test
    void aNoticeSentInATransactionThatRollsBackIsNowhere() {
        TestActor reader = someone();
        NoticeId id = tx.execute(status -> {
            NoticeId sent = notifications.send(new Notice(Recipients.user(reader.id()), NotificationTestKinds.OPTIONAL,
                    "标题", "正文", "/people"));
            status.setRollbackOnly();
            return sent;
        });

        assertThat(inbox.unreadCount(reader.id())).isZero();
        assertThat(inboxRows(id)).isZero();
        assertThat(jdbc.sql("select count(*) from notifications.notices where id = :id").param("id", id.value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void sendingOutsideATransactionIsAProgrammingError() {
        assertThatThrownBy(() -> notifications.send(new Notice(Recipients.user(UUID.randomUUID()),
                NotificationTestKinds.OPTIONAL, "标题", "正文", "/people")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void anUndeclaredKindOrAnAbsoluteLinkIsRefused() {
        assertThatThrownBy(() -> tx.execute(status -> notifications.send(new Notice(Recipients.user(UUID.randomUUID()),
                NoticeKind.optional("nobody.declared", "notifications.nav.inbox"), "标题", "正文", "/people"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice(Recipients.user(UUID.randomUUID()), NotificationTestKinds.OPTIONAL,
                "标题", "正文", "//evil.example/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice(Recipients.user(UUID.randomUUID()), NotificationTestKinds.OPTIONAL,
                "标题", "正文", "https://evil.example/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice(Recipients.user(UUID.randomUUID()), NotificationTestKinds.OPTIONAL,
                "标题", "正文", "/people/{id}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSentNoticeIsCountedListedAndMarkedRead() throws Exception {
        TestActor reader = someone();
        NoticeId first = send(NotificationTestKinds.OPTIONAL, null, reader.id());
        clock.advance(java.time.Duration.ofSeconds(1));
        NoticeId second = send(NotificationTestKinds.MANDATORY, "610527001001", reader.id());

        assertThat(inbox.unreadCount(reader.id())).isEqualTo(2);
        mvc.perform(get("/api/v1/notifications").with(authentication(reader.authentication())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.unread").value(2))
                .andExpect(jsonPath("$.items[0].id").value(second.toString()))
                .andExpect(jsonPath("$.items[0].link").value("/people?grid=1"))
                .andExpect(jsonPath("$.items[0].readAt").doesNotExist());

        mvc.perform(post("/api/v1/notifications/" + first + "/read").with(authentication(reader.authentication())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt").isNotEmpty());
        assertThat(inbox.unreadCount(reader.id())).isEqualTo(1);

        mvc.perform(get("/notifications").with(authentication(reader.authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("走访逾期提醒")));
        mvc.perform(get("/notifications/" + second).with(authentication(reader.authentication())))
                .andExpect(redirectedUrl("/people?grid=1"));
        assertThat(inbox.unreadCount(reader.id())).isZero();
    }

    @Test
    void markAllReadEmptiesTheCount() throws Exception {
        TestActor reader = someone();
        send(NotificationTestKinds.OPTIONAL, null, reader.id());
        send(NotificationTestKinds.OPTIONAL, null, reader.id());

        mvc.perform(post("/notifications/read-all").with(authentication(reader.authentication())).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));

        assertThat(inbox.unreadCount(reader.id())).isZero();
    }

    @Test
    void anotherUsersNoticeIsNotFound() throws Exception {
        TestActor owner = someone();
        TestActor other = someone();
        NoticeId id = send(NotificationTestKinds.OPTIONAL, null, owner.id());

        mvc.perform(post("/api/v1/notifications/" + id + "/read").with(authentication(other.authentication())).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/problems/not-found")));
        mvc.perform(get("/notifications/" + id).with(authentication(other.authentication())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/notifications/" + id + "/read").with(authentication(other.authentication())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/notifications").with(authentication(other.authentication())))
                .andExpect(jsonPath("$.total").value(0));
        assertThat(inbox.unreadCount(owner.id())).isEqualTo(1);
    }

    @Test
    void theInboxIsPagedNewestFirst() throws Exception {
        TestActor reader = someone();
        for (int i = 0; i < 3; i++) {
            send(NotificationTestKinds.OPTIONAL, null, reader.id());
            clock.advance(java.time.Duration.ofSeconds(1));
        }
        NoticeId newest = send(NotificationTestKinds.OPTIONAL, null, reader.id());

        mvc.perform(get("/api/v1/notifications").param("size", "3").with(authentication(reader.authentication())))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].id").value(newest.toString()))
                .andExpect(jsonPath("$.total").value(4));
        mvc.perform(get("/api/v1/notifications").param("size", "3").param("page", "1").with(authentication(reader.authentication())))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/v1/notifications").param("size", "101").with(authentication(reader.authentication())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aUserWhoTurnedAKindOffGetsItNoMoreExceptAMandatoryOne() throws Exception {
        TestActor reader = someone();
        mvc.perform(post("/account/notifications").with(authentication(reader.authentication())).with(csrf())
                        .param("on", "test.mandatory/WEBHOOK"))
                .andExpect(redirectedUrl("/account/notifications?saved"));

        NoticeId optional = send(NotificationTestKinds.OPTIONAL, null, reader.id());
        NoticeId mandatory = send(NotificationTestKinds.MANDATORY, null, reader.id());

        assertThat(inboxRows(optional)).isZero();
        assertThat(inboxRows(mandatory)).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from audit.entries where action = 'NOTIFICATION_PREFERENCES_CHANGE' and object_id = :id""")
                .param("id", reader.id().toString()).query(Long.class).single()).isEqualTo(1);
        String page = mvc.perform(get("/account/notifications").with(authentication(reader.authentication())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(checkbox(page, "test.mandatory/WEBHOOK")).contains("checked");
        assertThat(checkbox(page, "test.mandatory/INBOX")).contains("checked").contains("disabled");
        assertThat(checkbox(page, "test.optional/INBOX")).doesNotContain("checked");
    }

    private static String checkbox(String page, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<input[^>]*value=\"" + java.util.regex.Pattern.quote(value)
                + "\"[^>]*>").matcher(page);
        assertThat(m.find()).as(value).isTrue();
        return m.group();
    }

    @Test
    void oneCallReachesManyUsersOnce() {
        List<UUID> many = java.util.stream.IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID()).toList();
        NoticeId id = tx.execute(status -> notifications.send(new Notice(Recipients.users(
                java.util.stream.Stream.concat(many.stream(), many.stream()).toList()),
                NotificationTestKinds.OPTIONAL, "标题", "正文", "/people")));

        assertThat(inboxRows(id)).isEqualTo(50);
    }
}
