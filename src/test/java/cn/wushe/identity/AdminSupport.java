package cn.wushe.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Calls of the administration API as a given account, and grids to grant grid worker roles on. */
final class AdminSupport {

    private final MockMvc mvc;
    private final TestAccounts accounts;
    private final JdbcClient jdbc;

    AdminSupport(MockMvc mvc, TestAccounts accounts, JdbcClient jdbc) {
        this.mvc = mvc;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    RequestPostProcessor as(TestAccounts.Account account) {
        return authentication(accounts.authentication(account.id()));
    }

    ResultActions grant(TestAccounts.Account admin, UUID userId, String role, String scope) throws Exception {
        return mvc.perform(post("/api/v1/users/{id}/roles", userId).with(csrf()).with(as(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"" + role + "\",\"scopeCode\":\"" + scope + "\"}"));
    }

    /** A new active grid in the community, made through the region module's API by a county administrator. */
    String newGrid(String communityCode) throws Exception {
        TestAccounts.Account countyAdmin = accounts.create(communityCode.substring(0, 6),
                "COUNTY_ADMIN@" + communityCode.substring(0, 6));
        String body = mvc.perform(post("/api/v1/grids").with(csrf()).with(as(countyAdmin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"communityCode\":\"" + communityCode + "\",\"name\":\"测试网格"
                                + UUID.randomUUID().toString().substring(0, 6) + "\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.code");
    }

    /** Audit entries of one action on one object, newest first, as "OUTCOME|detail|reason". */
    java.util.List<String> audited(String action, UUID objectId) {
        return AuditFixture.entriesIn(jdbc).about(action, objectId.toString()).reversed().stream()
                .map(e -> e.outcome() + "|" + nz(e.detail()) + "|" + nz(e.reason())).toList();
    }

    private static String nz(@org.jspecify.annotations.Nullable String text) {
        return text == null ? "" : text;
    }
}
