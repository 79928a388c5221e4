package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The restore command: {@code --wushe.restore.from=<backup dir> --wushe.data-dir=<new, empty dir>
 * [--wushe.restore.until=<time>] [--wushe.restore.keys=<keys backup dir>]} (wrapped by
 * {@code bin/restore}). Restores before anything else starts, prints the rows per module, then lets
 * the application start on the restored directory as the audit verify command
 * ({@code wushe.audit.verify}), which checks every hash chain and ends the process: 0 restored and
 * intact, 3 chain broken, 2 refused (nothing changed).
 */
public class RestoreCommand implements EnvironmentPostProcessor, Ordered {

    static final String FROM = "wushe.restore.from";
    static final int REFUSED = 2;

    @Override
    public int getOrder() {
        // before EmbeddedPostgresEnvironment starts the server on the data directory
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String from = env.getProperty(FROM, "");
        if (from.isBlank()) {
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path target = Path.of(env.getProperty("wushe.data-dir", "./data"));
        String until = env.getProperty("wushe.restore.until", "");
        try {
            Instant pointInTime = until.isBlank() ? null : Restore.parseTime(until);
            new Restore(Path.of(from), target, pointInTime, out, ServerStart.serverAccount(env)).run();
            String keys = env.getProperty("wushe.restore.keys", "");
            if (!keys.isBlank()) {
                copyKeys(Path.of(keys), target.resolve("keys"));
            }
        } catch (java.time.format.DateTimeParseException e) {
            System.err.println(Messages.text("platform.restore.refused", e.getMessage()));
            System.exit(REFUSED);
        } catch (Restore.RestoreRefused e) {
            System.err.println(e.getMessage());
            System.exit(REFUSED);
        }
        out.println(Messages.text("platform.restore.verifying"));
        env.getPropertySources().addFirst(new MapPropertySource("wusheRestoreCommand", Map.of(
                "wushe.audit.verify", "true",
                "server.port", "-1",
                "spring.main.banner-mode", "off",
                "wushe.backup.enabled", "false")));
    }

    private static void copyKeys(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new Restore.RestoreRefused(Messages.text("platform.restore.keys-unreadable", from), e);
        }
    }
}
