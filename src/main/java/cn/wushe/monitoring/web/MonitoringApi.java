package cn.wushe.monitoring.web;

import cn.wushe.monitoring.internal.FeedComparison;
import cn.wushe.monitoring.internal.FeedKind;
import cn.wushe.monitoring.internal.FeedRun;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Data comparison (数据比对) over REST: run a department file (CSV, {@code identity number,value} per
 * row) for a county, list the runs, read one with its rejected rows. A file runs once (409 after).
 */
@RestController
@RequestMapping("/api/v1/monitoring")
class MonitoringApi {

    private final FeedComparison comparison;

    MonitoringApi(FeedComparison comparison) {
        this.comparison = comparison;
    }

    record RunPage(List<FeedRun> items, int page, int size, long total) {
    }

    @PostMapping(value = "/feeds", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    @Operation(summary = "上传部门数据文件（CSV：身份证号,数值）并比对，按县规则生成预警；同一文件只比对一次")
    ResponseEntity<FeedRun> run(@RequestParam(required = false) @Nullable String countyCode,
            @RequestParam(required = false) @Nullable FeedKind kind, @RequestPart("file") MultipartFile file)
            throws IOException {
        FeedRun run = comparison.run(CurrentActor.get(), countyCode, kind, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/monitoring/runs/" + run.id())).body(run);
    }

    @GetMapping("/runs")
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    @Operation(summary = "比对记录列表（最新在前）")
    RunPage runs(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw DomainException.invalid("size", Messages.text("platform.page.size-range", 100));
        }
        Page<FeedRun> result = comparison.list(CurrentActor.get(), page, size);
        return new RunPage(result.items(), result.page(), result.size(), result.count());
    }

    @GetMapping("/runs/{id}")
    @PreAuthorize("hasAuthority('MONITORING_RUN')")
    @Operation(summary = "查看一次比对：匹配、预警与被退回的行及原因")
    FeedRun run(@PathVariable UUID id) {
        return comparison.find(CurrentActor.get(), id)
                .orElseThrow(() -> DomainException.notFound(Messages.text("monitoring.subject.run")));
    }
}
