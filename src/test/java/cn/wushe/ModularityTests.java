package cn.wushe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.SpringBean;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds, and its documentation in docs/modules is current. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(WusheApplication.class);
    static final Path DOCS = Path.of("docs/modules");

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresItsAllowedDependencies() {
        assertThat(MODULES.stream().map(module -> module.getBasePackage().getName()))
                .contains("cn.wushe.platform", "cn.wushe.registry")
                .allSatisfy(module -> assertThat(declaresAllowedDependencies(moduleAnnotation(module)))
                        .as("@ApplicationModule(allowedDependencies = …) in %s.package-info", module).isTrue());
    }

    @Test
    void anOpenModuleIsRejected() throws NoSuchMethodException {
        String[] undeclared = (String[]) ApplicationModule.class.getMethod("allowedDependencies").getDefaultValue();
        assertThat(declaresAllowedDependencies(undeclared)).isFalse();
        assertThat(declaresAllowedDependencies(null)).isFalse();
        assertThat(declaresAllowedDependencies(new String[0])).isTrue();
    }

    /** A module that names no allowed dependencies is open to all (Modulith's default): not allowed here. */
    private static boolean declaresAllowedDependencies(String @Nullable [] allowed) {
        return allowed != null && !Arrays.asList(allowed).contains(ApplicationModule.OPEN_TOKEN);
    }

    private static String @Nullable [] moduleAnnotation(String basePackage) {
        try {
            ApplicationModule declared = Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
            return declared == null ? null : declared.allowedDependencies();
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        deleteGeneratedDocumentation();
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.toList()) {
                if (file.toString().endsWith(".puml")) {
                    sortRelations(file);
                } else if (file.getFileName().toString().matches("module-.*\\.adoc")) {
                    sortListItems(file);
                }
            }
        }

        String overview = Files.readString(DOCS.resolve("components.puml"));
        MODULES.forEach(module -> {
            String name = module.getIdentifier().toString();
            assertThat(overview).contains("\"" + module.getDisplayName() + "\"");
            assertMentions(DOCS.resolve("module-" + name + ".puml"), Stream.concat(
                    Stream.of("title <size:24>" + module.getDisplayName() + "</size>"),
                    module.getDirectDependencies(MODULES).uniqueModules().map(dep -> "\"" + dep.getDisplayName() + "\"")));
            assertMentions(DOCS.resolve("module-" + name + ".adoc"), Stream.concat(
                    Stream.of("`" + module.getBasePackage().getName() + "`"),
                    module.getSpringBeans().stream().filter(SpringBean::isApiBean)
                            .map(bean -> "." + bean.getType().getSimpleName() + "`")));
        });
    }

    private static void assertMentions(Path file, Stream<String> expected) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(file + " was not written", e);
        }
        expected.forEach(mention -> assertThat(text).as(file.toString()).contains(mention));
    }

    /** Written anew each run, so what the assertions read is this run's output, not a committed copy. */
    private static void deleteGeneratedDocumentation() throws IOException {
        if (!Files.isDirectory(DOCS)) {
            return;
        }
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("(module-.*|components)\\.(adoc|puml)|all-docs\\.adoc")).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * The Documenter writes a diagram's relations, and a canvas's lists (events listened to, beans), in
     * an order that differs between runs; sorted, the committed files change only when the modules do.
     */
    private static void sortRelations(Path diagram) throws IOException {
        sortRuns(diagram, line -> line.startsWith("Rel("));
    }

    /** A canvas's table cell lists its items as {@code |* first} and then {@code * next} lines. */
    private static void sortListItems(Path canvas) throws IOException {
        sortRuns(canvas, line -> line.startsWith("|* ") || line.startsWith("* "));
    }

    /** Sorts each run of consecutive lines {@code inRun} accepts; a run's leading cell mark {@code |} stays first. */
    private static void sortRuns(Path file, java.util.function.Predicate<String> inRun) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> sorted = new ArrayList<>(lines.size());
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            if (inRun.test(line) && !(line.startsWith("|") && !run.isEmpty())) {
                run.add(line);
                continue;
            }
            flush(run, sorted);
            if (inRun.test(line)) {
                run.add(line);
            } else {
                sorted.add(line);
            }
        }
        flush(run, sorted);
        Files.write(file, sorted, StandardCharsets.UTF_8);
    }

    private static void flush(List<String> run, List<String> into) {
        boolean cell = !run.isEmpty() && run.get(0).startsWith("|") && !run.get(0).startsWith("|=");
        List<String> items = new ArrayList<>(run.stream().map(line -> cell && line.startsWith("|") ? line.substring(1) : line).toList());
        items.sort(null);
        for (int i = 0; i < items.size(); i++) {
            into.add(cell && i == 0 ? "|" + items.get(i) : items.get(i));
        }
        run.clear();
    }
}
