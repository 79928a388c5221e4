package cn.wushe.organizations.web;

import cn.wushe.organizations.OrganizationKind;
import cn.wushe.organizations.internal.Deregistration;
import cn.wushe.organizations.internal.Incubation;
import cn.wushe.organizations.internal.OrganizationQueries;
import cn.wushe.organizations.internal.OrganizationRecord;
import cn.wushe.organizations.internal.OrganizationRegister;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.web.Idempotency;
import cn.wushe.platform.web.Versions;
import cn.wushe.units.UnitId;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.LocalDate;
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
 * The register of social organizations. Lists and details within ORG_VIEW (or the caller's own
 * organization for ORG_OWN); registration, filing and changes within ORG_MANAGE.
 */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationApi {

    private final OrganizationQueries queries;
    private final OrganizationRegister register;
    private final Idempotency idempotency;
    private final Incubation incubation;
    private final Deregistration deregistration;

    OrganizationApi(OrganizationQueries queries, OrganizationRegister register, Idempotency idempotency,
            Incubation incubation, Deregistration deregistration) {
        this.deregistration = deregistration;
        this.queries = queries;
        this.register = register;
        this.idempotency = idempotency;
        this.incubation = incubation;
    }

    /** Leader identity number and phone are write-only: answers show them masked. */
    record OrganizationRequest(@Nullable String kind, @Nullable String name, @Nullable String regionCode,
            @Nullable String creditCode, @Nullable String leaderName, @Nullable String leaderIdNumber,
            @Nullable String leaderPhone, @Nullable String partyStatus, @Nullable String fields,
            @Nullable String communityType, @Nullable Integer members, @Nullable String charter) {
    }

    record ChangeRequest(@Nullable String name, @Nullable String leaderName, @Nullable String partyStatus,
            @Nullable String fields) {
    }

    record DeregisterRequest(@Nullable String reason) {
    }

    record GradeRequest(int grade, LocalDate validUntil) {
    }

    record AnnualReportRequest(int year, String result) {
    }

    record OrganizationPage(List<OrganizationQueries.Row> items, int page, int size, long total) {
    }

    record OrganizationResponse(String id, String kind, String kindLabel, String name, String regionCode,
            @Nullable String creditCode, @Nullable String filingNumber, @Nullable String communityType,
            @Nullable Integer members, List<String> fields, String leaderName, @Nullable String leaderIdNumber,
            @Nullable Integer leaderAge, @Nullable String leaderPhone, String partyStatus, @Nullable Integer grade,
            @Nullable LocalDate gradeValidUntil, boolean active, boolean abnormal, long version,
            List<OrganizationQueries.Change> changes, List<OrganizationQueries.AbnormalEntry> abnormalHistory) {

        static OrganizationResponse of(OrganizationQueries.View v) {
            OrganizationRecord o = v.organization();
            return new OrganizationResponse(o.id().toString(), o.kind().name(), o.kind().label(), o.name(),
                    o.regionCode(), o.creditCode(), o.filingNumber(), v.communityTypeLabel(), o.members(), o.fields(),
                    v.leaderName(), v.leaderIdMasked(), v.leaderAge(), v.leaderPhoneMasked(), o.partyStatus().name(),
                    o.grade(), o.gradeValidUntil(), o.active(), o.abnormal(), o.version(), v.changes(), v.abnormalHistory());
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('ORG_VIEW', 'ORG_OWN')")
    @Operation(summary = "分页列出管辖范围内的社会组织（社会组织人员只见本组织），可按类型和名称、信用代码、备案号筛选")
    OrganizationPage list(@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > OrganizationQueries.MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", Messages.text("platform.page.size-range", OrganizationQueries.MAX_PAGE_SIZE));
        }
        Page<OrganizationQueries.Row> result = queries.page(CurrentActor.get(),
                new OrganizationQueries.Filter(OrganizationPages.kind(kind), q, page, size));
        return new OrganizationPage(result.items(), result.page(), result.size(), result.count());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('ORG_VIEW', 'ORG_OWN')")
    @Operation(summary = "查看社会组织：负责人证件号和电话为掩码，只显示年龄；含变更记录和异常名录历史")
    ResponseEntity<OrganizationResponse> one(@PathVariable String id) {
        return respond(HttpStatus.OK, queries.view(CurrentActor.get(), parse(id)));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    @Operation(summary = "登记社会组织（统一社会信用代码须为民政 51/52/53 且两级校验位正确）或备案社区社会组织")
    ResponseEntity<OrganizationResponse> create(@RequestBody OrganizationRequest r,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        return idempotency.once(key, "POST /api/v1/organizations", r, OrganizationResponse.class, () -> {
            OrganizationRecord o = register.register(CurrentActor.get(), new OrganizationRegister.NewOrganization(r.kind(),
                    r.name(), r.regionCode(), r.creditCode(), r.leaderName(), r.leaderIdNumber(), r.leaderPhone(),
                    r.partyStatus(), r.fields(), r.communityType(), r.members(), r.charter()));
            return respond(HttpStatus.CREATED, queries.view(CurrentActor.get(), o.id()));
        });
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    @Operation(summary = "变更登记：名称、负责人、党组织情况、服务领域（须带 If-Match），每项变更留历史")
    ResponseEntity<OrganizationResponse> change(@PathVariable String id, @RequestBody ChangeRequest r,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        long version = Versions.required(ifMatch);
        OrganizationRecord o = register.change(CurrentActor.get(), parse(id), r.name(), r.leaderName(), r.partyStatus(),
                r.fields(), version);
        return respond(HttpStatus.OK, queries.view(CurrentActor.get(), o.id()));
    }

    @PostMapping("/{id}/deregister")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    @Operation(summary = "注销社会组织（须写明原因），其单位同时撤销")
    ResponseEntity<OrganizationResponse> deregister(@PathVariable String id, @RequestBody DeregisterRequest r) {
        OrganizationRecord o = deregistration.deregister(CurrentActor.get(), parse(id), r.reason());
        return respond(HttpStatus.OK, queries.view(CurrentActor.get(), o.id()));
    }

    @PostMapping("/{id}/reinstate")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    @Operation(summary = "撤销误办的注销（须写明理由）：组织及其单位恢复正常，变更记录保留注销和撤销两条")
    ResponseEntity<OrganizationResponse> reinstate(@PathVariable String id, @RequestBody DeregisterRequest r) {
        OrganizationRecord o = deregistration.reinstate(CurrentActor.get(), parse(id), r.reason());
        return respond(HttpStatus.OK, queries.view(CurrentActor.get(), o.id()));
    }

    @PostMapping("/{id}/grade")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    @Operation(summary = "录入评估等级（1A–5A，仅等级和有效期）")
    ResponseEntity<OrganizationResponse> grade(@PathVariable String id, @RequestBody GradeRequest r) {
        OrganizationRecord o = register.grade(CurrentActor.get(), parse(id), r.grade(), r.validUntil());
        return respond(HttpStatus.OK, queries.view(CurrentActor.get(), o.id()));
    }

    @PostMapping("/{id}/annual-reports")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    @Operation(summary = "录入年报结论（QUALIFIED 合格 / BASIC 基本合格 / UNQUALIFIED 不合格：列入活动异常名录）")
    ResponseEntity<OrganizationResponse> annualReport(@PathVariable String id, @RequestBody AnnualReportRequest r) {
        OrganizationRecord o = register.annualReport(CurrentActor.get(), parse(id), r.year(), r.result());
        return respond(HttpStatus.OK, queries.view(CurrentActor.get(), o.id()));
    }

    record IncubationRequest(@Nullable LocalDate termUntil, @Nullable String place, @Nullable String kind,
            @Nullable String note, java.util.@Nullable Map<String, Boolean> checklist, @Nullable String reason) {
    }

    @PostMapping("/{id}/incubation/{step}")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    @Operation(summary = "孵化（进驻—孵化—评估—出壳）：step 为 apply 申请、admit 进驻（期限、场地）、service 记录服务、"
            + "evaluate 评估清单、graduate 出壳（返回出壳证书 PDF）、extend 延期、exit 退出（原因）")
    ResponseEntity<?> incubation(@PathVariable String id, @PathVariable String step,
            @RequestBody(required = false) @Nullable IncubationRequest r) {
        var actor = CurrentActor.get();
        UnitId unit = parse(id);
        IncubationRequest body = r == null ? new IncubationRequest(null, null, null, null, null, null) : r;
        Object result = switch (step) {
            case "apply" -> incubation.apply(actor, unit);
            case "admit" -> incubation.admit(actor, unit, body.termUntil(), body.place());
            case "service" -> incubation.logService(actor, unit, body.kind(), body.note());
            case "evaluate" -> incubation.evaluate(actor, unit, body.checklist());
            case "extend" -> incubation.extend(actor, unit, body.termUntil());
            case "exit" -> incubation.exit(actor, unit, body.reason());
            case "graduate" -> incubation.graduate(actor, unit);
            default -> throw DomainException.invalid("step", Messages.text("organizations.incubation.stage"));
        };
        if (result instanceof cn.wushe.documents.IssuedDocument doc) {
            return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(
                            doc.fileName(Incubation.CERTIFICATE), java.nio.charset.StandardCharsets.UTF_8)).body(doc.pdf());
        }
        return ResponseEntity.ok(result);
    }

    @GetMapping("/{id}/incubation")
    @PreAuthorize("hasAnyAuthority('ORG_VIEW', 'ORG_OWN')")
    @Operation(summary = "查看组织最近一次孵化：阶段、期限、场地、服务记录、评估清单、出壳证书编号")
    ResponseEntity<Incubation.Intake> incubationOf(@PathVariable String id) {
        UnitId unit = parse(id);
        queries.view(CurrentActor.get(), unit);
        return incubation.latest(unit).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    static UnitId parse(String id) {
        try {
            return UnitId.parse(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("id", String.valueOf(e.getMessage()));
        }
    }

    private static ResponseEntity<OrganizationResponse> respond(HttpStatus status, OrganizationQueries.View view) {
        OrganizationResponse body = OrganizationResponse.of(view);
        ResponseEntity.BodyBuilder r = ResponseEntity.status(status).eTag(Versions.etag(body.version()));
        if (status == HttpStatus.CREATED) {
            r.location(URI.create("/api/v1/organizations/" + body.id()));
        }
        return r.body(body);
    }
}
