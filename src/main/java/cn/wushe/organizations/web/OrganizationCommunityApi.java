package cn.wushe.organizations.web;

import cn.wushe.organizations.internal.CommunityCheckins;
import cn.wushe.organizations.internal.CommunityPopulation;
import cn.wushe.platform.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizations and communities: 报到 (an organization reports to a community, the community
 * confirms or declines), the residents per community the county keeps, and community organizations
 * per 10,000 residents.
 */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationCommunityApi {

    static final String CHECKIN_READERS = "hasAnyAuthority('ORG_CHECKIN_CONFIRM', 'ORG_VIEW', 'ORG_OWN')";

    private final CommunityCheckins checkins;
    private final CommunityPopulation population;
    private final String homeCounty;

    OrganizationCommunityApi(CommunityCheckins checkins, CommunityPopulation population,
            @Value("${wushe.home-county:610527}") String homeCounty) {
        this.checkins = checkins;
        this.population = population;
        this.homeCounty = homeCounty;
    }

    record CheckinRequest(@Nullable String communityCode, @Nullable String services) {
    }

    record DecisionRequest(@Nullable Boolean confirm, @Nullable String reason) {
    }

    record PopulationRequest(@Nullable Integer residents, @Nullable Integer year) {
    }

    @PostMapping("/{id}/checkins")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "本组织向本县某社区报到，写明提供的服务；被婉拒后可再次报到")
    CommunityCheckins.Checkin report(@PathVariable String id, @RequestBody CheckinRequest r) {
        return checkins.report(CurrentActor.get(), OrganizationApi.parse(id), r.communityCode(), r.services());
    }

    @GetMapping("/checkins")
    @PreAuthorize(CHECKIN_READERS)
    @Operation(summary = "列出报到记录：社区看向本社区的报到，县、镇看管辖范围内的，组织看本组织的；待确认在前")
    List<CommunityCheckins.Checkin> list() {
        return checkins.visible(CurrentActor.get(), 200);
    }

    @PostMapping("/{id}/checkins/{community}/decision")
    @PreAuthorize("hasAuthority('ORG_CHECKIN_CONFIRM')")
    @Operation(summary = "社区确认或婉拒（须写明理由）组织的报到；确认后社区可以看到该组织的项目")
    CommunityCheckins.Checkin decide(@PathVariable String id, @PathVariable String community, @RequestBody DecisionRequest r) {
        return checkins.decide(CurrentActor.get(), OrganizationApi.parse(id), community, r.confirm(), r.reason());
    }

    @GetMapping("/population")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    @Operation(summary = "县里维护的各社区常住人口（按镇街分组，未填的为空）")
    List<CommunityPopulation.Town> figures(@org.springframework.web.bind.annotation.RequestParam(required = false)
            @Nullable String county) {
        return population.figures(CurrentActor.get(), county == null || county.isBlank() ? homeCounty : county.strip());
    }

    @PutMapping("/population/{community}")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    @Operation(summary = "录入或更正一个社区的常住人口和统计年度（县民政局）")
    CommunityPopulation.Figure setFigure(@PathVariable String community, @RequestBody PopulationRequest r) {
        return population.set(CurrentActor.get(), community, r.residents(), r.year());
    }

    @GetMapping("/density")
    @PreAuthorize("hasAuthority('ORG_VIEW')")
    @Operation(summary = "社区社会组织每万人数：按镇街和全县，只计已填人口的社区，并给出已填人口的社区数")
    List<CommunityPopulation.Density> density() {
        return population.density(CurrentActor.get());
    }
}
