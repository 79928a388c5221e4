package cn.wushe.region.web;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.region.Region;
import cn.wushe.region.internal.RegionCode;
import cn.wushe.region.internal.JdbcRegions;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The official region tree: public information, so open to every user who sees grids, not scope-limited. */
@RestController
@RequestMapping("/api/v1/regions")
class RegionApi {

    private final JdbcRegions regions;

    RegionApi(JdbcRegions regions) {
        this.regions = regions;
    }

    /** @param childCount {@code null} where not counted */
    record RegionResponse(String code, String level, String levelName, @Nullable String parentCode, String name,
            String fullName, @Nullable Integer childCount) {

        static RegionResponse of(Region r, @Nullable Integer childCount) {
            return new RegionResponse(r.code(), r.level().name(), r.level().label(), r.parentCode(), r.name(),
                    r.fullName(), childCount);
        }
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('GRID_VIEW')")
    @Operation(summary = "查看区划节点（省、市、县、乡镇街道、村社区）")
    RegionResponse region(@PathVariable String code) {
        return RegionResponse.of(existing(code), null);
    }

    @GetMapping("/{code}/children")
    @PreAuthorize("hasAuthority('GRID_VIEW')")
    @Operation(summary = "列出下级区划及各自的下级数量")
    List<RegionResponse> children(@PathVariable String code) {
        existing(code);
        return regions.childNodes(code).stream().map(n -> RegionResponse.of(n.region(), n.children())).toList();
    }

    @GetMapping
    @PreAuthorize("hasAuthority('GRID_VIEW')")
    @Operation(summary = "按名称（模糊）或代码前缀查找区划")
    List<RegionResponse> search(@RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "20") int limit) {
        if (q == null || q.strip().codePointCount(0, q.strip().length()) < 2) {
            throw DomainException.invalid("q", Messages.text("region.search.query-too-short"));
        }
        if (limit < 1 || limit > JdbcRegions.MAX_RESULTS) {
            throw DomainException.invalid("limit", Messages.text("region.search.limit-range", JdbcRegions.MAX_RESULTS));
        }
        return regions.search(q, limit).stream().map(r -> RegionResponse.of(r, null)).toList();
    }

    private Region existing(String code) {
        RegionCode parsed = RegionCodes.parse("code", code);
        return regions.find(parsed.value()).orElseThrow(() -> DomainException.notFound(Messages.text("region.subject.region", parsed)));
    }
}
