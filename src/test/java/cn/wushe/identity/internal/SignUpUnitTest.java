package cn.wushe.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.personal.PhoneNumber;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which transitions a sign-up allows from each status. */
class SignUpUnitTest {

    static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @ParameterizedTest(name = "{0} then {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            PENDING   | confirm  | CONFIRMED
            PENDING   | reject   | REJECTED
            PENDING   | withdraw | WITHDRAWN
            REJECTED  | withdraw | WITHDRAWN
            REJECTED  | confirm  | signup-decided
            CONFIRMED | reject   | signup-decided
            CONFIRMED | withdraw | signup-decided
            WITHDRAWN | confirm  | signup-decided
            WITHDRAWN | withdraw | signup-decided
            """)
    void transitions(SignUpStatus from, String action, String expected) {
        SignUp signUp = new SignUp(UUID.randomUUID(), UUID.randomUUID(), SignUpKind.RESIDENT, from, "王丽",
                new PhoneNumber("13912345678"), null, "610527001001", NOW, null, null, null, 0);
        Runnable transition = switch (action) {
            case "confirm" -> () -> signUp.confirm(UUID.randomUUID(), NOW);
            case "reject" -> () -> signUp.reject(UUID.randomUUID(), "经核实不在本社区居住", NOW);
            default -> () -> signUp.withdraw(NOW);
        };
        if (expected.equals("signup-decided")) {
            DomainException refused = catchThrowableOfType(DomainException.class, transition::run);
            assertThat(refused.type()).isEqualTo(ProblemType.SIGNUP_DECIDED);
            assertThat(signUp.status()).isEqualTo(from);
        } else {
            transition.run();
            assertThat(signUp.status()).isEqualTo(SignUpStatus.valueOf(expected));
            assertThat(signUp.restrictsAccount()).isEqualTo(signUp.status() != SignUpStatus.CONFIRMED);
        }
    }

    @ParameterizedTest(name = "reason [{0}] → {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -      | reason
            '   '  | reason
            不在本社区 | OK
            """)
    void aRejectionNeedsAReason(String reason, String expected) {
        SignUp signUp = new SignUp(UUID.randomUUID(), UUID.randomUUID(), SignUpKind.RESIDENT, SignUpStatus.PENDING, "王丽",
                new PhoneNumber("13912345678"), null, "610527001001", NOW, null, null, null, 0);
        if (expected.equals("OK")) {
            signUp.reject(UUID.randomUUID(), reason, NOW);
            assertThat(signUp.rejectReason()).isEqualTo(reason);
        } else {
            DomainException refused = catchThrowableOfType(DomainException.class, () -> signUp.reject(UUID.randomUUID(), reason, NOW));
            assertThat(refused.fieldErrors()).containsOnlyKeys(expected);
            assertThat(signUp.status()).isEqualTo(SignUpStatus.PENDING);
        }
    }
}
