package cn.wushe.care.web;

import cn.wushe.care.internal.CareGroup;
import cn.wushe.care.internal.CaseFile;
import cn.wushe.care.internal.Casework;
import cn.wushe.care.internal.GroupWork;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.web.Idempotency;
import cn.wushe.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
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
 * The station's casework beyond cases over REST: groups (小组) with members, meetings and closing,
 * community activities (社区活动) and crises (危机干预). Creations take an {@code Idempotency-Key};
 * changes to a group or crisis take {@code If-Match} on the version its GET sent as ETag.
 */
@RestController
@RequestMapping("/api/v1/care")
class CaseworkApi {

    private final GroupWork work;
    private final Casework casework;
    private final Idempotency idempotency;

    CaseworkApi(GroupWork work, Casework casework, Idempotency idempotency) {
        this.work = work;
        this.casework = casework;
        this.idempotency = idempotency;
    }

    record GroupRequest(@Nullable String regionCode, @Nullable String name, @Nullable String purpose, @Nullable List<UUID> team) {
    }

    record MemberRequest(@Nullable String name, @Nullable UUID personId) {
    }

    record MeetingRequest(@Nullable LocalDate heldOn, @Nullable String topic, @Nullable List<UUID> attended,
            @Nullable String notes) {
    }

    record SummaryRequest(@Nullable String summary) {
    }

    record ActivityRequest(@Nullable String regionCode, @Nullable String title, @Nullable LocalDate heldOn, @Nullable String place,
            @Nullable Integer attendance, @Nullable String summary) {
    }

    record CrisisRequest(@Nullable String situation, @Nullable UUID supervisor, @Nullable List<UUID> team) {
    }

    record TextRequest(@Nullable String text) {
    }

    record Created(UUID id) {
    }

