package cn.wushe.projects.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.web.Idempotency;
import cn.wushe.projects.internal.Application;
import cn.wushe.projects.internal.Applying;
import cn.wushe.projects.internal.ProjectQueries;
import cn.wushe.projects.internal.Round;
import cn.wushe.projects.internal.RoundManagement;
import cn.wushe.projects.internal.ScoreAggregation;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;

/** Funding rounds: open, read, close the application window, decide; an organization starts its application here. */
@RestController
@RequestMapping("/api/v1/rounds")
class RoundApi {

    static final String READERS = "hasAnyAuthority('ROUND_MANAGE', 'PROJECT_VIEW', 'ORG_OWN', 'APPLICATION_SCORE')";

    private final RoundManagement management;
    private final Applying applying;
    private final ProjectQueries queries;
    private final Idempotency idempotency;

    RoundApi(RoundManagement management, Applying applying, ProjectQueries queries, Idempotency idempotency) {
        this.management = management;
        this.applying = applying;
        this.queries = queries;
        this.idempotency = idempotency;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "列出可见的资助轮次（管理者与查看者按管辖范围，社会组织人员为本县轮次）")
    List<Round> list() {
        return queries.rounds(CurrentActor.get());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "发布资助轮次：预算、申报期、评分截止、各领域购买标准、评分标准（合计 100 分）、资格、分期比例")
    ResponseEntity<Round> open(@RequestBody RoundManagement.NewRound request,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        return idempotency.once(key, "POST /api/v1/rounds", request, Round.class, () -> {
            Round round = management.open(CurrentActor.get(), request);
            return ResponseEntity.created(URI.create("/api/v1/rounds/" + round.id())).body(round);
        });
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "查看资助轮次（剩余预算随确认立项减少）")
    Round one(@PathVariable String id) {
        return queries.round(CurrentActor.get(), ProjectWeb.uuid(id));
    }

    @GetMapping("/{id}/applications")
    @PreAuthorize("hasAnyAuthority('ROUND_MANAGE', 'PROJECT_VIEW', 'ORG_OWN')")
    @Operation(summary = "列出本轮申报（管理者见全部并按得分排名，社会组织只见本组织的）")
    List<Application> applications(@PathVariable String id) {
        return queries.applications(CurrentActor.get(), ProjectWeb.uuid(id));
    }

    @PostMapping("/{id}/applications")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    @Operation(summary = "本组织开始申报（每轮限一项；须在申报期内，组织正常且不在异常名录）")
    ResponseEntity<Application> start(@PathVariable String id) {
        Application a = applying.start(CurrentActor.get(), ProjectWeb.uuid(id));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + a.id())).eTag("\"" + a.version() + "\"").body(a);
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "截止申报：逐项资格审查，合格的按领域和工作量抽取专家")
    Round close(@PathVariable String id) {
        return management.closeApplications(CurrentActor.get(), ProjectWeb.uuid(id));
    }

    @PostMapping("/{id}/decide")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "评审委员会决定：去掉最高最低分求平均、标记离群分、排名并按剩余预算划资金线")
    ResponseEntity<List<ScoreAggregation.Ranked>> decide(@PathVariable String id) {
        return ResponseEntity.status(HttpStatus.OK).body(management.decide(CurrentActor.get(), ProjectWeb.uuid(id)));
    }
}
