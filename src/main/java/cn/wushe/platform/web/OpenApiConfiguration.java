package cn.wushe.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description at {@code /v3/api-docs}: bearer tokens, and the problem+json error
 * responses every operation can give, so clients see the error shape without reading code.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** Sorted, so that the description (and docs/openapi.json) is the same on every start. */
    private static final Map<String, String> ERRORS = new TreeMap<>(Map.of(
            "400", "输入有误（errors 列出每个字段的中文说明）",
            "401", "未登录或令牌无效",
            "403", "对可见对象无权执行此操作",
            "404", "不存在或不在管辖范围内"));

    @Bean
    OpenAPI wusheOpenApi() {
        return new OpenAPI()
                .info(new Info().title("五社联动 API").version("v1")
                        .description("Wushe community co-governance platform. Errors are RFC 9457 problem+json."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("个人访问令牌 wst_…"))
                        .addSchemas("Problem", problemSchema())
                        .addSchemas("GeoJsonGeometry", geoJsonGeometrySchema()))
                .security(List.of(new SecurityRequirement().addList("bearer")));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(op ->
                ERRORS.forEach((status, description) -> op.getResponses().computeIfAbsent(status,
                        s -> new ApiResponse().description(description).content(new Content().addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    /** A GeoJSON geometry (RFC 7946), e.g. a grid's boundary; coordinates are [longitude, latitude]. */
    private static Schema<?> geoJsonGeometrySchema() {
        return new Schema<>().type("object").description("GeoJSON 几何对象（RFC 7946），坐标为 [经度, 纬度]")
                .addProperty("type", new Schema<>().type("string")._enum(List.of("Polygon", "MultiPolygon")))
                .addProperty("coordinates", new Schema<>().type("array").items(new Schema<>()))
                .required(List.of("type", "coordinates"));
    }

    private static Schema<?> problemSchema() {
        Schema error = new Schema<>().type("object")
                .addProperty("field", new Schema<>().type("string"))
                .addProperty("message", new Schema<>().type("string"));
        return new Schema<>().type("object").description("RFC 9457 problem details")
                .addProperty("type", new Schema<>().type("string").format("uri-reference"))
                .addProperty("title", new Schema<>().type("string"))
                .addProperty("status", new Schema<>().type("integer"))
                .addProperty("detail", new Schema<>().type("string"))
                .addProperty("errors", new Schema<>().type("array").items(error));
    }
}
