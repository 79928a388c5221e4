package cn.wushe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * error responses, and is written to docs/openapi.json so the committed copy stays current.
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
        Files.createDirectories(Path.of("docs"));
        Files.writeString(Path.of("docs/openapi.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(api)));
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
