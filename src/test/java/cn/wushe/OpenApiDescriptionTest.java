package cn.wushe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The served OpenAPI description is 3.1, covers the whole /api/v1 surface with the problem+json
 * error responses, is accepted as a client generator reads it (swagger-parser: no messages, no
 * dangling reference, every operation described, every tag declared), and is written to
 * docs/openapi.json so the committed copy stays current.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OpenApiDescriptionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Test
    void describesEveryApiOperationWithProblemResponses() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode api = json.readTree(body);
        assertThat(api.get("openapi").asString()).startsWith("3.1");
        assertThat(api.get("paths").propertyNames()).isNotEmpty().allMatch(p -> p.startsWith("/api/v1/"));
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/grids", "/api/v1/grids/{code}",
                "/api/v1/regions/{code}", "/api/v1/users", "/api/v1/audit/entries");
        api.get("paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("responses")) {
                assertThat(operation.get("responses").has("400")).isTrue();
                assertThat(operation.get("responses").get("404").get("content").has("application/problem+json")).isTrue();
            }
        }));
        JsonNode problem = api.at("/components/schemas/Problem");
        assertThat(problem.at("/type").asString()).isEqualTo("object");
        assertThat(problem.at("/properties/status/type").asString()).isEqualTo("integer");
        assertThat(problem.at("/properties/errors/items/properties/message/type").asString()).isEqualTo("string");
        assertAcceptedByClientGenerators(body);
        Files.createDirectories(Path.of("docs"));
        Files.writeString(Path.of("docs/openapi.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(api)));
    }

    /**
     * What a client generator checks first: the document parses without a single message, every
     * {@code $ref} resolves, every operation has a description and every tag it uses is declared.
     */
    private static void assertAcceptedByClientGenerators(String document) {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document);
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api).isNotNull();

        Set<String> declaredTags = api.getTags() == null ? Set.of()
                : api.getTags().stream().filter(tag -> tag.getDescription() != null && !tag.getDescription().isBlank())
                        .map(Tag::getName).collect(Collectors.toSet());
        List<String> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            operations.add(name);
            assertThat(operation.getDescription()).as("description of %s", name).isNotBlank();
            assertThat(operation.getTags()).as("tags of %s", name).isNotEmpty();
            assertThat(declaredTags).as("declared tags, used by %s", name).containsAll(operation.getTags());
        }));
        assertThat(operations).hasSizeGreaterThan(40);

        Set<String> schemas = api.getComponents().getSchemas().keySet();
        Matcher refs = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"").matcher(document);
        List<String> referenced = new ArrayList<>();
        while (refs.find()) {
            referenced.add(refs.group(1));
        }
        assertThat(referenced).as("schema references").contains("Problem").allMatch(schemas::contains);
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance", "errors");
    }

    /** Keys in a fixed order: springdoc lists some schema properties in reflection order, which varies by run. */
    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = json.createObjectNode();
            node.propertyNames().stream().sorted().forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = json.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
