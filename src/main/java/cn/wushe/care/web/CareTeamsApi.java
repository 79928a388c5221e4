package cn.wushe.care.web;

import cn.wushe.care.internal.CarePeople;
import cn.wushe.care.internal.CareTeam;
import cn.wushe.care.internal.CareTeams;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import cn.wushe.platform.web.Versions;
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

/** Care teams (关爱帮扶小组) over REST: team types, teams, members (contacts, phone encrypted at rest), follow-ups. */
@RestController
@RequestMapping("/api/v1/care")
class CareTeamsApi {

    private final CareTeams teams;
    private final CarePeople people;

    CareTeamsApi(CareTeams teams, CarePeople people) {
        this.teams = teams;
        this.people = people;
    }

    record TypeRequest(String countyCode, @Nullable String name, int cycleDays, @Nullable List<String> questions) {
    }

    record TeamRequest(@Nullable UUID typeId, @Nullable String name) {
    }

    record MemberRequest(@Nullable UUID userId, @Nullable String name, @Nullable String unit, @Nullable String role,
            @Nullable String phone) {
    }

    record FollowUpRequest(@Nullable LocalDate heldOn, @Nullable List<UUID> participants, @Nullable List<String> answers) {
    }

    record Created(UUID id) {
    }

    @GetMapping("/team-types")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT', 'CARE_SETTINGS')")
    @Operation(summary = "帮扶小组类型（本人所在县）：名称、随访周期（天）与随访表")
    List<CareTeam.Type> types() {
        return teams.types(CurrentActor.get());
    }

    @PostMapping("/team-types")
    @PreAuthorize("hasAuthority('CARE_SETTINGS')")
    @Operation(summary = "新增帮扶小组类型（县管理员）：随访表 1 至 20 项、随访周期 1 至 366 天")
    ResponseEntity<CareTeam.Type> defineType(@RequestBody TypeRequest request) {
        CareTeam.Type type = teams.defineType(CurrentActor.get(), request.countyCode(), request.name(), request.cycleDays(),
                request.questions() == null ? List.of() : request.questions());
        return ResponseEntity.created(URI.create("/api/v1/care/team-types")).body(type);
    }

    @GetMapping("/teams")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT')")
    @Operation(summary = "帮扶小组列表（不含成员），随访最逾期的在前；可按关爱对象筛选")
    Page<CareTeam> list(@RequestParam(required = false) @Nullable UUID personId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return teams.list(CurrentActor.get(), personId, Math.max(page, 0), Math.clamp(size, 1, CareApi.MAX_PAGE_SIZE));
    }

    @GetMapping("/teams/{id}")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT')")
    @Operation(summary = "查看帮扶小组：成员及电话、已移出的成员、随访记录（查阅留痕）；ETag 为版本号")
    ResponseEntity<CareTeam> read(@PathVariable UUID id) {
        CareTeam team = teams.read(CurrentActor.get(), id);
        return ResponseEntity.ok().eTag(Versions.etag(team.version())).body(team);
    }

    @PostMapping("/people/{personId}/teams")
    @PreAuthorize("hasAuthority('CARE_MANAGE')")
    @Operation(summary = "为关爱对象成立帮扶小组（选本县的小组类型）")
    ResponseEntity<Created> form(@PathVariable UUID personId, @RequestBody TeamRequest request) {
        Actor actor = CurrentActor.get();
        people.forActor(actor, personId);
        UUID id = teams.form(actor, personId, request.typeId(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/care/teams/" + id)).body(new Created(id));
    }

    @PostMapping("/teams/{id}/members")
    @PreAuthorize("hasAuthority('CARE_MANAGE')")
    @Operation(summary = "添加小组成员：平台账号或外部联系人（姓名、单位、身份、电话；电话加密保存）")
    ResponseEntity<Created> addMember(@PathVariable UUID id, @RequestBody MemberRequest request) {
        UUID member = teams.addMember(CurrentActor.get(), id, request.userId(), request.name(), request.unit(), request.role(),
                request.phone());
        return ResponseEntity.created(URI.create("/api/v1/care/teams/" + id)).body(new Created(member));
    }

    record RemovalRequest(@Nullable String reason) {
    }

    @PostMapping("/teams/{id}/members/{memberId}/removal")
    @PreAuthorize("hasAuthority('CARE_MANAGE')")
    @Operation(summary = "移出小组成员：原因必填（须带 If-Match）；记录保留，随访中仍显示其姓名")
    ResponseEntity<CareTeam> removeMember(@PathVariable UUID id, @PathVariable UUID memberId, @RequestBody RemovalRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        CareTeam team = teams.removeMember(CurrentActor.get(), id, memberId, request.reason(), Versions.required(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(team.version())).body(team);
    }

    @PostMapping("/teams/{id}/follow-ups")
    @PreAuthorize("hasAnyAuthority('CARE_VISIT', 'CARE_MANAGE')")
    @Operation(summary = "记录小组随访：日期、参加的成员、按类型随访表逐项填写；下次随访顺延一个周期")
    ResponseEntity<Created> followUp(@PathVariable UUID id, @RequestBody FollowUpRequest request) {
        UUID followUp = teams.followUp(CurrentActor.get(), id, request.heldOn(),
                request.participants() == null ? List.of() : request.participants(),
                request.answers() == null ? List.of() : request.answers());
        return ResponseEntity.created(URI.create("/api/v1/care/teams/" + id)).body(new Created(followUp));
    }
}
