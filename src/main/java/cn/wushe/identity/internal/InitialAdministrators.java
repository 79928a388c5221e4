package cn.wushe.identity.internal;

import cn.wushe.identity.internal.Role;
import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new deployment (not demo mode) needs someone to open the first accounts: for each of the three
 * separated administrators that no account of the home county holds yet, one account is opened
 * with a random initial password that must be changed at first login. The passwords go to a file
 * readable by its owner only ({@code ${wushe.data-dir}/initial-administrators.txt}), never to the
 * log; the log says where it is.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "wushe.identity.initial-administrators", havingValue = "true", matchIfMissing = true)
class InitialAdministrators implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(InitialAdministrators.class);

    private final RoleAssignments assignments;
    private final UserAccounts accounts;
    private final SeededAccounts seeding;
    private final TransactionTemplate transaction;
    private final String homeCounty;
    private final Path file;
    private final boolean demo;

    InitialAdministrators(RoleAssignments assignments, UserAccounts accounts, SeededAccounts seeding,
            TransactionTemplate transaction, @Value("${wushe.home-county}") String homeCounty,
            @Value("${wushe.data-dir}") String dataDir, @Value("${wushe.demo.enabled:false}") boolean demo) {
        this.assignments = assignments;
        this.accounts = accounts;
        this.seeding = seeding;
        this.transaction = transaction;
        this.homeCounty = homeCounty;
        this.file = Path.of(dataDir, "initial-administrators.txt");
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (DemoAccounts.Seed seed : List.of(
                new DemoAccounts.Seed("admin_sys", Messages.text("identity.role.SYSTEM_ADMIN"), homeCounty, Role.SYSTEM_ADMIN, homeCounty),
                new DemoAccounts.Seed("admin_sec", Messages.text("identity.role.SECURITY_ADMIN"), homeCounty, Role.SECURITY_ADMIN, homeCounty),
                new DemoAccounts.Seed("admin_audit", Messages.text("identity.role.AUDIT_ADMIN"), homeCounty, Role.AUDIT_ADMIN, homeCounty))) {
            if (assignments.anyHolds(seed.role(), homeCounty)
                    || accounts.findByUsername(Username.normalize(seed.username())).isPresent()) {
                continue;
            }
            String password = Secrets.initialPassword();
            transaction.executeWithoutResult(status -> seeding.open(seed, password, Messages.text("identity.initial-admins.opened-by")));
            lines.add(seed.role().label() + "\t" + seed.username() + "\t" + password);
        }
        if (!lines.isEmpty()) {
            write(lines);
            LOG.info("已开设初始管理员账号 {} 个，初始密码见 {}（仅本机所有者可读；首次登录须修改密码，登录后请删除该文件）",
                    lines.size(), file.toAbsolutePath());
        }
    }

    private void write(List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("identity.initial-admins.write-failed", file), e);
        }
    }
}
