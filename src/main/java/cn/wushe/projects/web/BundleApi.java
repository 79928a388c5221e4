package cn.wushe.projects.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.projects.internal.Bundles;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 街道打包、社区落地: the communities of a bundled project, each with its targets, report and acceptance. */
@RestController
@RequestMapping("/api/v1/projects/{id}/sites")
class BundleApi {

    private final Bundles bundles;
    private final cn.wushe.projects.internal.ProjectQueries queries;

    BundleApi(Bundles bundles, cn.wushe.projects.internal.ProjectQueries queries) {
        this.bundles = bundles;
        this.queries = queries;
    }

    record SiteRequest(@Nullable String communityCode, @Nullable String targets, @Nullable Integer beneficiaries) {
    }

    record SiteReport(@Nullable String summary, @Nullable Integer served) {
    }

    record SiteAcceptance(boolean passed) {
    }

    @GetMapping
    @PreAuthorize(ProjectApi.READERS)
    @Operation(summary = "列出打包项目的落地社区：各自目标、服务人数、报告和验收结果")
    List<Bundles.Site> list(@PathVariable String id) {
        return bundles.sites(queries.application(CurrentActor.get(), ProjectWeb.uuid(id)).id());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "添加落地社区（本县 12 位社区代码）和该社区的服务目标、受益人数；拟立项或实施中的项目")
    Bundles.Site add(@PathVariable String id, @RequestBody SiteRequest r) {
        return bundles.addSite(CurrentActor.get(), ProjectWeb.uuid(id), r.communityCode(), r.targets(), r.beneficiaries());
    }

    @PostMapping("/{community}/report")
    @PreAuthorize("hasAuthority('ORG_OWN')")
    @Operation(summary = "社会组织提交某落地社区的服务报告和实际服务人数")
    Bundles.Site report(@PathVariable String id, @PathVariable String community, @RequestBody SiteReport r) {
        return bundles.report(CurrentActor.get(), ProjectWeb.uuid(id), community, r.summary(), r.served());
    }

    @PostMapping("/{community}/accept")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "验收某落地社区（合格或不合格）；全部社区验收后项目才能结项验收")
    Bundles.Site accept(@PathVariable String id, @PathVariable String community, @RequestBody SiteAcceptance r) {
        return bundles.accept(CurrentActor.get(), ProjectWeb.uuid(id), community, r.passed());
    }
}
