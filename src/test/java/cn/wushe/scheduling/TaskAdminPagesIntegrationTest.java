package cn.wushe.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.identity.MutableClock;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.platform.web.NavigationContributor;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The system admin's task queue page, its shell entry and the queue gauges. The scheduler polls
 * once an hour here, so a deadline the test makes late stays late while the page is read.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
// a context of its own: closed after the class and kept small, so the shared test database keeps
// connection slots for the cached contexts of other classes
@TestPropertySource(properties = {"db-scheduler.polling-interval=1h", "spring.datasource.hikari.maximum-pool-size=5"})
@DirtiesContext
@Import(MutableClock.Config.class)
class TaskAdminPagesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Deadlines deadlines;
    @Autowired
    MutableClock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    List<NavigationContributor> navigation;

    final TestActor systemAdmin = TestActor.of("tasks-admin-" + UUID.randomUUID().toString().substring(0, 8),
            "SYSTEM_ADMIN", "610527", Permission.USER_MANAGE, Permission.TASK_VIEW);

    @Test
    void theSystemAdminSeesPendingAndLateDeadlinesByKindInChinese() throws Exception {
        String id = UUID.randomUUID().toString();
        deadlines.schedule(new DeadlineRef("tasks.page-late", "thing", id), clock.instant().plus(Duration.ofHours(1)));
        deadlines.schedule(new DeadlineRef("tasks.page-later", "thing", id), clock.instant().plus(Duration.ofDays(3)));
        clock.advance(Duration.ofHours(26));

        String html = mvc.perform(get("/admin/tasks").with(authentication(systemAdmin.authentication())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("<title>任务队列 - 五社联动</title>", "待触发期限", "已逾期未触发", "按类型统计的待触发期限",
                "逾期未触发", "执行失败", "最近触发");
        assertThat(html).contains("tasks.page-late", "tasks.page-later", id);
        assertThat(html).contains("已晚 <strong>1 天 1 小时</strong>");
        assertThat(html).doesNotContain("style=", "onclick");
        assertThat(meters.get("wushe.deadlines.overdue").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("wushe.deadlines.pending").gauge().value()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void othersAreRefused() throws Exception {
        TestActor auditor = TestActor.of("tasks-auditor-" + UUID.randomUUID().toString().substring(0, 8),
                "AUDIT_ADMIN", "610527", Permission.AUDIT_READ);

        mvc.perform(get("/admin/tasks").with(authentication(auditor.authentication())))
                .andExpect(status().isForbidden());
    }

    @Test
    void theShellOffersThePageToHoldersOfTaskView() {
        assertThat(navigation.stream().flatMap(c -> c.entries().stream()))
                .filteredOn(e -> e.href().equals("/admin/tasks"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.order()).isEqualTo(600);
                    assertThat(e.shownTo().test(systemAdmin)).isTrue();
                });
    }
}
