package cn.wushe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rules that ArchUnit cannot see because they live in string constants (SQL), checked over the
 * source files of the modules under one root ({@code <root>/<module>/…/*.java}). Each rule returns
 * its violations as "file: what", empty when the code keeps it.
 */
final class SourceRules {

    /** The main code's modules, one folder each. */
    static final Path MAIN_SOURCES = Path.of("src/main/java/cn/wushe");

    /** The PostgreSQL schema each module owns; {@code platform} is shared and may be named by anyone. */
    static final Set<String> MODULE_SCHEMAS = Set.of("audit", "identity", "region", "registry");

    /** The one class allowed to build the unscoped predicate, relative to the sources' root. */
    static final Path SCOPE_FILTER = Path.of("platform/ScopeFilter.java");

    private static final Pattern BARE_UNSCOPED = Pattern.compile(
            "new\\s+(?:ScopeFilter\\s*\\.\\s*)?SqlPredicate\\s*\\(\\s*\"\\s*true\\s*\"");

    private SourceRules() {
    }

    /** SQL in one module that reads or writes a table in another module's schema. */
    static List<String> sqlNamingAnotherModulesSchema(Path root) {
        List<String> violations = new ArrayList<>();
        for (Path moduleDir : modules(root)) {
            String module = moduleDir.getFileName().toString();
            List<String> others = MODULE_SCHEMAS.stream().filter(schema -> !schema.equals(module)).sorted().toList();
            Pattern foreign = Pattern.compile("\\b(from|join|into|update)\\s+(" + String.join("|", others) + ")\\.",
                    Pattern.CASE_INSENSITIVE);
            forEachSource(moduleDir, (file, text) -> {
                Matcher m = foreign.matcher(text);
                while (m.find()) {
                    violations.add(root.relativize(file) + ": \"" + m.group().replaceAll("\\s+", " ") + "\" names schema "
                            + m.group(2).toLowerCase() + " from module " + module);
                }
            });
        }
        return violations;
    }

    /** {@code new SqlPredicate("true", …)} anywhere but in ScopeFilter, which offers {@code unscoped(reason)}. */
    static List<String> bareUnscopedPredicates(Path root) {
        List<String> violations = new ArrayList<>();
        forEachSource(root, (file, text) -> {
            if (root.relativize(file).equals(SCOPE_FILTER)) {
                return;
            }
            Matcher m = BARE_UNSCOPED.matcher(text);
            while (m.find()) {
                violations.add(root.relativize(file) + ": builds the predicate true without ScopeFilter.unscoped(reason)");
            }
        });
        return violations;
    }

    private static List<Path> modules(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface SourceVisitor {
        void visit(Path file, String text);
    }

    private static void forEachSource(Path dir, SourceVisitor visitor) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                visitor.visit(file, Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
