package cn.wushe.registry;

import static cn.wushe.registry.RegionFixture.GONGNONG;
import static cn.wushe.registry.RegionFixture.NEIGHBOUR_COUNTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.platform.personal.PhoneNumber;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 关联居民账号: only a worker links a resident's signed-up account to the registry record, choosing
 * among the resident sign-ups of the record's community (same identity number first); workers of
 * another community or county find neither the page nor the account (404).
 */
class ResidentAccountLinkIntegrationTest extends RegistryIntegrationTestBase {

    /**
     * 环南, a community no other test signs anybody up in: the identity tests' sign-ups are encrypted
     * under that context's key, which this context (fixed registry test keys) cannot read.
     */
    static final String HUANNAN = "610527001003";
    static final TestActor LINKER = RegistryFixtures.actor("linker", "COMMUNITY_WORKER", Map.of(
            Permission.PERSON_EDIT, HUANNAN, Permission.PERSON_VIEW, HUANNAN, Permission.SIGNUP_CONFIRM, HUANNAN));
    static final TestActor SIBLING = RegistryFixtures.actor("sibling-linker", "COMMUNITY_WORKER", Map.of(
            Permission.PERSON_EDIT, GONGNONG, Permission.PERSON_VIEW, GONGNONG, Permission.SIGNUP_CONFIRM, GONGNONG));
    static final TestActor NEIGHBOUR = RegistryFixtures.actor("neighbour-linker", "COUNTY_ADMIN", Map.of(
            Permission.PERSON_EDIT, NEIGHBOUR_COUNTY, Permission.PERSON_VIEW, NEIGHBOUR_COUNTY,
            Permission.SIGNUP_CONFIRM, NEIGHBOUR_COUNTY));
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    BlindIndex index;

    UUID signUp(String idNumber, String community) throws Exception {
        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String address = "10.88.0." + ADDRESSES.incrementAndGet();
        mvc.perform(post("/signup/resident").with(csrf()).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }).param("realName", "王丽").param("phone", phone).param("identityNumber", idNumber)
                .param("communityCode", community).param("password", "Gq7#pLm2xZ").param("repeatPassword", "Gq7#pLm2xZ"))
                .andExpect(redirectedUrl("/signup/sent"));
        return jdbc.sql("select user_id from identity.sign_ups where phone_bidx = :b")
                .param("b", index.of(PhoneNumber.BLIND_INDEX_PURPOSE, phone)).query(UUID.class).single();
    }

    @Test
    void aWorkerLinksTheResidentsOwnAccountAndOthersFindNothing() throws Exception {
        String idNumber = RegistryFixtures.newIdNumber();
        PersonId person = register(LINKER, RegistryFixtures.draft(RegistryFixtures.newName(), idNumber, HUANNAN, null));
        UUID own = signUp(idNumber, HUANNAN);
        UUID neighbour = signUp("", HUANNAN);
        UUID elsewhere = signUp(idNumber, GONGNONG);
        String page = "/people/" + person.value() + "/resident-account";

        mvc.perform(get(page).with(authentication(LINKER.authentication()))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("身份证号相同")))
                .andExpect(content().string(Matchers.containsString(own.toString())))
                .andExpect(content().string(Matchers.containsString(neighbour.toString())))
                .andExpect(content().string(Matchers.not(Matchers.containsString(elsewhere.toString()))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(idNumber))));
        for (TestActor outsider : new TestActor[] {SIBLING, NEIGHBOUR}) {
            mvc.perform(get(page).with(authentication(outsider.authentication()))).andExpect(status().isNotFound());
            mvc.perform(post(page).with(authentication(outsider.authentication())).with(csrf())
                    .param("userId", own.toString())).andExpect(status().isNotFound());
        }
        // an account of another community cannot be linked to this record
        mvc.perform(post(page).with(authentication(LINKER.authentication())).with(csrf()).param("userId", elsewhere.toString()))
                .andExpect(status().isNotFound());

        mvc.perform(post(page).with(authentication(LINKER.authentication())).with(csrf()).param("userId", own.toString()))
                .andExpect(redirectedUrl(page + "?linked"));
        assertThat(jdbc.sql("select person_id from registry.resident_accounts where user_id = :u").param("u", own)
                .query(UUID.class).single()).isEqualTo(person.value());
        assertThat(audits("RESIDENT_LINK")).isPositive();
        mvc.perform(get(page).with(authentication(LINKER.authentication())))
                .andExpect(content().string(Matchers.containsString("已关联")));
    }
}
