package cn.wushe.region.web;

import cn.wushe.platform.Messages;
import cn.wushe.platform.web.Idempotency;
import cn.wushe.platform.Page;
import cn.wushe.platform.web.Versions;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.region.internal.GridAggregate;
import cn.wushe.region.internal.GridManagement;
import cn.wushe.region.internal.GridQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Grids (网格) within the signed-in user's scope: lists and details by GRID_VIEW, changes by
 * GRID_EDIT. Edits carry the version they were based on in {@code If-Match} (the {@code ETag} of
 * the detail): 428 without it, 412 when someone changed the grid meanwhile.
 */
@RestController
@RequestMapping("/api/v1/grids")
class GridApi {

    private final GridQueries queries;
    private final GridManagement management;

    private final Idempotency idempotency;

    GridApi(GridQueries queries, GridManagement management, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.queries = queries;
        this.management = management;
    }

    /** @param code optional: without it the community's next free number is used */
    record GridCreateRequest(@Nullable String communityCode, @Nullable String code, @Nullable String name,
            @Nullable BigDecimal centreLat, @Nullable BigDecimal centreLng, @Schema(ref = "#/components/schemas/GeoJsonGeometry") @Nullable JsonNode boundary) {
    }

    /** The whole new state: a centre or boundary left out is removed. */
    record GridUpdateRequest(@Nullable String name, @Nullable BigDecimal centreLat, @Nullable BigDecimal centreLng,
            @Schema(ref = "#/components/schemas/GeoJsonGeometry") @Nullable JsonNode boundary) {
    }

    record GridPageResponse(List<GridQueries.Row> items, int page, int size, long total) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('GRID_VIEW')")
    @Operation(summary = "分页列出管辖范围内的网格")
    GridPageResponse list(@RequestParam(required = false) @Nullable String community,
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Boolean active,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw DomainException.invalid("page", Messages.text("region.grid.page-invalid"));
        }
        if (size < 1 || size > GridQueries.MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", Messages.text("platform.page.size-range", GridQueries.MAX_PAGE_SIZE));
        }
        Page<GridQueries.Row> result = queries.page(CurrentActor.get(),
                new GridQueries.Filter(RegionCodes.community("community", community), q, active, page, size));
        return new GridPageResponse(result.items(), result.page(), result.size(), result.count());
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('GRID_VIEW')")
    @Operation(summary = "查看网格及其网格员")
    ResponseEntity<GridResponse> grid(@PathVariable String code) {
        return withVersion(HttpStatus.OK, GridResponse.of(
                queries.detail(CurrentActor.get(), GridManagement.parseCode(code))));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('GRID_EDIT')")
    @Operation(summary = "新建网格（不填网格代码时自动取下一个序号）")
    ResponseEntity<GridResponse> create(@RequestBody GridCreateRequest request,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/v1/grids", request, GridResponse.class, () -> {
            GridAggregate grid = management.create(CurrentActor.get(), new GridManagement.NewGrid(request.communityCode(),
                    request.code(), request.name(), request.centreLat(), request.centreLng(), geoJson(request.boundary())));
            return withVersion(HttpStatus.CREATED, GridResponse.of(queries.describe(grid)));
        });
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('GRID_EDIT')")
    @Operation(summary = "修改网格名称、中心点和边界（须带 If-Match）")
    ResponseEntity<GridResponse> change(@PathVariable String code, @RequestBody GridUpdateRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        long version = Versions.required(ifMatch);
        GridAggregate grid = management.change(CurrentActor.get(), code, new GridManagement.GridChange(request.name(),
                request.centreLat(), request.centreLng(), geoJson(request.boundary())), version);
        return withVersion(HttpStatus.OK, GridResponse.of(queries.describe(grid)));
    }

    @PostMapping("/{code}/retire")
    @PreAuthorize("hasAuthority('GRID_EDIT')")
    @Operation(summary = "撤销网格（代码保留，不再使用）")
    ResponseEntity<GridResponse> retire(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        GridAggregate grid = management.retire(CurrentActor.get(), code, Versions.optional(ifMatch));
        return withVersion(HttpStatus.OK, GridResponse.of(queries.describe(grid)));
    }

    private static ResponseEntity<GridResponse> withVersion(HttpStatus status, GridResponse body) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).eTag(Versions.etag(body.version()));
        if (status == HttpStatus.CREATED) {
            response.location(URI.create("/api/v1/grids/" + body.code()));
        }
        return response.body(body);
    }

    /** GeoJSON as text: an object as sent, or a string holding it. */
    private static @Nullable String geoJson(@Schema(ref = "#/components/schemas/GeoJsonGeometry") @Nullable JsonNode boundary) {
        if (boundary == null || boundary.isNull() || boundary.isMissingNode()) {
            return null;
        }
        return boundary.isString() ? boundary.asString() : boundary.toString();
    }
}
