package cn.wushe.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.identity.internal.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * A deployment outside demo mode starts with one account per separated administrator of its home
 * county (here 富平县 610528, which no other test uses), each with a random initial password that
 * must be changed, written to an owner-only file; a second start opens nothing more.
 */
@SpringBootTest(properties = {"wushe.identity.initial-administrators=true", "wushe.home-county=610528"})
@ActiveProfiles("test")
class InitialAdministratorsIntegrationTest {

    @Autowired
    UserAccounts accounts;

    @Autowired
    RoleAssignments assignments;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    InitialAdministrators initial;

    @Test
    void opensTheThreeAdministratorsOnceWithPasswordsInAnOwnerOnlyFile() throws Exception {
        Path file = Path.of("target/test-data/initial-administrators.txt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(file).stream().filter(l -> l.contains("\tadmin_")).toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            String[] parts = line.split("\t");
            UserAccount account = accounts.findByUsername(parts[1]).orElseThrow();
            assertThat(encoder.matches(parts[2], account.passwordHash())).isTrue();
            assertThat(account.mustChangePassword()).isTrue();
            assertThat(account.homeRegionCode()).isEqualTo("610528");
        }
        assertThat(List.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN))
                .allMatch(role -> assignments.anyHolds(role, "610528"));

        initial.run(null);
        assertThat(Files.readAllLines(file).stream().filter(l -> l.contains("\tadmin_")).count()).isEqualTo(3);
    }
}
