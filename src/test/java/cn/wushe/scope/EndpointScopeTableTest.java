package cn.wushe.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One table, {@code scope-matrix.csv}, says for every endpoint of the application how its refusal
 * outside the caller's region scope is tested (the test class whose cases exercise it, and which of
 * own / child / sibling / parent / other county they cover), or why it is not region-bound. An
 * endpoint added without a row fails here, and so does a row naming a test that does not exist or
 * never calls the endpoint's path.
 */
@SpringBootTest
@ActiveProfiles("test")
class EndpointScopeTableTest {

    static final String TABLE = "/scope-matrix.csv";
    static final String NOT_REGION_BOUND = "not region-bound";
    static final Set<String> CASES = Set.of("own", "child", "sibling", "parent", "other-county");

    /** One row: an endpoint and how its scope refusal is proven. */
    record Row(String method, String path, String testedBy, String detail) {

        String endpoint() {
            return method + " " + path;
        }

        boolean regionBound() {
            return !testedBy.equals(NOT_REGION_BOUND);
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointHasARow() throws IOException {
        Set<String> served = servedEndpoints();
        Set<String> listed = table().stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
        assertThat(served).isNotEmpty().contains("GET /api/v1/grids/{code}");
        assertThat(new TreeSet<>(served)).as("endpoints without a row in " + TABLE).isSubsetOf(listed);
        assertThat(listed).as("rows in " + TABLE + " for endpoints the application does not serve").isSubsetOf(served);
    }

    @Test
    void everyRowNamesARealTestThatCallsTheEndpointOrAReason() throws IOException {
        for (Row row : table()) {
            if (!row.regionBound()) {
                assertThat(row.detail()).as("reason for %s", row.endpoint()).isNotBlank();
                continue;
            }
            assertThat(testClassExists(row.testedBy())).as("test class %s of %s", row.testedBy(), row.endpoint()).isTrue();
            assertThat(Arrays.asList(row.detail().split(" "))).as("cases of %s", row.endpoint())
                    .isNotEmpty().allMatch(CASES::contains).contains("other-county");
            String source = Files.readString(sourceOf(row.testedBy()), StandardCharsets.UTF_8);
            for (String segment : row.path().split("/")) {
                if (!segment.isEmpty() && !segment.startsWith("{")) {
                    assertThat(source).as("%s calls %s", row.testedBy(), row.endpoint()).contains("/" + segment);
                }
            }
        }
    }

    @Test
    void aRowNamingAMissingTestIsCaught() {
        assertThat(testClassExists("cn.wushe.registry.PeopleOutsideScopeTest")).isTrue();
        assertThat(testClassExists("cn.wushe.registry.NoSuchScopeTest")).isFalse();
    }

    private static boolean testClassExists(String name) {
        try {
            Class.forName(name);
            return Files.isRegularFile(sourceOf(name));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Path sourceOf(String className) {
        return Path.of("src/test/java", className.replace('.', '/') + ".java");
    }

    private Set<String> servedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (methods.isEmpty()) {
                methods = Set.of("ANY");
            }
            for (String method : methods) {
                info.getPatternValues().forEach(path -> endpoints.add(method + " " + path));
            }
        });
        return endpoints;
    }

    /** Rows of the table: {@code method;path;test class or "not region-bound";cases or reason}; # starts a comment. */
    static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = EndpointScopeTableTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(";", 4);
                assertThat(cells).as("row %s", line).hasSize(4);
                rows.add(new Row(cells[0].trim(), cells[1].trim(), cells[2].trim(), cells[3].trim()));
            }
        }
        Map<String, Long> duplicates = rows.stream().collect(Collectors.groupingBy(Row::endpoint, TreeMap::new,
                Collectors.counting()));
        duplicates.values().removeIf(n -> n == 1);
        assertThat(duplicates).as("endpoints listed twice").isEmpty();
        return rows;
    }
}
