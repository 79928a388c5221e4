package cn.wushe.region.web;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.region.Region;
import cn.wushe.region.internal.RegionCode;
import cn.wushe.region.internal.JdbcRegions;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Browsing the official tree level by level (htmx swaps only the browser part) and searching it
 * by name or code. Public information: every user who sees grids may browse all of China.
 */
@Controller
class RegionPages {

    private static final int SEARCH_RESULTS = 50;

    private final JdbcRegions regions;

    RegionPages(JdbcRegions regions) {
        this.regions = regions;
    }

    @GetMapping("/regions")
    @PreAuthorize("hasAuthority('GRID_VIEW')")
    String provinces(@RequestParam(required = false) @Nullable String q,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        model.addAttribute("q", q == null ? "" : q.strip());
        if (q != null && !q.isBlank()) {
            List<Region> results = regions.search(q, SEARCH_RESULTS);
            model.addAttribute("results", results);
            model.addAttribute("tooShort", q.strip().codePointCount(0, q.strip().length()) < 2);
            if (htmx != null) {
                return "region/browse :: results";
            }
        }
        return browse(null, List.of(), htmx, model);
    }

    @GetMapping("/regions/{code}")
    @PreAuthorize("hasAuthority('GRID_VIEW')")
    String node(@PathVariable String code, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        RegionCode parsed = RegionCodes.parse("code", code);
        Region region = regions.find(parsed.value()).orElseThrow(() -> DomainException.notFound(Messages.text("region.subject.region", parsed)));
        model.addAttribute("q", "");
        return browse(region, regions.path(parsed), htmx, model);
    }

    private String browse(@Nullable Region current, List<Region> path, @Nullable String htmx, Model model) {
        model.addAttribute("current", current);
        model.addAttribute("path", path);
        model.addAttribute("nodes", regions.childNodes(current == null ? null : current.code()));
        return htmx != null ? "region/browse :: browser" : "region/browse";
    }
}
