package cn.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action and object code that main code writes to the audit log has its Chinese label
 * ({@code audit.action.*}, {@code audit.object.*}), so the audit page never shows a raw code, and the
 * action filter offers no label that nothing writes.
 *
 * <p>Codes are read from the sources: in a file that builds an {@link AuditEvent}, the object type is
 * the literal second argument (or a constant named {@code OBJECT_TYPE}); every other upper-case
 * literal with an underscore, and the literal first argument, is an action. That catches actions
 * handed through a helper ({@code record("LOGIN_FAILURE", …)}, {@code managed(admin, id, "USER_DISABLE", …)}).
 */
class AuditActionLabelsUnitTest {

    private static final Path MAIN_JAVA = Path.of("src/main/java");
    private static final Pattern EVENT_CALL = Pattern.compile(
            "(?:AuditEvent\\.success|new AuditEvent)\\(\\s*(\"([A-Z][A-Z0-9_]*)\"|[^,()]+),\\s*(?:\"([A-Z][A-Z0-9_]*)\")?");
    private static final Pattern OBJECT_CONSTANT = Pattern.compile("OBJECT_TYPE\\s*=\\s*\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern CODE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");

    @Test
    void everyActionWrittenHasAChineseName() {
        Codes codes = codesInMainCode();

        assertThat(codes.actions()).as("action codes found").contains("PERSON_LIST", "LOGIN_FAILURE", "USER_DISABLE");
        assertThat(codes.actions().stream().filter(code -> !Messages.has("audit.action." + code)).toList())
                .as("actions written without an audit.action.* key in messages.properties")
                .isEmpty();
    }

    @Test
    void everyObjectTypeWrittenHasAChineseName() {
        Codes codes = codesInMainCode();

        assertThat(codes.objectTypes()).contains("PERSON", "AUDIT_LOG", "ROLE_ASSIGNMENT");
        assertThat(codes.objectTypes().stream().filter(code -> !Messages.has("audit.object." + code)).toList())
                .as("object types written without an audit.object.* key in messages.properties")
                .isEmpty();
    }

    @Test
    void theActionFilterOffersOnlyActionsTheCodeWrites() {
        Set<String> written = codesInMainCode().actions();

        assertThat(Messages.keysStartingWith("audit.action.").stream()
                .map(key -> key.substring("audit.action.".length()))
                .filter(code -> !written.contains(code)).toList())
                .as("audit.action.* keys for codes nothing writes")
                .isEmpty();
    }

    private record Codes(Set<String> actions, Set<String> objectTypes) {
    }

    private static Codes codesInMainCode() {
        Set<String> actions = new TreeSet<>();
        Set<String> objectTypes = new TreeSet<>();
        List<String> auditingSources = javaFiles().stream().map(AuditActionLabelsUnitTest::read)
                .filter(source -> source.contains("AuditEvent")).toList();
        for (String source : auditingSources) {
            Matcher call = EVENT_CALL.matcher(source);
            while (call.find()) {
                if (call.group(2) != null) {
                    actions.add(call.group(2));
                }
                if (call.group(3) != null) {
                    objectTypes.add(call.group(3));
                }
            }
            OBJECT_CONSTANT.matcher(source).results().forEach(m -> objectTypes.add(m.group(1)));
        }
        for (String source : auditingSources) {
            CODE_LITERAL.matcher(source).results().map(m -> m.group(1))
                    .filter(code -> !objectTypes.contains(code))
                    .forEach(actions::add);
        }
        return new Codes(actions, objectTypes);
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> walk = Files.walk(MAIN_JAVA)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
