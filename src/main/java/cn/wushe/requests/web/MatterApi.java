package cn.wushe.requests.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.web.Idempotency;
import cn.wushe.platform.web.Versions;
import cn.wushe.requests.internal.Matter;
import cn.wushe.requests.internal.MatterIntake;
import cn.wushe.requests.internal.MatterOutcome;
import cn.wushe.requests.internal.MatterQueries;
import cn.wushe.requests.internal.MatterRouting;
import cn.wushe.requests.internal.MatterStatus;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Residents' matters (诉求): intake through every channel, the unit's steps (sign for, decline,
 * forward, send back, merge, 一次告知, close), the resident's (resubmit, rate, reopen) and staff's
 * follow-up calls. A matter the caller may not see answers 404; a step they may not take on a
 * visible one, 403. A create with an {@code Idempotency-Key} is made once.
 */
@RestController
@RequestMapping("/api/v1/matters")
class MatterApi {

    /** A matter's number as printed on its receipt: county, year, sequence (受理编号). */
    static final java.util.regex.Pattern MATTER_NUMBER = java.util.regex.Pattern.compile("[0-9]{6}-[0-9]{4}-[0-9]{6,}");

    private final MatterIntake intake;
    private final MatterRouting routing;
    private final MatterOutcome outcome;
    private final MatterQueries queries;
    private final Idempotency idempotency;

    MatterApi(MatterIntake intake, MatterRouting routing, MatterOutcome outcome, MatterQueries queries,
            Idempotency idempotency) {
        this.intake = intake;
        this.routing = routing;
        this.outcome = outcome;
        this.queries = queries;
        this.idempotency = idempotency;
    }

    /** A file as base64 in JSON. */
    record FileBody(@Nullable String fileName, @Nullable String contentBase64) {

        MatterIntake.@Nullable Upload upload(String field) {
            if (contentBase64 == null || contentBase64.isBlank()) {
                return null;
            }
            try {
                return new MatterIntake.Upload(fileName == null ? "file" : fileName, Base64.getDecoder().decode(contentBase64));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid(field, Messages.text("requests.api.base64-invalid"));
            }
        }
    }

    record MaterialBody(@Nullable Boolean seenAtDesk, @Nullable FileBody file) {
    }

    record MatterCreateRequest(@Nullable String item, @Nullable String channel, @Nullable String regionCode,
            @Nullable String description, @Nullable String applicantName, @Nullable String applicantPhone,
            @Nullable String personId, @Nullable String proxyName, @Nullable String proxyRelation,
            @Nullable FileBody consent, @Nullable List<Integer> conditionsConfirmed,
            @Nullable Map<String, MaterialBody> materials, @Nullable Double latitude, @Nullable Double longitude) {
    }

    record MatterCreated(UUID id, String number, String status, String level, UUID unitId, Instant dueAt, long version) {

        static MatterCreated of(Matter m) {
            return new MatterCreated(m.id(), m.number(), m.status().name(), m.level().name(), m.unitId(), m.dueAt(), m.version());
        }
    }

    /** @param moreThanTotal the list holds more than {@code total} matches: it counts up to {@link MatterQueries#COUNT_LIMIT} */
    record MatterPageResponse(List<MatterQueries.Row> items, int page, int size, long total, boolean moreThanTotal) {
    }

    record ReasonRequest(@Nullable String reason, @Nullable String rightUnitId) {
    }

    record ForwardRequest(@Nullable String targetUnitId, @Nullable String note) {
    }

    record MergeRequest(@Nullable String into) {
    }

    record ReturnRequest(@Nullable List<MatterOutcome.Problem> problems, @Nullable String note) {
    }

    record ResubmitRequest(@Nullable Map<String, FileBody> materials, @Nullable String note) {
    }

    record CloseRequest(@Nullable String result) {
    }

    record RejectRequest(@Nullable String reason) {
    }

    record RateRequest(@Nullable Integer rating, @Nullable String comment) {
    }

