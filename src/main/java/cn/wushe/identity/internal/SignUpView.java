package cn.wushe.identity.internal;

import cn.wushe.platform.personal.IdentityNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sign-up as shown to the applicant and to workers: phone and identity number masked, and the
 * age instead of the birth date, which beside the masked number would give most of it away.
 */
public record SignUpView(UUID id, String kind, String kindLabel, String status, String statusLabel, String realName,
        String maskedPhone, @Nullable String maskedIdentityNumber, @Nullable Integer age, String communityCode,
        String communityName, Instant submittedAt, @Nullable Instant decidedAt, @Nullable String rejectReason,
        long version) {

    static SignUpView of(SignUp signUp, RegionDirectory regions, LocalDate today) {
        IdentityNumber number = signUp.identityNumber();
        return new SignUpView(signUp.id(), signUp.kind().name(), signUp.kind().label(), signUp.status().name(),
                signUp.status().label(), signUp.realName(), signUp.phone().masked(),
                number == null ? null : number.masked(),
                number == null ? null : Period.between(number.birthDate(), today).getYears(),
                signUp.communityCode(), shortName(regions.describe(signUp.communityCode())), signUp.submittedAt(),
                signUp.decidedAt(), signUp.rejectReason(), signUp.version());
    }

    /** Town and community (城关街道/道北社区居委会): the province, city and county are the same for everyone here. */
    static String shortName(String fullName) {
        String[] parts = fullName.split("/");
        return parts.length <= 2 ? fullName : parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }

    /** The applicant may withdraw while waiting and after a rejection. */
    public boolean withdrawable() {
        return "PENDING".equals(status) || "REJECTED".equals(status);
    }
}
