package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.audit.AuditFixture;
import cn.wushe.platform.ClockConfiguration;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

/**
 * security.md check 2: five failures within 15 minutes lock the username for 15 minutes, without
 * revealing whether the account exists. Time moves by the test clock.
 */
@IdentityIntegrationTest
class LoginLockoutIntegrationTest extends AccountTestBase {

    static final String REFUSED = "用户名或密码错误";
    static final String WRONG = "Wrong#Pass99";

    TestAccounts.Account user;

    @BeforeEach
    void setUp() {
        user = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
    }

    private void fail(String username, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            login.refusalShown(username, WRONG);
        }
    }

    private String lockedMessageForLockStartingNow() {
        LocalTime until = clock.instant().plus(Duration.ofMinutes(15)).atZone(ClockConfiguration.ZONE).toLocalTime();
        LocalTime shown = until.truncatedTo(ChronoUnit.MINUTES).equals(until)
                ? until : until.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        return "登录失败次数过多，账号已锁定，请于 " + shown.format(DateTimeFormatter.ofPattern("HH:mm")) + " 后重试";
    }

    @Test
    void wrongPasswordGivesTheGenericMessage() throws Exception {
        assertThat(login.refusalShown(user.username(), WRONG)).isEqualTo(REFUSED);
    }

    @Test
    void unknownUsernameGivesTheSameResponseAsAWrongPassword() throws Exception {
        var known = login.submit(user.username(), WRONG).getResponse();
        var unknown = login.submit("nobody-" + UUID.randomUUID(), WRONG).getResponse();
        assertThat(unknown.getStatus()).isEqualTo(known.getStatus());
        assertThat(unknown.getRedirectedUrl()).isEqualTo(known.getRedirectedUrl());
        assertThat(login.refusalShown("nobody-" + UUID.randomUUID(), WRONG)).isEqualTo(REFUSED);
    }

    @Test
    void unknownUsernamesAreLockedLikeKnownOnes() throws Exception {
        String ghost = "ghost" + UUID.randomUUID().toString().substring(0, 8);
        String expected = lockedMessageForLockStartingNow();
        fail(ghost, 4);
        assertThat(login.refusalShown(ghost, WRONG)).isEqualTo(expected);
        assertThat(login.refusalShown(ghost, WRONG)).isEqualTo(expected);
    }

    @Test
    void fifthFailureLocksAndEvenTheCorrectPasswordIsRefusedWithTheLockMessage() throws Exception {
        fail(user.username(), 4);
        String expected = lockedMessageForLockStartingNow();
        assertThat(login.refusalShown(user.username(), WRONG)).isEqualTo(expected);
        assertThat(login.refusalShown(user.username(), user.password())).isEqualTo(expected);
        assertThat(auditActions(user.username())).contains("LOGIN_LOCKED");
    }

    @Test
    void attemptsWhileLockedDoNotExtendTheLock() throws Exception {
        String expected = lockedMessageForLockStartingNow();
        fail(user.username(), 5);
        clock.advance(Duration.ofMinutes(10));
        assertThat(login.refusalShown(user.username(), WRONG)).isEqualTo(expected);
        assertThat(login.refusalShown(user.username(), user.password())).isEqualTo(expected);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(login.refusalShown(user.username(), user.password())).isEqualTo("SIGNED_IN");
    }

    @Test
    void lockEndsAfterItsDurationAndCountingStartsAfresh() throws Exception {
        fail(user.username(), 5);
        clock.advance(Duration.ofMinutes(15));
        assertThat(login.refusalShown(user.username(), WRONG)).isEqualTo(REFUSED);
        assertThat(login.refusalShown(user.username(), user.password())).isEqualTo("SIGNED_IN");
    }

    @Test
    void successResetsTheCounter() throws Exception {
        fail(user.username(), 4);
        login.signIn(user.username(), user.password());
        fail(user.username(), 4);
        assertThat(login.refusalShown(user.username(), user.password())).isEqualTo("SIGNED_IN");
    }

    @Test
    void failuresOutsideTheWindowAreNotAddedUp() throws Exception {
        fail(user.username(), 4);
        clock.advance(Duration.ofMinutes(16));
        fail(user.username(), 4);
        assertThat(login.refusalShown(user.username(), user.password())).isEqualTo("SIGNED_IN");
    }

    @Test
    void differentCaseCountsAgainstOneUsername() throws Exception {
        String upper = user.username().toUpperCase();
        login.refusalShown(upper, WRONG);
        login.refusalShown(user.username(), WRONG);
        login.refusalShown(upper, WRONG);
        login.refusalShown(user.username(), WRONG);
        login.refusalShown("  " + upper + " ", WRONG);
        assertThat(login.refusalShown(user.username(), user.password())).startsWith("登录失败次数过多");
    }

    @Test
    void usernameIsCaseInsensitiveAtLogin() throws Exception {
        assertThat(login.refusalShown(user.username().toUpperCase(), user.password())).isEqualTo("SIGNED_IN");
    }

    @Test
    void systemAdministratorUnlocksAndTheUnlockIsAudited() throws Exception {
        TestAccounts.Account admin = accounts.create("610527", "SYSTEM_ADMIN@610527");
        fail(user.username(), 5);
        mvc.perform(post("/api/v1/users/{id}/unlock", user.id()).with(csrf())
                .with(authentication(accounts.authentication(admin.id()))))
                .andExpect(status().isOk());
        assertThat(login.refusalShown(user.username(), user.password())).isEqualTo("SIGNED_IN");
        assertThat(AuditFixture.entriesIn(jdbc).about("USER_UNLOCK", user.id().toString())).hasSize(1);
    }

    @Test
    void disabledAccountGetsTheGenericMessage() throws Exception {
        TestAccounts.Account admin = accounts.create("610527", "SYSTEM_ADMIN@610527");
        mvc.perform(post("/api/v1/users/{id}/disable", user.id()).with(csrf())
                .with(authentication(accounts.authentication(admin.id()))))
                .andExpect(status().isOk());
        assertThat(login.refusalShown(user.username(), user.password())).isEqualTo(REFUSED);
    }

    @Test
    void failuresAndSuccessesAreAuditedWithoutThePassword() throws Exception {
        login.refusalShown(user.username(), WRONG);
        login.signIn(user.username(), user.password());
        assertThat(auditActions(user.username())).contains("LOGIN_FAILURE", "LOGIN_SUCCESS");
        assertThat(AuditFixture.entriesIn(jdbc).mentioning(WRONG)).isZero();
    }

    private java.util.List<String> auditActions(String username) {
        return AuditFixture.entriesIn(jdbc).byActor(username.toLowerCase()).stream().map(AuditFixture.Entry::action).toList();
    }
}
