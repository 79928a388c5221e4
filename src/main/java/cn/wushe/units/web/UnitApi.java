package cn.wushe.units.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.web.Idempotency;
import cn.wushe.platform.web.Versions;
import cn.wushe.units.UnitKind;
import cn.wushe.units.internal.UnitAggregate;
import cn.wushe.units.internal.UnitManagement;
import cn.wushe.units.internal.UnitQueries;
import io.swagger.v3.oas.annotations.Operation;
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

/**
 * Units (单位) within the signed-in user's UNIT_MANAGE scope. Edits carry the version they were
 * based on in {@code If-Match} (the {@code ETag} of the detail): 428 without it, 412 when someone
 * changed the unit meanwhile; a create with an {@code Idempotency-Key} is made once.
 */
@RestController
@RequestMapping("/api/v1/units")
class UnitApi {

    private final UnitQueries queries;
    private final UnitManagement management;
    private final Idempotency idempotency;

    UnitApi(UnitQueries queries, UnitManagement management, Idempotency idempotency) {
        this.queries = queries;
        this.management = management;
        this.idempotency = idempotency;
    }

    /** @param kind one of the {@link UnitKind} codes; regionCode the unit's county, town or community */
    record UnitCreateRequest(@Nullable String kind, @Nullable String name, @Nullable String regionCode,
            @Nullable String parentId, @Nullable String creditCode) {
    }

    /** The whole new state: a parent or credit code left out is removed. Kind and region stay. */
    record UnitUpdateRequest(@Nullable String name, @Nullable String parentId, @Nullable String creditCode) {
    }

    record UnitPageResponse(List<UnitQueries.Row> items, int page, int size, long total) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('UNIT_MANAGE')")
    @Operation(summary = "分页列出管辖范围内的单位（可按类型、区划、名称或信用代码筛选）")
    UnitPageResponse list(@RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Boolean active, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw DomainException.invalid("page", Messages.text("units.unit.page-invalid"));
        }
        if (size < 1 || size > UnitQueries.MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", Messages.text("platform.page.size-range", UnitQueries.MAX_PAGE_SIZE));
        }
        Page<UnitQueries.Row> result = queries.page(CurrentActor.get(),
                new UnitQueries.Filter(UnitPages.kind(kind), region, q, active, page, size));
        return new UnitPageResponse(result.items(), result.page(), result.size(), result.count());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('UNIT_MANAGE')")
    @Operation(summary = "查看单位及其上级和下属单位")
    ResponseEntity<UnitResponse> unit(@PathVariable String id) {
        return withVersion(HttpStatus.OK, UnitResponse.of(queries.detail(CurrentActor.get(), UnitManagement.parseId(id))));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('UNIT_MANAGE')")
    @Operation(summary = "登记单位（所在区划须在管辖范围内；统一社会信用代码可不填，填写则校验校验码）")
    ResponseEntity<UnitResponse> create(@RequestBody UnitCreateRequest request,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/v1/units", request, UnitResponse.class, () -> {
            UnitAggregate unit = management.register(CurrentActor.get(), new UnitManagement.NewUnit(request.kind(),
                    request.name(), request.regionCode(), request.parentId(), request.creditCode()));
            return withVersion(HttpStatus.CREATED, UnitResponse.of(queries.describe(unit)));
        });
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('UNIT_MANAGE')")
    @Operation(summary = "修改单位名称、上级单位和统一社会信用代码（须带 If-Match）")
    ResponseEntity<UnitResponse> change(@PathVariable String id, @RequestBody UnitUpdateRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        long version = Versions.required(ifMatch);
        UnitAggregate unit = management.revise(CurrentActor.get(), UnitManagement.parseId(id),
                new UnitManagement.UnitChange(request.name(), request.parentId(), request.creditCode()), version);
        return withVersion(HttpStatus.OK, UnitResponse.of(queries.describe(unit)));
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize("hasAuthority('UNIT_MANAGE')")
    @Operation(summary = "撤销单位（仍有在用下属单位时拒绝）")
    ResponseEntity<UnitResponse> retire(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        UnitAggregate unit = management.retire(CurrentActor.get(), UnitManagement.parseId(id), Versions.optional(ifMatch));
        return withVersion(HttpStatus.OK, UnitResponse.of(queries.describe(unit)));
    }

    private static ResponseEntity<UnitResponse> withVersion(HttpStatus status, UnitResponse body) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).eTag(Versions.etag(body.version()));
        if (status == HttpStatus.CREATED) {
            response.location(URI.create("/api/v1/units/" + body.id()));
        }
        return response.body(body);
    }
}
