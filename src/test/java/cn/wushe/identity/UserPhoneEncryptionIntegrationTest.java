package cn.wushe.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.identity.internal.UserAccounts;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * security.md item 10: an account's phone number is stored encrypted with a blind index; a number
 * stored in clear before is moved at start; signing in by the number keeps working.
 */
@IdentityIntegrationTest
class UserPhoneEncryptionIntegrationTest extends AccountTestBase {

    @Autowired
    UserAccounts userAccounts;

    @Test
    void aPhoneStoredInClearIsEncryptedAndStillSignsIn() throws Exception {
        TestAccounts.Account worker = accounts.create("610527001001", "COMMUNITY_WORKER@610527001001");
        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        jdbc.sql("update identity.users set phone = :p where id = :id").param("p", phone).param("id", worker.id()).update();

        assertThat(userAccounts.encryptClearPhones()).isGreaterThanOrEqualTo(1);

        var row = jdbc.sql("select coalesce(phone, '') as phone, phone_enc, phone_bidx from identity.users where id = :id")
                .param("id", worker.id()).query().singleRow();
        assertThat(row.get("phone")).isEqualTo("");
        assertThat((String) row.get("phone_enc")).startsWith("v").doesNotContain(phone);
        assertThat((String) row.get("phone_bidx")).hasSize(64).doesNotContain(phone);
        assertThat(userAccounts.find(worker.id()).orElseThrow().phone().digits()).isEqualTo(phone);
        login.signIn(phone, worker.password());
        assertThat(userAccounts.encryptClearPhones()).isZero();
    }
}
