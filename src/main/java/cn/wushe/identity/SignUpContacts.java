package cn.wushe.identity;

import cn.wushe.platform.personal.PhoneNumber;
import java.util.Optional;
import java.util.UUID;

/**
 * The seam for text messages about sign-ups: the mobile number an applicant gave, decrypted only
 * when a message is sent. No SMS gateway exists yet; the notifications module will call this from
 * its listener of {@link SignUpDecided} and {@link SignUpRepeated}.
 */
public interface SignUpContacts {

    /** The sign-up's mobile number of the account, empty for an account that did not sign up itself. */
    Optional<PhoneNumber> mobileOf(UUID userId);
}
