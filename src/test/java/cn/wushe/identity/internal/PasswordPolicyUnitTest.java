package cn.wushe.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.identity.internal.PasswordPolicy.Rule;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** security.md check 1: length, classes, username, common list; one Chinese message per rule. */
class PasswordPolicyUnitTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest(name = "{0} for {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Gq7#pLm2xZ           | wangli    | OK
            gq7#plm2xz           | wangli    | OK
            GQ7PLM2XZA           | wangli    | TOO_FEW_CLASSES
            Gq7pLm2xZ            | wangli    | OK
            Aa1!                 | wangli    | TOO_SHORT
            Aa1!aaa              | wangli    | TOO_SHORT
            Aa1!aaaa             | wangli    | OK
            abcdefghij           | wangli    | TOO_FEW_CLASSES
            abcdefgh12           | wangli    | TOO_FEW_CLASSES
            ABCDEFGH!!           | wangli    | TOO_FEW_CLASSES
            12345678             | wangli    | TOO_FEW_CLASSES,COMMON
            87654321             | wangli    | TOO_FEW_CLASSES
            x9#Wangli2026        | wangli    | CONTAINS_USERNAME
            x9#WANGLI2026        | WangLi    | CONTAINS_USERNAME
            P@ssw0rd             | wangli    | COMMON
            p@ssW0rd             | wangli    | COMMON
            Admin@123            | wangli    | COMMON
            Demo@2026            | wangli    | COMMON
            Aa123456             | wangli    | COMMON
            1qaz@WSX             | wangli    | COMMON
            123456               | wangli    | TOO_SHORT,TOO_FEW_CLASSES,COMMON
            Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!x | wangli | TOO_LONG
            Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!  | wangli | OK
            密码很长但是只有中文字符   | wangli    | TOO_FEW_CLASSES
            安全密码Aa1!            | wangli    | OK
            """)
    void judgesPasswords(String password, String username, String expected) {
        List<Rule> rules = "OK".equals(expected) ? List.of()
                : Arrays.stream(expected.split(",")).map(Rule::valueOf).toList();
        assertThat(policy.violations(password, username)).containsExactlyElementsOf(rules);
    }

    @Test
    void everyRuleHasAChineseMessage() {
        for (Rule rule : Rule.values()) {
            assertThat(rule.message()).matches(".*[\\u4e00-\\u9fa5].*");
        }
    }

    @Test
    void shipsAboutAHundredCommonPasswords() {
        long listed = Arrays.stream(new String[] {"123456", "password", "P@ssw0rd", "Qwer1234", "Abc@123"})
                .filter(policy::isCommon).count();
        assertThat(listed).isEqualTo(5);
    }

    @Test
    void initialPasswordsAlwaysSatisfyThePolicy() {
        for (int i = 0; i < 500; i++) {
            String password = Secrets.initialPassword();
            assertThat(password).hasSize(14);
            assertThat(PasswordPolicy.characterClasses(password)).isEqualTo(4);
        }
    }
}
