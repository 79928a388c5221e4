package cn.wushe.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.operations.internal.BackupJob;
import cn.wushe.operations.internal.BackupRuns;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The system admin's backup page and the alert of a failed backup. The test database archives no
 * WAL (backups off in the test profile), so a backup here is refused — which is exactly the path
 * that must reach the system admins: a REFUSED run with its reason, an audit entry, a notice.
 * Taking real backups while serving is {@code platform.db.CrashRecoveryProcessTest}'s part.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BackupPagesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    BackupJob job;
    @Autowired
    BackupRuns runs;
    @Autowired
    JdbcClient jdbc;

    final TestActor systemAdmin = TestActor.of("backup-admin-" + UUID.randomUUID().toString().substring(0, 8),
            "SYSTEM_ADMIN", "610527", Permission.USER_MANAGE, Permission.BACKUP_MANAGE);

    @Test
    void aRefusedBackupIsShownAuditedAndSentToEverySystemAdmin() throws Exception {
        UUID admin = systemAdminAccount();

        UUID run = job.run(BackupRuns.Trigger.SCHEDULE, null);

        BackupRuns.Run refused = runs.latest(20).stream().filter(r -> r.id().equals(run)).findFirst().orElseThrow();
        assertThat(refused.status()).isEqualTo(BackupRuns.Status.REFUSED);
        assertThat(refused.message()).contains("备份未开启");
        assertThat(jdbc.sql("select count(*) from audit.entries where action = 'DATABASE_BACKUP' and object_id = :id and outcome = 'FAILURE'")
                .param("id", run.toString()).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("""
                        select count(*) from notifications.inbox i join notifications.notices n on n.id = i.notice_id
                        where i.user_id = :admin and n.kind = 'operations.backup-failed'""")
                // a backup started from the page by another test method may be refused meanwhile, too
                .param("admin", admin).query(Long.class).single()).isPositive();

        String html = mvc.perform(get("/admin/backups").with(authentication(systemAdmin.authentication())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<title>数据备份 - 五社联动</title>", "备份未开启", "最近的备份任务", "被拒绝", "定时备份");
        assertThat(html).doesNotContain("style=", "onclick");
        mvc.perform(get("/admin/backups/progress").with(authentication(systemAdmin.authentication())))
                .andExpect(status().isOk());
    }

    @Test
    void othersAreRefused() throws Exception {
        TestActor auditor = TestActor.of("backup-auditor-" + UUID.randomUUID().toString().substring(0, 8),
                "AUDIT_ADMIN", "610527", Permission.AUDIT_READ);

        mvc.perform(get("/admin/backups").with(authentication(auditor.authentication())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/backups/progress").with(authentication(auditor.authentication())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/backups").with(csrf()).with(authentication(auditor.authentication())))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSystemAdminStartsABackupFromThePage() throws Exception {
        mvc.perform(post("/admin/backups").with(csrf()).with(authentication(systemAdmin.authentication())))
                .andExpect(status().is3xxRedirection());
    }

    private UUID systemAdminAccount() {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        insert into identity.users (id, username, display_name, password_hash, password_changed_at,
                            must_change_password, enabled, home_region_code, county_code, created_at)
                        values (:id, :name, '备份测试', 'x', :now, false, true, '610527', '610527', :now)""")
                .param("id", id).param("name", "bk-" + id.toString().substring(0, 8)).param("now", now).update();
        jdbc.sql("""
                        insert into identity.role_assignments (id, user_id, role, scope_code, county_code, granted_at)
                        values (:id, :user, 'SYSTEM_ADMIN', '610527', '610527', :now)""")
                .param("id", UUID.randomUUID()).param("user", id).param("now", now).update();
        return id;
    }
}
