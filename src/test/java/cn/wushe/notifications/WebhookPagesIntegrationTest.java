package cn.wushe.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The gateway settings page: a system admin sets their own county's gateway and sends a test notice
 * through it; another county's (other-county) and a county only partly in scope (a town admin,
 * child) are refused beside the field; other users get 403; the secret never comes back to the page.
 */
class WebhookPagesIntegrationTest extends NotificationsTestBase {

    private static final String SECRET = "page-secret-0123456789";

    private static String county() {
        return "8" + (10000 + ThreadLocalRandom.current().nextInt(89999));
    }

    @Test
    void anAdminSetsTheirCountysGatewayAndTestsIt() throws Exception {
        String county = county();
        TestActor admin = TestActor.of("admin-" + UUID.randomUUID(), "SYSTEM_ADMIN", county, Permission.USER_MANAGE);

        mvc.perform(post("/admin/notifications/webhooks").with(authentication(admin.authentication())).with(csrf())
                        .param("countyCode", county).param("url", "https://gateway.example.cn/hook")
                        .param("secret", SECRET).param("enabled", "true"))
                .andExpect(redirectedUrl("/admin/notifications/webhooks?saved=" + county));
        String page = mvc.perform(get("/admin/notifications/webhooks").with(authentication(admin.authentication())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("https://gateway.example.cn/hook").doesNotContain(SECRET);

        mvc.perform(post("/admin/notifications/webhooks/test").with(authentication(admin.authentication())).with(csrf())
                        .param("countyCode", county))
                .andExpect(redirectedUrl("/admin/notifications/webhooks?tested=" + county));
        assertThat(jdbc.sql("""
                select count(*) from notifications.inbox i join notifications.notices n on n.id = i.notice_id
                where i.user_id = :me and n.kind = 'notifications.gateway-test'""").param("me", admin.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notifications.deliveries where user_id = :me and county_code = :c")
                .param("me", admin.id()).param("c", county).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherCountyOrAPartOfOneIsRefusedBesideTheField() throws Exception {
        String county = county();
        TestActor admin = TestActor.of("admin-" + UUID.randomUUID(), "SYSTEM_ADMIN", county, Permission.USER_MANAGE);
        TestActor townAdmin = TestActor.of("admin-" + UUID.randomUUID(), "SYSTEM_ADMIN", county + "001", Permission.USER_MANAGE);
        String other = county();

        for (var attempt : new Object[][] {{admin, other}, {townAdmin, county}}) {
            TestActor actor = (TestActor) attempt[0];
            String target = (String) attempt[1];
            String page = mvc.perform(post("/admin/notifications/webhooks").with(authentication(actor.authentication())).with(csrf())
                            .param("countyCode", target).param("url", "https://gateway.example.cn/hook")
                            .param("secret", SECRET).param("enabled", "true"))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("countyCode-error");
            mvc.perform(post("/admin/notifications/webhooks/test").with(authentication(actor.authentication())).with(csrf())
                            .param("countyCode", target))
                    .andExpect(status().isBadRequest());
        }
        assertThat(jdbc.sql("select count(*) from notifications.webhooks where county_code in (:a, :b)")
                .param("a", county).param("b", other).query(Long.class).single()).isZero();
    }

    @Test
    void aBadAddressOrAShortSecretIsRefused() throws Exception {
        String county = county();
        TestActor admin = TestActor.of("admin-" + UUID.randomUUID(), "SYSTEM_ADMIN", county, Permission.USER_MANAGE);

        String page = mvc.perform(post("/admin/notifications/webhooks").with(authentication(admin.authentication())).with(csrf())
                        .param("countyCode", county).param("url", "ftp://user:pw@gateway/").param("secret", "short"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("url-error").contains("secret-error");
    }

    @Test
    void aUserWithoutUserManageIsForbidden() throws Exception {
        TestActor worker = TestActor.of("worker-" + UUID.randomUUID(), "COMMUNITY_WORKER", "610527001001", Permission.PERSON_VIEW);

        mvc.perform(get("/admin/notifications/webhooks").with(authentication(worker.authentication())))
                .andExpect(status().isForbidden());
    }
}
