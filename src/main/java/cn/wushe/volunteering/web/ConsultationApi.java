package cn.wushe.volunteering.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.volunteering.internal.Consultations;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A team's consultation board (志愿服务协商) for apps: read it, propose, comment, support once, decide. */
@RestController
@RequestMapping("/api/v1/volunteers")
class ConsultationApi {

    private final Consultations consultations;

    ConsultationApi(Consultations consultations) {
        this.consultations = consultations;
    }

    record ProposalRequest(@Nullable String title, @Nullable String body, @Nullable String serviceLine) {
    }

    record CommentRequest(@Nullable String body) {
    }

    record DecisionRequest(boolean adopt, @Nullable String reason) {
    }

    record Created(UUID id) {
    }

    @GetMapping("/teams/{id}/proposals")
    @PreAuthorize("hasAnyAuthority('VOLUNTEER_VIEW', 'ACTIVITY_MANAGE', 'VOLUNTEER_SELF')")
    @Operation(summary = "服务队的协商提议（含评论和支持数）")
    Consultations.Board board(@PathVariable UUID id) {
        return consultations.board(CurrentActor.get(), id);
    }

    @PostMapping("/teams/{id}/proposals")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "队员提议一项活动（标题、内容、服务类别）")
    ResponseEntity<Created> propose(@PathVariable UUID id, @RequestBody ProposalRequest request) {
        UUID created = consultations.propose(CurrentActor.get(), id, request.title(), request.body(), request.serviceLine());
        return ResponseEntity.created(URI.create("/api/v1/volunteers/teams/" + id + "/proposals")).body(new Created(created));
    }

    @PostMapping("/proposals/{id}/comments")
    @PreAuthorize("hasAnyAuthority('ACTIVITY_MANAGE', 'VOLUNTEER_SELF')")
    @Operation(summary = "评论一条提议（队员或服务队负责人）")
    ResponseEntity<Void> comment(@PathVariable UUID id, @RequestBody CommentRequest request) {
        consultations.comment(CurrentActor.get(), id, request.body());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/proposals/{id}/support")
    @PreAuthorize("hasAuthority('VOLUNTEER_SELF')")
    @Operation(summary = "支持一条提议（每位队员一次）")
    ResponseEntity<Void> support(@PathVariable UUID id) {
        consultations.support(CurrentActor.get(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/proposals/{id}/decision")
    @PreAuthorize("hasAuthority('ACTIVITY_MANAGE')")
    @Operation(summary = "服务队负责人采纳（得到活动草稿）或说明理由不采纳")
    ResponseEntity<Consultations.Draft> decide(@PathVariable UUID id, @RequestBody DecisionRequest request) {
        Consultations.Draft draft = consultations.decide(CurrentActor.get(), id, request.adopt(), request.reason());
        return draft == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(draft);
    }
}
