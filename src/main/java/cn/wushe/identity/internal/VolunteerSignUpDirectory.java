package cn.wushe.identity.internal;

import cn.wushe.identity.VolunteerSignUps;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Confirmed volunteer sign-ups as the volunteering module reads them ({@link VolunteerSignUps}). */
@Service
class VolunteerSignUpDirectory implements VolunteerSignUps {

    private final SignUps signUps;
    private final UserAccounts accounts;

    VolunteerSignUpDirectory(SignUps signUps, UserAccounts accounts) {
        this.signUps = signUps;
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Applicant> confirmedVolunteer(UUID userId) {
        return signUps.ofUser(userId)
                .filter(s -> s.kind() == SignUpKind.VOLUNTEER && s.status() == SignUpStatus.CONFIRMED
                        && s.identityNumber() != null)
                .map(s -> new Applicant(s.userId(), s.realName(), s.identityNumber(), s.phone(), s.communityCode()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> accountId(String username) {
        return accounts.findByUsername(Username.normalize(username)).map(UserAccount::id);
    }
}
