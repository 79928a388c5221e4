package cn.wushe.projects.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.projects.internal.Objections;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 公示 of a round's recommendations: objections by anyone signed in, answered by the bureau. */
@RestController
@RequestMapping("/api/v1")
class PublicityApi {

    static final String OBJECTION_READERS = "hasAnyAuthority('ROUND_MANAGE', 'PROJECT_VIEW')";

    private final Objections objections;
    private final String homeCounty;

    PublicityApi(Objections objections, @Value("${wushe.home-county:610527}") String homeCounty) {
        this.objections = objections;
        this.homeCounty = homeCounty;
    }

    record ObjectionRequest(@Nullable String reason) {
    }

    record AnswerRequest(@Nullable Boolean upheld, @Nullable String answer) {
    }

    @GetMapping("/publicity")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "列出公示期内的拟资助项目（组织、项目、金额、得分、公示截止日；不含个人信息）")
    List<Objections.Publicized> publicity(@RequestParam(required = false) @Nullable String county) {
        return objections.underPublicity(county == null || county.isBlank() ? homeCounty : county.strip());
    }

    @PostMapping("/projects/{id}/objections")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "公示期内对拟资助项目提出异议（须写明理由，4 至 500 字）；不在公示期的项目为 404")
    Objections.Objection file(@PathVariable String id, @RequestBody ObjectionRequest r) {
        return objections.file(CurrentActor.get(), ProjectWeb.uuid(id), r.reason());
    }

    @GetMapping("/objections")
    @PreAuthorize(OBJECTION_READERS)
    @Operation(summary = "列出管辖范围内的公示异议（待答复在前），可按申报筛选")
    List<Objections.Objection> list(@RequestParam(required = false) @Nullable UUID applicationId) {
        return objections.visible(CurrentActor.get(), applicationId, 200);
    }

    @PostMapping("/objections/{id}/answer")
    @PreAuthorize("hasAuthority('ROUND_MANAGE')")
    @Operation(summary = "答复公示异议：成立则该项目不再拟资助（答复作为理由记入审计），不成立则维持；每条异议只答复一次")
    Objections.Objection answer(@PathVariable String id, @RequestBody AnswerRequest r) {
        return objections.answer(CurrentActor.get(), ProjectWeb.uuid(id), r.upheld(), r.answer());
    }
}
