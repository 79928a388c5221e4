package cn.wushe.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The audit page: audit admins search and verify, with htmx swapping parts; others see the 404 page. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuditPageIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog log;

    final TestActor auditor = TestActor.of("page-auditor-" + UUID.randomUUID().toString().substring(0, 8),
            "AUDIT_ADMIN", "610527", Permission.AUDIT_READ);

    @Test
    void auditorSeesFiltersColumnsAndTheEntriesOfARecord() throws Exception {
        String personId = "p-" + UUID.randomUUID();
        log.record(AuditEvent.success("PERSON_UNMASK", "PERSON", personId, "610527100001").withReason("低保复核"));

        String html = mvc.perform(get("/audit").param("objectType", "PERSON").param("objectId", personId)
                        .with(authentication(auditor.authentication())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("<title>审计日志 - 五社联动</title>", "校验日志完整性", "开始时间", "操作人（用户名）",
                "对象编号", "共 <span>1</span> 条");
        assertThat(html).contains("<th scope=\"col\">时间</th>", "<th scope=\"col\">操作人</th>",
                "<th scope=\"col\">角色</th>", "<th scope=\"col\">操作</th>", "<th scope=\"col\">对象</th>",
                "<th scope=\"col\">结果</th>", "<th scope=\"col\">客户端地址</th>", "<th scope=\"col\">原因</th>");
        assertThat(html).contains("查看敏感信息原文", "低保复核", "拒绝", personId);
        assertThat(html).doesNotContain("style=", "onclick");
    }

    @Test
    void entriesReadInChineseWithACountInsteadOfIdentifiers() throws Exception {
        TestActor worker = TestActor.of("page-cw-" + UUID.randomUUID().toString().substring(0, 8),
                "COMMUNITY_WORKER", "610527100001", Permission.PERSON_VIEW);
        String ids = String.join(",", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        SecurityContextHolder.getContext().setAuthentication(worker.authentication());
        try {
            log.record(AuditEvent.success("PERSON_LIST", "PERSON", null, "610527100001").withDetail("ids=" + ids));
        } finally {
            SecurityContextHolder.clearContext();
        }

        String html = mvc.perform(get("/audit").param("actor", worker.username()).param("action", "PERSON_LIST")
                        .with(authentication(auditor.authentication())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        String table = html.substring(html.indexOf("<tbody>"));
        assertThat(table).contains("查看人员列表", "社区工作者", "人员", "共 3 人")
                .doesNotContain("PERSON_LIST", "COMMUNITY_WORKER", ids.substring(0, 36));
        assertThat(html).contains("<option value=\"PERSON_LIST\" selected=\"selected\">查看人员列表</option>",
                "<option value=\"PERSON\">人员</option>");
        assertThat(html).doesNotContain("如 LOGIN", "如 PERSON");
    }

    @Test
    void htmxSearchGetsOnlyTheSearchArea() throws Exception {
        mvc.perform(get("/audit").header("HX-Request", "true").with(authentication(auditor.authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"audit-search\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void wrongTimeIsExplainedNextToTheField() throws Exception {
        mvc.perform(get("/audit").param("from", "昨天").header("HX-Request", "true")
                        .with(authentication(auditor.authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("开始时间格式应为")))
                .andExpect(content().string(containsString("is-invalid")));
    }

    @Test
    void verificationShowsItsResult() throws Exception {
        mvc.perform(post("/audit/verify").header("HX-Request", "true").with(csrf())
                        .with(authentication(auditor.authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已校验")))
                .andExpect(content().string(containsString("各链末条")));
    }

    @Test
    void othersSeeTheOrdinaryNotFoundPage() throws Exception {
        TestActor worker = TestActor.of("page-worker", "GRID_WORKER", "610527100001001", Permission.GRID_VIEW);
        mvc.perform(get("/audit").with(authentication(worker.authentication())))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("页面不存在")));
        mvc.perform(post("/audit/verify").with(csrf()).with(authentication(worker.authentication())))
                .andExpect(status().isNotFound());
    }
}
