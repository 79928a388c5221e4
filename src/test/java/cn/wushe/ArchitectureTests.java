package cn.wushe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.archexample.internal.HttpInDomain;
import cn.wushe.archexample.web.HttpInWeb;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rules beyond module boundaries, over the main code: every handler is authorized (security.md
 * check 11), time comes from the {@link Clock} bean, request bodies are records (check 14), domain
 * code (a module's root and {@code internal} packages) names no HTTP or servlet type, no module's
 * SQL names another module's schema, and an unscoped read goes through
 * {@code ScopeFilter.unscoped(reason)} (the last two over the source files, see {@link SourceRules}).
 * Each rule is also shown to catch a violating example, so none of them can pass vacuously.
 */
class ArchitectureTests {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.wushe");

    /**
     * Endpoints anyone may call: the sign-in page, the error page, the large-type switch, and the
     * verification page a document's QR code opens. Keep it short.
     */
    static final Set<String> PUBLIC_PATHS = Set.of("/login", "/error", "/prefs/large-type",
            "/verify/{token}",
            "/signup", "/signup/resident", "/signup/volunteer", "/signup/communities", "/signup/sent",
            "/guide", "/guide/items/{code}",
            "/public/projects");

    static final ArchRule HANDLERS_ARE_AUTHORIZED = handlers()
            .and(DescribedPredicate.not(servingOnly(PUBLIC_PATHS)))
            .should().beAnnotatedWith(PreAuthorize.class)
            .because("deny by default: every endpoint states who may call it (security.md check 11); "
                    + "public endpoints are listed in ArchitectureTests.PUBLIC_PATHS");

    static final ArchRule TIME_COMES_FROM_THE_CLOCK = noClasses()
            .that().resideOutsideOfPackage("cn.wushe.platform..")
            .should().callMethodWhere(readsTheSystemClock())
            .because("time comes from the injected java.time.Clock, so tests move it instead of sleeping");

    static final ArchRule REQUEST_BODIES_ARE_RECORDS = handlers()
            .should(takeOnlyRecordsAsRequestBody())
            .because("a request record names exactly the fields a client may send: no mass assignment "
                    + "through setters (security.md check 14)");

    /** Domain code: a module's root package (its API) and its {@code internal} package. */
    static final ArchRule DOMAIN_CODE_HAS_NO_HTTP_TYPES = noClasses()
            .that().resideInAnyPackage("cn.wushe.*", "cn.wushe.*.internal..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..", "jakarta.servlet..",
                    "org.springframework.web..")
            .because("domain code speaks of refusals (DomainException, ProblemType), never of HTTP; controllers, "
                    + "filters and platform.web map them (web, security, imports/exports controllers)");

    @Test
    void domainCodeHasNoHttpTypes() {
        DOMAIN_CODE_HAS_NO_HTTP_TYPES.check(MAIN);
    }

    @Test
    void everyHandlerIsAuthorized() {
        HANDLERS_ARE_AUTHORIZED.check(MAIN);
    }

    @Test
    void timeComesFromTheClock() {
        TIME_COMES_FROM_THE_CLOCK.check(MAIN);
    }

    @Test
    void requestBodiesAreRecords() {
        REQUEST_BODIES_ARE_RECORDS.check(MAIN);
    }

    @Test
    void noModuleNamesAnotherModulesSchemaInSql() {
        assertThat(SourceRules.MAIN_SOURCES.resolve("registry")).isDirectory();
        assertThat(SourceRules.sqlNamingAnotherModulesSchema(SourceRules.MAIN_SOURCES)).isEmpty();
    }

    @Test
    void unscopedReadsGoThroughOneNamedMethod() {
        assertThat(SourceRules.MAIN_SOURCES.resolve(SourceRules.SCOPE_FILTER)).isRegularFile();
        assertThat(SourceRules.bareUnscopedPredicates(SourceRules.MAIN_SOURCES)).isEmpty();
    }

    @Test
    void sourceRulesCatchViolations(@TempDir Path root) throws IOException {
        writeSource(root, "registry/internal/Reports.java", """
                class Reports {
                    String sql = \"""
                            select p.id from registry.people p
                            JOIN region.grids g on g.code = p.grid_code
                            join platform.settings s on true\""";
                    ScopeFilter.SqlPredicate all = new ScopeFilter.SqlPredicate("true", Map.of());
                }
                """);
        writeSource(root, "workbench/Tiles.java", """
                class Tiles {
                    String sql = "insert into  audit.entries(action) values ('x')";
                    SqlPredicate all = new SqlPredicate( "true" );
                }
                """);
        writeSource(root, "platform/ScopeFilter.java", """
                class ScopeFilter { SqlPredicate unscoped(String reason) { return new SqlPredicate("true", Map.of()); } }
                """);

        assertThat(SourceRules.sqlNamingAnotherModulesSchema(root)).containsExactly(
                "registry/internal/Reports.java: \"JOIN region.\" names schema region from module registry",
                "workbench/Tiles.java: \"into audit.\" names schema audit from module workbench");
        assertThat(SourceRules.bareUnscopedPredicates(root)).hasSize(2)
                .allMatch(v -> v.startsWith("registry/internal/Reports.java") || v.startsWith("workbench/Tiles.java"));
    }

    private static void writeSource(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    @Test
    void rulesCatchViolations() {
        JavaClasses bad = new ClassFileImporter().importClasses(Violations.class, Violations.Form.class);
        assertThat(HANDLERS_ARE_AUTHORIZED.evaluate(bad).getFailureReport().getDetails())
                .hasSize(1).first().asString().contains("open(");
        assertThat(TIME_COMES_FROM_THE_CLOCK.evaluate(bad).getFailureReport().getDetails())
                .hasSize(3).allMatch(d -> d.contains("Instant.now()") || d.contains("LocalDate.now(java.time.ZoneId)")
                        || d.contains("System.currentTimeMillis()"));
        assertThat(REQUEST_BODIES_ARE_RECORDS.evaluate(bad).getFailureReport().getDetails())
                .hasSize(2).allMatch(d -> d.contains("Form"));
        assertThat(DOMAIN_CODE_HAS_NO_HTTP_TYPES.evaluate(new ClassFileImporter().importClasses(HttpInDomain.class))
                .getFailureReport().getDetails())
                .isNotEmpty().allMatch(d -> d.contains("HttpInDomain"))
                .anyMatch(d -> d.contains("HttpServletRequest")).anyMatch(d -> d.contains("HttpStatus"));
    }

    @Test
    void rulesAcceptTheirExceptions() {
        JavaClasses good = new ClassFileImporter().importClasses(Allowed.class, Allowed.Body.class);
        assertThat(HANDLERS_ARE_AUTHORIZED.evaluate(good).hasViolation()).isFalse();
        assertThat(TIME_COMES_FROM_THE_CLOCK.evaluate(good).hasViolation()).isFalse();
        assertThat(REQUEST_BODIES_ARE_RECORDS.evaluate(good).hasViolation()).isFalse();
        assertThat(DOMAIN_CODE_HAS_NO_HTTP_TYPES.evaluate(new ClassFileImporter()
                .importClasses(HttpInWeb.class, cn.wushe.platform.Text.class))
                .hasViolation()).isFalse();
    }

    private static com.tngtech.archunit.lang.syntax.elements.GivenMethodsConjunction handlers() {
        return methods().that().areDeclaredInClassesThat().areMetaAnnotatedWith(Controller.class)
                .and().areMetaAnnotatedWith(RequestMapping.class);
    }

    /** Handlers whose every path (class prefix + method path) is one of {@code paths}. */
    private static DescribedPredicate<JavaMethod> servingOnly(Set<String> paths) {
        return DescribedPredicate.describe("serving only " + paths, method -> {
            List<String> served = pathsOf(method);
            return !served.isEmpty() && paths.containsAll(served);
        });
    }

    private static List<String> pathsOf(JavaMethod method) {
        RequestMapping onClass = AnnotatedElementUtils.findMergedAnnotation(method.getOwner().reflect(),
                RequestMapping.class);
        RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(method.reflect(), RequestMapping.class);
        List<String> prefixes = onClass == null || onClass.path().length == 0 ? List.of("") : List.of(onClass.path());
        List<String> suffixes = onMethod == null || onMethod.path().length == 0 ? List.of("") : List.of(onMethod.path());
        List<String> paths = new ArrayList<>();
        prefixes.forEach(prefix -> suffixes.forEach(suffix -> paths.add(prefix + suffix)));
        return paths;
    }

    private static final Set<Class<?>> CLOCK_READERS = Set.of(Instant.class, LocalDateTime.class, LocalDate.class,
            LocalTime.class, ZonedDateTime.class, OffsetDateTime.class, Year.class, YearMonth.class);

    /** {@code now()} / {@code now(ZoneId)} of the java.time types (not {@code now(Clock)}), and {@code System.currentTimeMillis()}. */
    private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
        return DescribedPredicate.describe("read the system clock (now() without a Clock, System.currentTimeMillis())",
                call -> {
                    var target = call.getTarget();
                    if (target.getOwner().isEquivalentTo(System.class)) {
                        return target.getName().equals("currentTimeMillis");
                    }
                    return target.getName().equals("now")
                            && CLOCK_READERS.stream().anyMatch(type -> target.getOwner().isEquivalentTo(type))
                            && target.getRawParameterTypes().stream().noneMatch(p -> p.isEquivalentTo(Clock.class));
                });
    }

    private static ArchCondition<JavaMethod> takeOnlyRecordsAsRequestBody() {
        return new ArchCondition<>("take only records (or collections/arrays of records) as @RequestBody") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaParameter parameter : method.getParameters()) {
                    if (parameter.isAnnotatedWith(RequestBody.class) && !isRecordBody(parameter.getType())) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes "
                                + parameter.getType().getName() + " as request body, which is not a record"));
                    }
                }
            }
        };
    }

    private static boolean isRecordBody(JavaType type) {
        JavaClass raw = type.toErasure();
        if (raw.isRecord()) {
            return true;
        }
        if (raw.isArray()) {
            return raw.getComponentType().isRecord();
        }
        if (raw.isAssignableTo(Collection.class) && type instanceof JavaParameterizedType generic) {
            return generic.getActualTypeArguments().size() == 1
                    && generic.getActualTypeArguments().getFirst().toErasure().isRecord();
        }
        return false;
    }

    // The examples are abstract so that component scanning of the application's tests ignores them.

    /** Examples that each rule must reject. */
    @RestController
    abstract static class Violations {

        static class Form {
            private String name = "";

            public void setName(String name) {
                this.name = name;
            }
        }

        @PostMapping("/open")
        String open(@RequestBody Form form) {
            return form.name + Instant.now() + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        }

        @PostMapping("/batch")
        @PreAuthorize("isAuthenticated()")
        long batch(@RequestBody List<Form> forms) {
            return System.currentTimeMillis() + forms.size();
        }
    }

    /** Examples that each rule must accept. */
    @Controller
    @RequestMapping("/prefs")
    abstract static class Allowed {

        record Body(String name) {
        }

        private final Clock clock = Clock.systemUTC();

        @PostMapping("/large-type")
        String publicSwitch() {
            return "redirect:/" + Instant.now(clock);
        }

        @GetMapping("/mine")
        @PreAuthorize("isAuthenticated()")
        String mine(@RequestBody Body body, @RequestBody List<Body> bodies, @RequestBody Body[] array) {
            return body.name() + bodies.size() + array.length + LocalDate.now(clock);
        }
    }
}
