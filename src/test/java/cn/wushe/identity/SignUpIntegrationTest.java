package cn.wushe.identity;

import static cn.wushe.identity.LoginSupport.browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.PhoneNumber;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-up end to end through the real filter chain: a resident signs up, sees only her own status
 * until a worker of her community confirms, workers elsewhere cannot see her (404), confirmation
 * grants the role; rejection with a reason, withdrawal, a repeated phone number, a volunteer's
 * identity number taken in the county, and the per-address limit.
 */
@IdentityIntegrationTest
class SignUpIntegrationTest extends AccountTestBase {

    static final String COMMUNITY = "610527001001";
    static final String SIBLING = "610527001002";
    static final String OTHER_TOWN_COMMUNITY = "610527102001";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    BlindIndex index;

    record Applicant(String phone, String address) {
    }

    static String newPhone() {
        return "139" + String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    static String newIdentityNumber() {
        String first17 = "6105271985" + String.format("%02d%02d", 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28))
                + String.format("%03d", RANDOM.nextInt(1000));
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    /** Each test its own client address, so that the per-address limit meets only the test about it. */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10.77." + (n / 250) + "." + (1 + n % 250);
    }

    Applicant signUp(String kind, String phone, String idNumber, String community, String password) throws Exception {
        String address = newAddress();
        mvc.perform(post("/signup/" + kind).with(csrf()).with(from(address))
                        .param("realName", "王丽").param("phone", phone).param("identityNumber", idNumber)
                        .param("communityCode", community).param("password", password).param("repeatPassword", password))
                .andExpect(redirectedUrl("/signup/sent"));
        return new Applicant(phone, address);
    }

    UUID signUpId(String phone) {
        return jdbc.sql("select id from identity.sign_ups where phone_bidx = :b and status <> 'WITHDRAWN'")
                .param("b", index.of(PhoneNumber.BLIND_INDEX_PURPOSE, phone)).query(UUID.class).single();
    }

    UUID userOf(UUID signUp) {
        return jdbc.sql("select user_id from identity.sign_ups where id = :id").param("id", signUp).query(UUID.class).single();
    }

    long audited(String action, UUID object) {
        return jdbc.sql("select count(*) from audit.entries where action = :a and object_id = :o")
                .param("a", action).param("o", object.toString()).query(Long.class).single();
    }

