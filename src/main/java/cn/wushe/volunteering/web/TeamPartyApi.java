package cn.wushe.volunteering.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.volunteering.internal.PartyReports;
import cn.wushe.volunteering.internal.Teams;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Teams (志愿服务队) beyond the list — one team with its members for whoever runs it, naming the
 * leader, ending a membership — and 双报到 for apps: the member's own declaration, the community's
 * list and confirmation, the sending unit's yearly summary. Signed-in only; the flag is never public.
 */
@RestController
@RequestMapping("/api/v1/volunteers")
class TeamPartyApi {

    private final Teams teams;
    private final PartyReports party;

    TeamPartyApi(Teams teams, PartyReports party) {
        this.teams = teams;
        this.party = party;
    }

    record LeaderRequest(@Nullable UUID volunteerId) {
    }

    record DeclarationRequest(boolean partyMember, @Nullable UUID sendingUnitId, @Nullable String sendingEmployer) {
    }

    record ConfirmationRequest(boolean confirmed) {
    }

    @GetMapping("/teams/{id}")
    @PreAuthorize("hasAnyAuthority('VOLUNTEER_VIEW', 'ACTIVITY_MANAGE', 'VOLUNTEER_SELF')")
    @Operation(summary = "一个志愿服务队：时长、活动数；负责该队的人另见队员及加入、退出日期")
    Teams.TeamDetail team(@PathVariable UUID id) {
        return teams.detail(CurrentActor.get(), id);
    }

    @PostMapping("/teams/{id}/leader")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "设定队长（须是在队并已注册账号的队员）")
    ResponseEntity<Void> leader(@PathVariable UUID id, @RequestBody LeaderRequest request) {
        teams.appointLeader(CurrentActor.get(), id, request.volunteerId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/teams/{id}/members/{volunteerId}/end")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "记录队员退队（保留加入和退出日期）")
    ResponseEntity<Void> endMembership(@PathVariable UUID id, @PathVariable UUID volunteerId) {
        teams.endMembership(CurrentActor.get(), id, volunteerId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me/party")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "本人的双报到申报（党员、派出单位或工作单位、社区是否已确认）")
    PartyReports.Declaration ownDeclaration() {
        return party.own(CurrentActor.get());
    }

    @PutMapping("/me/party")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "申报或撤回双报到；改动后须由社区重新确认")
    PartyReports.Declaration declare(@RequestBody DeclarationRequest request) {
        var actor = CurrentActor.get();
        party.declare(actor, request.partyMember(), request.sendingUnitId(), request.sendingEmployer());
        return party.own(actor);
    }

    @GetMapping("/party")
    @PreAuthorize("hasAuthority('VOLUNTEER_VIEW')")
    @Operation(summary = "社区的双报到党员及其当年活动和已确认时长")
    List<PartyReports.Reported> community(@RequestParam(required = false) @Nullable Integer year) {
        return party.ofCommunity(CurrentActor.get(), year(year));
    }

    @PostMapping("/party/{volunteerId}/confirmation")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "社区确认或取消确认一名党员的双报到")
    ResponseEntity<Void> confirm(@PathVariable UUID volunteerId, @RequestBody ConfirmationRequest request) {
        party.confirm(CurrentActor.get(), volunteerId, request.confirmed());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/party/unit")
    @PreAuthorize("hasAnyAuthority('VOLUNTEER_VIEW', 'ACTIVITY_MANAGE')")
    @Operation(summary = "派出单位的年度汇总：报到到社区并经确认的本单位党员")
    List<PartyReports.Reported> unit(@RequestParam(required = false) @Nullable Integer year) {
        return party.ofOwnUnits(CurrentActor.get(), year(year));
    }

    private int year(@Nullable Integer year) {
        if (year == null) {
            return party.thisYear();
        }
        if (year < 2000 || year > 2100) {
            throw DomainException.invalid("year", Messages.text("volunteering.outcome-kind.year-invalid"));
        }
        return year;
    }
}
