package cn.wushe.identity;

import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.PhoneNumber;
import java.util.Optional;
import java.util.UUID;

/**
 * What the volunteering module needs of a volunteer's own sign-up (志愿者注册) to open the profile:
 * the name, identity number, mobile and community the applicant gave, decrypted only for the
 * profile, which stores them encrypted again under its own blind index. The phone never goes to
 * {@code identity.users}.
 */
public interface VolunteerSignUps {

    /** The particulars of a confirmed volunteer sign-up. */
    record Applicant(UUID userId, String realName, IdentityNumber identityNumber, PhoneNumber mobile,
            String communityCode) {
    }

    /** The account's confirmed volunteer sign-up; empty for any other account or a sign-up not (yet) confirmed. */
    Optional<Applicant> confirmedVolunteer(UUID userId);

    /** The id of an account by its login name, for demo data linking a seeded account to its profile. */
    Optional<UUID> accountId(String username);
}
