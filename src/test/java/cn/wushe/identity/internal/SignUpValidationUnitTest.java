package cn.wushe.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.personal.IdentityNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sign-up form's rules, field by field, each refusal with its Chinese message. */
class SignUpValidationUnitTest {

    static final String COMMUNITY = "610527001001";
    static final String VALID_ID = "61052719800101001" + IdentityNumber.checkCharacter("61052719800101001");
    static final String WRONG_CHECK = "61052719800101001" + (IdentityNumber.checkCharacter("61052719800101001") == '0' ? '1' : '0');
    static final String PASSWORD = "Gq7#pLm2xZ";

    final SignUpValidation validation = new SignUpValidation(new PasswordPolicy(), Set.of(COMMUNITY)::contains,
            Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest(name = "{0} name={1} phone={2} id={3} community={4} password={5}/{6} → {7}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            RESIDENT  | 王丽   | 13912345678     | -        | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | OK
            RESIDENT  | 王丽   | 139 1234 5678   | -        | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | OK
            RESIDENT  | 王丽   | +86 13912345678 | -        | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | OK
            RESIDENT  | 王丽   | 13912345678     | VALID    | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | OK
            VOLUNTEER | 王丽   | 13912345678     | VALID    | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | OK
            VOLUNTEER | 王丽   | 13912345678     | -        | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | identityNumber
            VOLUNTEER | 王丽   | 13912345678     | WRONG    | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | identityNumber
            RESIDENT  | 王丽   | 13912345678     | WRONG    | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | identityNumber
            RESIDENT  | -      | 13912345678     | -        | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | realName
            RESIDENT  | 王丽2  | 13912345678     | -        | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | realName
            RESIDENT  | 王丽   | -               | -        | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | phone
            RESIDENT  | 王丽   | 0913-1234567    | -        | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | phone
            RESIDENT  | 王丽   | 12912345678     | -        | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | phone
            RESIDENT  | 王丽   | 13912345678     | -        | -            | Gq7#pLm2xZ  | Gq7#pLm2xZ  | communityCode
            RESIDENT  | 王丽   | 13912345678     | -        | 610527001999 | Gq7#pLm2xZ  | Gq7#pLm2xZ  | communityCode
            RESIDENT  | 王丽   | 13912345678     | -        | 610527001    | Gq7#pLm2xZ  | Gq7#pLm2xZ  | communityCode
            RESIDENT  | 王丽   | 13912345678     | -        | 610527001001 | short1A     | short1A     | password
            RESIDENT  | 王丽   | 13912345678     | -        | 610527001001 | P@ssw0rd    | P@ssw0rd    | password
            RESIDENT  | 王丽   | 13912345678     | -        | 610527001001 | Ab#13912345678 | Ab#13912345678 | password
            RESIDENT  | 王丽   | 13912345678     | -        | 610527001001 | Gq7#pLm2xZ  | Gq7#pLm2xY  | repeatPassword
            RESIDENT  | -      | -               | WRONG    | -            | -           | -           | realName,phone,identityNumber,communityCode,password
            """)
    void refusesEachBadFieldWithItsMessage(SignUpKind kind, String name, String phone, String id, String community,
            String password, String repeat, String expected) {
        String idNumber = id == null ? null : id.equals("VALID") ? VALID_ID : WRONG_CHECK;
        SignUpValidation.Application form = new SignUpValidation.Application(kind, name, phone, idNumber, community,
                password, repeat);
        if (expected.equals("OK")) {
            SignUpValidation.Valid valid = validation.check(form);
            assertThat(valid.phone().digits()).isEqualTo("13912345678");
            assertThat(valid.identityNumber() == null).isEqualTo(idNumber == null);
            return;
        }
        DomainException refused = catchThrowableOfType(DomainException.class, () -> validation.check(form));
        List<String> fields = Arrays.asList(expected.split(","));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldErrors()).containsOnlyKeys(fields);
        assertThat(refused.fieldErrors().values()).allMatch(message -> message.codePoints().anyMatch(
                c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
    }

    @Test
    void aPasswordContainingThePhoneNumberIsNamedAsSuch() {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> validation.check(
                new SignUpValidation.Application(SignUpKind.RESIDENT, "王丽", "13912345678", null, COMMUNITY,
                        "Ab#13912345678", "Ab#13912345678")));

        assertThat(refused.fieldErrors().get("password")).contains("手机号");
    }

    @Test
    void aResidentScopeIsTheCommunityAVolunteerTheRolesOwnLevel() {
        assertThat(SignUpKind.RESIDENT.scopeFor(COMMUNITY)).isEqualTo(COMMUNITY);
        assertThat(SignUpKind.VOLUNTEER.scopeFor(COMMUNITY)).isEqualTo("610527");
    }
}
