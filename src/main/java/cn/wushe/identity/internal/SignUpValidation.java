package cn.wushe.identity.internal;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.PhoneNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What a sign-up form must hold, checked in one pass so that every refused field gets its Chinese
 * message at once: a real name, a mainland mobile number, a password the {@link PasswordPolicy}
 * accepts (and that does not contain the phone number), typed twice alike, a community (村/社区)
 * of the region tree, and for volunteers an identity number valid under GB 11643 (residents may
 * give one, so that a worker can link their account to their registry record).
 */
@Component
public class SignUpValidation {

    static final int NAME_MAX = 50;

    /** A sign-up form as typed. */
    public record Application(SignUpKind kind, @Nullable String realName, @Nullable String phone,
            @Nullable String identityNumber, @Nullable String communityCode, @Nullable String password,
            @Nullable String repeatPassword) {
    }

    /** A sign-up that passed every check. */
    public record Valid(SignUpKind kind, String realName, PhoneNumber phone, @Nullable IdentityNumber identityNumber,
            String communityCode, String password) {
    }

    private final PasswordPolicy passwords;
    private final Predicate<String> communityExists;
    private final Clock clock;

    @Autowired
    SignUpValidation(PasswordPolicy passwords, RegionDirectory regions, Clock clock) {
        this(passwords, code -> regions.exists(code), clock);
    }

    SignUpValidation(PasswordPolicy passwords, Predicate<String> communityExists, Clock clock) {
        this.passwords = passwords;
        this.communityExists = communityExists;
        this.clock = clock;
    }

    /** @throws DomainException listing every refused field with its message */
    public Valid check(Application form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.realName() == null ? "" : form.realName().strip();
        if (name.isEmpty()) {
            errors.put("realName", Messages.text("identity.signup.name-required"));
        } else if (name.codePointCount(0, name.length()) > NAME_MAX
                || name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isDigit(c))) {
            errors.put("realName", Messages.text("identity.signup.name-invalid", NAME_MAX));
        }
        PhoneNumber phone = null;
        String typedPhone = form.phone() == null ? "" : form.phone().strip();
        if (typedPhone.isEmpty()) {
            errors.put("phone", Messages.text("identity.signup.phone-required"));
        } else {
            try {
                phone = PhoneNumber.mobile(typedPhone);
            } catch (DomainException e) {
                errors.put("phone", e.getMessage());
            }
        }
        IdentityNumber idNumber = null;
        String typedId = form.identityNumber() == null ? "" : form.identityNumber().strip();
        if (!typedId.isEmpty() || form.kind().needsIdentityNumber()) {
            LocalDate today = LocalDate.now(clock);
            String problem = IdentityNumber.problem(IdDocumentType.RESIDENT_ID, typedId, today);
            if (problem != null) {
                errors.put("identityNumber", problem);
            } else {
                idNumber = IdentityNumber.parse(IdDocumentType.RESIDENT_ID, typedId, today);
            }
        }
        String community = form.communityCode() == null ? "" : form.communityCode().strip();
        if (community.isEmpty()) {
            errors.put("communityCode", Messages.text("identity.signup.community-required"));
        } else if (!community.matches("[0-9]{12}") || !communityExists.test(community)) {
            errors.put("communityCode", Messages.text("identity.signup.community-unknown"));
        }
        String password = form.password() == null ? "" : form.password();
        List<PasswordPolicy.Rule> broken = passwords.violations(password, phone == null ? "" : phone.digits());
        if (!broken.isEmpty()) {
            errors.put("password", broken.stream()
                    .map(rule -> rule == PasswordPolicy.Rule.CONTAINS_USERNAME
                            ? Messages.text("identity.signup.password-contains-phone") : rule.message())
                    .reduce((a, b) -> a + Messages.text("identity.signup.separator") + b).orElseThrow());
        } else if (!password.equals(form.repeatPassword())) {
            errors.put("repeatPassword", Messages.text("identity.signup.passwords-differ"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new Valid(form.kind(), name, phone, idNumber, community, password);
    }
}