    record FollowUpRequest(@Nullable String note, @Nullable Integer phoneRating) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "分页列出可见的诉求：box=INBOX 本单位待办，MINE 本人提交或受理的，ALL 全部可见（可按状态、超期筛选）；"
            + "total 最多计到 1000，moreThanTotal 为 true 表示超过")
    MatterPageResponse list(@RequestParam(defaultValue = "ALL") String box, @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam(required = false) @Nullable String number) {
        Page<MatterQueries.Row> result = queries.list(CurrentActor.get(), filter(box, status, overdue, page, size, number));
        boolean more = MatterQueries.moreThanCounted(result);
        return new MatterPageResponse(result.items(), result.page(), result.size(),
                more ? MatterQueries.COUNT_LIMIT : result.count(), more);
    }

    static MatterQueries.Filter filter(String box, @Nullable String status, boolean overdue, int page, int size) {
        return filter(box, status, overdue, page, size, null);
    }

    static MatterQueries.Filter filter(String box, @Nullable String status, boolean overdue, int page, int size,
            @Nullable String number) {
        String wanted = number == null || number.isBlank() ? null : number.strip();
        if (wanted != null && !MATTER_NUMBER.matcher(wanted).matches()) {
            throw DomainException.invalid("number", Messages.text("requests.api.number-invalid"));
        }
        MatterQueries.Box parsedBox;
        try {
            parsedBox = MatterQueries.Box.valueOf(box);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("box", Messages.text("requests.api.box-invalid"));
        }
        MatterStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                parsedStatus = MatterStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("status", Messages.text("requests.api.status-invalid"));
            }
        }
        if (page < 0) {
            throw DomainException.invalid("page", Messages.text("requests.api.page-invalid"));
        }
        if (size < 1 || size > MatterQueries.MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", Messages.text("platform.page.size-range", MatterQueries.MAX_PAGE_SIZE));
        }
        return new MatterQueries.Filter(parsedBox, parsedStatus, overdue, page, size, wanted);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "查看诉求：事项、材料、一次告知内容、办理时限和全过程时间线（申请人姓名、电话打码）")
    ResponseEntity<MatterQueries.Detail> detail(@PathVariable String id) {
        MatterQueries.Detail detail = queries.detail(CurrentActor.get(), parse(id));
        return ResponseEntity.ok().eTag(Versions.etag(detail.version())).body(detail);
    }

    record RevealRequest(@Nullable String reason, @Nullable String note) {
    }

    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasAnyAuthority('MATTER_HANDLE', 'PII_UNMASK')")
    @Operation(summary = "查看申请人完整姓名、电话和代办人姓名（办理单位经办人或有查看完整信息权限者；须选择事由，记入审计日志）")
    MatterQueries.Revealed reveal(@PathVariable String id, @RequestBody RevealRequest request) {
        return queries.reveal(CurrentActor.get(), parse(id), request.reason(), request.note());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('MATTER_SUBMIT')")
    @Operation(summary = "受理诉求：居民本人网上自助或预约，工作人员窗口、上门、委托代办或网格员报告情况；逐项校验条件和材料，按县按年编号并写入办理时限")
    ResponseEntity<MatterCreated> create(@RequestBody MatterCreateRequest request,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/v1/matters", request, MatterCreated.class, () -> {
            Map<String, MatterIntake.MaterialInput> materials = new LinkedHashMap<>();
            if (request.materials() != null) {
                request.materials().forEach((code, body) -> materials.put(code, new MatterIntake.MaterialInput(
                        Boolean.TRUE.equals(body.seenAtDesk()), body.file() == null ? null : body.file().upload("materials." + code))));
            }
            Matter m = intake.submit(CurrentActor.get(), new MatterIntake.Intake(request.item(), request.channel(),
                    request.regionCode(), request.description(), request.applicantName(), request.applicantPhone(),
                    request.personId(), request.proxyName(), request.proxyRelation(),
                    request.consent() == null ? null : request.consent().upload("consent"), request.conditionsConfirmed(),
                    materials, request.latitude(), request.longitude()));
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/matters/" + m.id()))
                    .eTag(Versions.etag(m.version())).body(MatterCreated.of(m));
        });
    }

    @PostMapping("/{id}/sign")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    @Operation(summary = "签收转来的诉求（仅被转至的单位，签收时限默认 1 个工作日）")
    MatterCreated sign(@PathVariable String id) {
        return MatterCreated.of(routing.signFor(CurrentActor.get(), parse(id)));
    }

    @PostMapping("/{id}/decline")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    @Operation(summary = "拒签退回转出单位，须写明理由（可指明应转的单位）")
    MatterCreated decline(@PathVariable String id, @RequestBody ReasonRequest request) {
        return MatterCreated.of(routing.decline(CurrentActor.get(), parse(id), request.reason(), request.rightUnitId()));
    }

    @PostMapping("/{id}/forward")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    @Operation(summary = "转办上一级：社区转街道办（镇政府），街道转本县部门（不填时按目录建议的部门）")
    MatterCreated forward(@PathVariable String id, @RequestBody ForwardRequest request) {
        return MatterCreated.of(routing.forward(CurrentActor.get(), parse(id), request.targetUnitId(), request.note()));
    }

    @PostMapping("/{id}/send-back")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    @Operation(summary = "下发下一级办理，须写明理由")
    MatterCreated sendBack(@PathVariable String id, @RequestBody ReasonRequest request) {
        return MatterCreated.of(routing.sendBack(CurrentActor.get(), parse(id), request.reason()));
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    @Operation(summary = "把重复诉求（同一事项、同一社区）并入另一件办理，并告知居民")
    MatterCreated merge(@PathVariable String id, @RequestBody MergeRequest request) {
        return MatterCreated.of(routing.merge(CurrentActor.get(), parse(id), request.into()));
    }

    @PostMapping("/{id}/return")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    @Operation(summary = "一次告知：一次列明全部缺少或不合格的材料，生成带二维码的告知书，时限暂停；每件诉求只能一次")
    MatterCreated returnForMaterials(@PathVariable String id, @RequestBody ReturnRequest request) {
        return MatterCreated.of(outcome.returnForMaterials(CurrentActor.get(), parse(id),
                request.problems() == null ? List.of() : request.problems(), request.note()));
    }

    @PostMapping("/{id}/resubmit")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "补齐一次告知的材料后重新提交，时限按剩余工作日继续")
    MatterCreated resubmit(@PathVariable String id, @RequestBody ResubmitRequest request) {
        Map<String, MatterIntake.Upload> files = new LinkedHashMap<>();
        if (request.materials() != null) {
            request.materials().forEach((code, body) -> {
                MatterIntake.Upload upload = body.upload("materials." + code);
                if (upload != null) {
                    files.put(code, upload);
                }
            });
        }
        return MatterCreated.of(outcome.resubmit(CurrentActor.get(), parse(id), files, request.note()));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    @Operation(summary = "办结，写明办理结果并通知居民")
    MatterCreated close(@PathVariable String id, @RequestBody CloseRequest request) {
        return MatterCreated.of(outcome.close(CurrentActor.get(), parse(id), request.result()));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    @Operation(summary = "不予办理：一次告知退回并补齐后材料仍不符合要求的，由所在单位写明理由结束办理（不计入解决率）")
    MatterCreated reject(@PathVariable String id, @RequestBody RejectRequest request) {
        return MatterCreated.of(outcome.reject(CurrentActor.get(), parse(id), request.reason()));
    }

    @PostMapping("/{id}/rate")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "居民对本人已办结的诉求评价 1–5 星（办结后 15 天内，只能一次）")
    MatterCreated rate(@PathVariable String id, @RequestBody RateRequest request) {
        if (request.rating() == null) {
            throw DomainException.invalid("rating", Messages.text("requests.rating.range"));
        }
        return MatterCreated.of(outcome.rate(CurrentActor.get(), parse(id), request.rating(), request.comment()));
    }

    @PostMapping("/{id}/reopen")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "不满意的居民在办结后 7 天内申请重新办理一次，退回办结单位")
    MatterCreated reopen(@PathVariable String id, @RequestBody ReasonRequest request) {
        return MatterCreated.of(outcome.reopen(CurrentActor.get(), parse(id), request.reason()));
    }

    @PostMapping("/{id}/follow-ups")
    @PreAuthorize("hasAnyAuthority('MATTER_HANDLE', 'MATTER_SUPERVISE')")
    @Operation(summary = "记录回访（可记录电话评价）")
    MatterCreated followUp(@PathVariable String id, @RequestBody FollowUpRequest request) {
        return MatterCreated.of(outcome.followUp(CurrentActor.get(), parse(id), request.note(), request.phoneRating()));
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound(Messages.text("requests.object.matter"));
        }
    }
}
