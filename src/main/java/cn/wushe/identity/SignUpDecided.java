package cn.wushe.identity;

import java.util.UUID;

/**
 * A worker confirmed or rejected a self-service sign-up (注册申请). Published through the outbox, so
 * the notifications module can tell the applicant by text message once a gateway exists (there is
 * none yet: the applicant learns the decision on their status page). Carries no personal data; the
 * number to write to comes from {@link SignUpContacts}.
 *
 * @param kind    {@code RESIDENT} or {@code VOLUNTEER}
 * @param outcome {@code CONFIRMED} or {@code REJECTED}
 */
public record SignUpDecided(UUID signUpId, UUID userId, String kind, String outcome, String communityCode) {
}