    @GetMapping("/groups")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "小组列表（个案工作范围内）：进行中的在前；组员与聚会记录须查看单个小组")
    Page<CareGroup> groups(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return work.groups(CurrentActor.get(), Math.max(page, 0), Math.clamp(size, 1, CareApi.MAX_PAGE_SIZE));
    }

    @PostMapping("/groups")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "成立小组（区域须在个案工作范围内）；带 Idempotency-Key 重发返回第一次的结果")
    ResponseEntity<Created> openGroup(@RequestBody GroupRequest request,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/v1/care/groups", request, Created.class, () -> {
            UUID id = work.openGroup(CurrentActor.get(), request.regionCode(), request.name(), request.purpose(),
                    request.team() == null ? List.of() : request.team());
            return ResponseEntity.created(URI.create("/api/v1/care/groups/" + id)).eTag(Versions.etag(0)).body(new Created(id));
        });
    }

    @GetMapping("/groups/{id}")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "查看小组：组员、聚会出席与记录、结束总结仅小组社工可见（查阅留痕）；ETag 为版本号")
    ResponseEntity<CareGroup> group(@PathVariable UUID id) {
        CareGroup group = work.read(CurrentActor.get(), id);
        return ResponseEntity.ok().eTag(Versions.etag(group.version())).body(group);
    }

    @PostMapping("/groups/{id}/members")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "添加组员（仅小组社工；姓名加密保存）；带 Idempotency-Key 重发返回第一次的结果")
    ResponseEntity<Created> addMember(@PathVariable UUID id, @RequestBody MemberRequest request,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/v1/care/groups/{id}/members", List.of(id, request), Created.class,
                () -> ResponseEntity.created(URI.create("/api/v1/care/groups/" + id))
                        .body(new Created(work.addMember(CurrentActor.get(), id, request.name(), request.personId()))));
    }

    @PostMapping("/groups/{id}/meetings")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "记录小组聚会：日期（30 天内）、主题、出席组员、记录；带 Idempotency-Key 重发返回第一次的结果")
    ResponseEntity<Created> meeting(@PathVariable UUID id, @RequestBody MeetingRequest request,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/v1/care/groups/{id}/meetings", List.of(id, request), Created.class,
                () -> ResponseEntity.created(URI.create("/api/v1/care/groups/" + id))
                        .body(new Created(work.meeting(CurrentActor.get(), id, request.heldOn(), request.topic(),
                                request.attended() == null ? List.of() : request.attended(), request.notes()))));
    }

    @PostMapping("/groups/{id}/close")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "结束小组：总结必填（仅小组社工，须带 If-Match）；结束后不再添加组员与聚会")
    ResponseEntity<CareGroup> closeGroup(@PathVariable UUID id, @RequestBody SummaryRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        CareGroup group = work.closeGroup(CurrentActor.get(), id, request.summary(), Versions.required(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(group.version())).body(group);
    }

    @GetMapping("/activities")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "社区活动列表（个案工作范围内），最近的在前")
    Page<GroupWork.Activity> activities(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return work.activities(CurrentActor.get(), Math.max(page, 0), Math.clamp(size, 1, CareApi.MAX_PAGE_SIZE));
    }

    @PostMapping("/activities")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "登记社区活动：区域、名称、日期（一年内）、地点、参加人次（0 至 100000）；带 Idempotency-Key 重发返回第一次的结果")
    ResponseEntity<Created> activity(@RequestBody ActivityRequest request,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/v1/care/activities", request, Created.class,
                () -> ResponseEntity.created(URI.create("/api/v1/care/activities")).body(new Created(work.recordActivity(
                        CurrentActor.get(), request.regionCode(), request.title(), request.heldOn(), request.place(),
                        request.attendance(), request.summary()))));
    }

    @GetMapping("/crises")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "危机干预列表（个案工作范围内），最新的在前；open=true 只列未结案的")
    Page<CaseFile> crises(@RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return casework.list(CurrentActor.get(), open, true, Math.max(page, 0), Math.clamp(size, 1, CareApi.MAX_PAGE_SIZE));
    }

    @PostMapping("/people/{personId}/crises")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "启动危机干预：情况必填；首次联系时限为本县设置的小时数；带 Idempotency-Key 重发返回第一次的结果")
    ResponseEntity<Created> openCrisis(@PathVariable UUID personId, @RequestBody CrisisRequest request,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/v1/care/people/{personId}/crises", List.of(personId, request),
                Created.class, () -> {
                    UUID id = casework.openCrisis(CurrentActor.get(), personId, request.situation(), request.supervisor(),
                            request.team() == null ? List.of() : request.team());
                    return ResponseEntity.created(URI.create("/api/v1/care/crises/" + id)).eTag(Versions.etag(0))
                            .body(new Created(id));
                });
    }

    @GetMapping("/crises/{id}")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "查看危机干预：联系时限、安全计划与记录仅个案社工、督导与团队可见（查阅留痕）；ETag 为版本号")
    ResponseEntity<CaseFile> crisis(@PathVariable UUID id) {
        CaseFile file = crisisOf(CurrentActor.get(), id);
        return ResponseEntity.ok().eTag(Versions.etag(file.version())).body(file);
    }

    @PostMapping("/crises/{id}/contacts")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "记录一次联系（须带 If-Match）：下次联系时限顺延一天，直至解除危机")
    ResponseEntity<CaseFile> contact(@PathVariable UUID id, @RequestBody TextRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        casework.contact(CurrentActor.get(), id, request.text(), Versions.required(ifMatch));
        return crisis(id);
    }

    @PostMapping("/crises/{id}/safety-plan")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "保存安全计划（须带 If-Match；加密保存）")
    ResponseEntity<CaseFile> safetyPlan(@PathVariable UUID id, @RequestBody TextRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        casework.safetyPlan(CurrentActor.get(), id, request.text(), Versions.required(ifMatch));
        return crisis(id);
    }

    @PostMapping("/crises/{id}/deescalate")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "解除危机（须带 If-Match 与理由；须已首次联系并有安全计划）：每日联系结束")
    ResponseEntity<CaseFile> deescalate(@PathVariable UUID id, @RequestBody TextRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        casework.deescalate(CurrentActor.get(), id, request.text(), Versions.required(ifMatch));
        return crisis(id);
    }

    @PostMapping("/crises/{id}/close")
    @PreAuthorize("hasAuthority('CASEWORK')")
    @Operation(summary = "危机干预结案（须带 If-Match 与结案小结）：联系时限取消")
    ResponseEntity<CaseFile> closeCrisis(@PathVariable UUID id, @RequestBody SummaryRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Actor actor = CurrentActor.get();
        crisisOf(actor, id);
        casework.close(actor, id, request.summary(), Versions.required(ifMatch));
        return crisis(id);
    }

    /** A case that is not a crisis is not found here: this resource lists crises only. */
    private CaseFile crisisOf(Actor actor, UUID id) {
        CaseFile file = casework.read(actor, id);
        if (!file.crisisCase()) {
            throw DomainException.notFound(Messages.text("care.subject.case"));
        }
        return file;
    }
}