    @Test
    void aResidentSeesOnlyHerStatusUntilAWorkerOfHerCommunityConfirms() throws Exception {
        String phone = newPhone();
        signUp("resident", phone, "", COMMUNITY, TestAccounts.PASSWORD);
        UUID id = signUpId(phone);
        UUID user = userOf(id);

        // the number is stored only encrypted, never in the account row
        assertThat(jdbc.sql("select phone_enc from identity.sign_ups where id = :id").param("id", id).query(String.class)
                .single()).doesNotContain(phone).startsWith("v");
        assertThat(jdbc.sql("select phone from identity.users where id = :id").param("id", user).query(String.class)
                .optional()).isEmpty();
        assertThat(audited("SIGNUP_SUBMIT", id)).isEqualTo(1);

        MockHttpSession applicant = login.signIn(phone, TestAccounts.PASSWORD);
        mvc.perform(get("/").with(browser(applicant))).andExpect(redirectedUrl("/signup/status"));
        mvc.perform(get("/signup/status").with(browser(applicant))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("待确认")))
                .andExpect(content().string(Matchers.containsString(phone.substring(0, 3) + "****" + phone.substring(7))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(phone))));
        for (String page : List.of("/people", "/account/tokens", "/signups", "/me", "/grids")) {
            mvc.perform(get(page).with(browser(applicant))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/grids").with(browser(applicant))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        // a worker of the sibling community, of another town, of another county: the sign-up does not exist for them
        for (String scope : List.of("COMMUNITY_WORKER@" + SIBLING, "COMMUNITY_WORKER@" + OTHER_TOWN_COMMUNITY,
                "COMMUNITY_WORKER@610526001001", "TOWN_STATION@610527102")) {
            var outsider = authentication(accounts.authentication(accounts.create(scope.substring(scope.indexOf('@') + 1), scope).id()));
            mvc.perform(get("/signups/" + id).with(outsider)).andExpect(status().isNotFound());
            mvc.perform(get("/signups").with(outsider))
                    .andExpect(content().string(Matchers.not(Matchers.containsString(id.toString()))));
            mvc.perform(post("/signups/" + id + "/confirm").with(outsider).with(csrf()).param("version", "0"))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/signups/" + id + "/reject").with(outsider).with(csrf()).param("version", "0")
                    .param("reason", "不在本社区")).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/signups/" + id).with(outsider)).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/signups/" + id + "/confirm").with(outsider).with(csrf()).header("If-Match", "\"0\""))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/signups/" + id + "/reject").with(outsider).with(csrf()).header("If-Match", "\"0\"")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"不在本社区\"}"))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/signups").with(outsider))
                    .andExpect(jsonPath("$.items[*].id", Matchers.not(Matchers.hasItem(id.toString()))));
        }

        var worker = authentication(accounts.authentication(accounts.create(COMMUNITY, "COMMUNITY_WORKER@" + COMMUNITY).id()));
        mvc.perform(get("/api/v1/signups").with(worker))
                .andExpect(jsonPath("$.items[*].id", Matchers.hasItem(id.toString())));
        mvc.perform(get("/signups").with(worker)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/signups/" + id)));
        mvc.perform(get("/api/v1/signups/" + id).with(worker)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.maskedPhone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
                .andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(post("/api/v1/signups/" + id + "/confirm").with(worker).with(csrf())).andExpect(status().isPreconditionRequired());
        mvc.perform(post("/api/v1/signups/" + id + "/confirm").with(worker).with(csrf()).header("If-Match", "\"7\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post("/api/v1/signups/" + id + "/confirm").with(worker).with(csrf()).header("If-Match", "\"0\""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(post("/api/v1/signups/" + id + "/reject").with(worker).with(csrf()).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"晚了\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(Matchers.endsWith("/signup-decided")));
        assertThat(audited("SIGNUP_CONFIRM", id)).isEqualTo(1);

        assertThat(jdbc.sql("select role || '@' || scope_code from identity.role_assignments where user_id = :u")
                .param("u", user).query(String.class).list()).containsExactly("RESIDENT@" + COMMUNITY);
        // the confirmation ended the applicant's session; signed in again she is a resident
        mvc.perform(get("/signup/status").with(browser(applicant))).andExpect(redirectedUrl("/login?expired"));
        MockHttpSession resident = login.signIn(phone, TestAccounts.PASSWORD);
        mvc.perform(get("/").with(browser(resident))).andExpect(status().isOk());
        mvc.perform(get("/me").with(browser(resident))).andExpect(status().isOk());
        mvc.perform(get("/signup/status").with(browser(resident))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已确认")));
    }

    @Test
    void aRejectionNeedsAReasonTheApplicantReadsAndAWithdrawalFreesTheNumber() throws Exception {
        String phone = newPhone();
        signUp("resident", phone, "", COMMUNITY, TestAccounts.PASSWORD);
        UUID id = signUpId(phone);
        var worker = authentication(accounts.authentication(accounts.create(COMMUNITY, "COMMUNITY_WORKER@" + COMMUNITY).id()));

        mvc.perform(post("/signups/" + id + "/reject").with(worker).with(csrf()).param("version", "0").param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("请写明不通过的原因")));
        mvc.perform(post("/signups/" + id + "/reject").with(worker).with(csrf()).param("version", "0")
                        .param("reason", "经核实不在本社区居住"))
                .andExpect(redirectedUrl("/signups/" + id + "?rejected"));
        assertThat(audited("SIGNUP_REJECT", id)).isEqualTo(1);

        MockHttpSession applicant = login.signIn(phone, TestAccounts.PASSWORD);
        mvc.perform(get("/signup/status").with(browser(applicant)))
                .andExpect(content().string(Matchers.containsString("经核实不在本社区居住")))
                .andExpect(content().string(Matchers.containsString("未通过")));
        mvc.perform(get("/people").with(browser(applicant))).andExpect(status().isForbidden());

        mvc.perform(post("/signup/withdraw").with(browser(applicant)).with(csrf()).param("version", "1"))
                .andExpect(redirectedUrl("/signup/sent?withdrawn"));
        assertThat(login.refusalShown(phone, TestAccounts.PASSWORD)).isNotEqualTo("SIGNED_IN");
        assertThat(audited("SIGNUP_WITHDRAW", id)).isEqualTo(1);

        // the number is free again: a new sign-up with it is a new account
        signUp("resident", phone, "", COMMUNITY, "Np4%wRt8Yq");
        assertThat(signUpId(phone)).isNotEqualTo(id);
        login.signIn(phone, "Np4%wRt8Yq");
    }

    @Test
    void aNumberAlreadySignedUpGetsTheSameAnswerAndChangesNothing() throws Exception {
        String phone = newPhone();
        signUp("resident", phone, "", COMMUNITY, TestAccounts.PASSWORD);
        UUID first = signUpId(phone);

        signUp("volunteer", phone, newIdentityNumber(), SIBLING, "Np4%wRt8Yq");

        assertThat(signUpId(phone)).isEqualTo(first);
        assertThat(audited("SIGNUP_REPEATED", userOf(first))).isEqualTo(1);
        assertThat(login.refusalShown(phone, "Np4%wRt8Yq")).isNotEqualTo("SIGNED_IN");
        login.signIn(phone, TestAccounts.PASSWORD);
        // the number as people write it signs in too, and counts failures under the same key
        login.signIn("+86 " + phone.substring(0, 3) + "-" + phone.substring(3), TestAccounts.PASSWORD);
        login.refusalShown("+86 " + phone, "Wrong#Pass1");
        assertThat(jdbc.sql("select failures from identity.login_failures where username_normalized = :k and client_address = ''")
                .param("k", phone).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aVolunteersIdentityNumberSignsUpOncePerCounty() throws Exception {
        String idNumber = newIdentityNumber();
        String firstPhone = newPhone();
        signUp("volunteer", firstPhone, idNumber, COMMUNITY, TestAccounts.PASSWORD);
        UUID first = signUpId(firstPhone);
        assertThat(jdbc.sql("select id_number_enc from identity.sign_ups where id = :id").param("id", first)
                .query(String.class).single()).doesNotContain(idNumber);

        String secondPhone = newPhone();
        signUp("volunteer", secondPhone, idNumber, OTHER_TOWN_COMMUNITY, TestAccounts.PASSWORD);
        assertThat(login.refusalShown(secondPhone, TestAccounts.PASSWORD)).isNotEqualTo("SIGNED_IN");
        assertThat(jdbc.sql("select count(*) from identity.sign_ups where phone_bidx = :b")
                .param("b", index.of(PhoneNumber.BLIND_INDEX_PURPOSE, secondPhone)).query(Long.class).single()).isZero();

        // the same person may still sign up as a resident
        String residentPhone = newPhone();
        signUp("resident", residentPhone, idNumber, COMMUNITY, TestAccounts.PASSWORD);
        signUpId(residentPhone);

        // a confirmed volunteer gets the role at its declared (county) level, and the age, not the birth date, is shown
        var worker = authentication(accounts.authentication(accounts.create(COMMUNITY, "COMMUNITY_WORKER@" + COMMUNITY).id()));
        mvc.perform(get("/signups/" + first).with(worker)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(" 岁")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(idNumber))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(idNumber.substring(6, 14)))));
        mvc.perform(post("/signups/" + first + "/confirm").with(worker).with(csrf()).param("version", "0"))
                .andExpect(redirectedUrl("/signups/" + first + "?confirmed"));
        assertThat(jdbc.sql("select role || '@' || scope_code from identity.role_assignments where user_id = :u")
                .param("u", userOf(first)).query(String.class).list()).containsExactly("VOLUNTEER@610527");
    }

    @Test
    void aTownStationConfirmsInItsTownOnly() throws Exception {
        String phone = newPhone();
        signUp("resident", phone, "", SIBLING, TestAccounts.PASSWORD);
        UUID id = signUpId(phone);
        var station = authentication(accounts.authentication(accounts.create("610527001", "TOWN_STATION@610527001").id()));

        mvc.perform(get("/api/v1/signups").with(station))
                .andExpect(jsonPath("$.items[*].id", Matchers.hasItem(id.toString())));
        mvc.perform(post("/api/v1/signups/" + id + "/reject").with(station).with(csrf()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"请到社区服务站核实身份\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rejectReason").value("请到社区服务站核实身份"));
    }

    @Test
    void anAddressMakingTooManyAttemptsIsToldToWaitInChinese() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/signup/resident").with(csrf()).with(from(address)).param("phone", "123"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(Matchers.containsString("请填写真实姓名")));
        }
        mvc.perform(post("/signup/resident").with(csrf()).with(from(address)).param("phone", newPhone()))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.containsString("分钟后再试")));
        mvc.perform(post("/signup/resident").with(csrf()).with(from(newAddress())).param("phone", "123"))
                .andExpect(status().isBadRequest());
        // the window slides: a quarter of an hour later the address may try again
        clock.advance(java.time.Duration.ofMinutes(15));
        mvc.perform(post("/signup/resident").with(csrf()).with(from(address)).param("phone", "123"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theFormIsPublicAndItsPostNeedsTheCsrfToken() throws Exception {
        mvc.perform(get("/signup")).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("志愿者")));
        mvc.perform(get("/signup/volunteer")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("城关街道")));
        mvc.perform(get("/signup/communities").param("townCode", "610527001")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("道北社区居委会")));
        mvc.perform(get("/signup/communities").param("townCode", "610526001")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"610526"))));
        mvc.perform(post("/signup/resident").with(from(newAddress())).param("phone", newPhone()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/signup/status").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
    }
}
