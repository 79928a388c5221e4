package cn.wushe.requests.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.requests.internal.Catalogue;
import cn.wushe.requests.internal.CatalogueItem;
import cn.wushe.requests.internal.Channel;
import io.swagger.v3.oas.annotations.Operation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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

/** The county's service catalogue (服务事项目录): read by every signed-in user, kept by the county administrator. */
@RestController
@RequestMapping("/api/v1/catalogue")
class CatalogueApi {

    private final Catalogue catalogue;
    private final String homeCounty;

    CatalogueApi(Catalogue catalogue, @Value("${wushe.home-county:610527}") String homeCounty) {
        this.catalogue = catalogue;
        this.homeCounty = homeCounty;
    }

    record ItemRequest(@Nullable String code, @Nullable String category, @Nullable String name, @Nullable List<String> aliases,
            @Nullable List<String> conditions, @Nullable List<CatalogueItem.Material> materials,
            @Nullable List<String> channels, @Nullable Integer communityDays, @Nullable Integer townDays,
            @Nullable Integer countyDays, @Nullable String department, @Nullable Boolean urgent, @Nullable String whereWhen) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "列出县的在用服务事项（可按名称、别名搜索）")
    List<CatalogueItem> list(@RequestParam(required = false) @Nullable String county, @RequestParam(required = false) @Nullable String q) {
        return catalogue.search(county(county), q);
    }

    @GetMapping("/{code}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "查看一项在用服务事项：所需材料、条件、各级办理时限、渠道")
    CatalogueItem item(@PathVariable String code, @RequestParam(required = false) @Nullable String county) {
        return catalogue.activeByCode(county(county), code)
                .orElseThrow(() -> DomainException.notFound(Messages.text("requests.object.item")));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('MATTER_CATALOGUE')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发布事项的新版本（旧版本停用；已受理的诉求保留原版本）")
    CatalogueItem publish(@RequestBody ItemRequest request, @RequestParam(required = false) @Nullable String county) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (request.channels() != null) {
            for (String c : request.channels()) {
                channels.add(Channel.fromCode(c).orElseThrow(() -> DomainException.invalid("channels",
                        Messages.text("requests.intake.channel-unknown"))));
            }
        }
        return catalogue.publish(CurrentActor.get(), county(county), new Catalogue.Draft(request.code(), request.category(),
                request.name(), orEmpty(request.aliases()), orEmpty(request.conditions()),
                request.materials() == null ? List.of() : request.materials(), channels,
                request.communityDays() == null ? 0 : request.communityDays(), request.townDays() == null ? 0 : request.townDays(),
                request.countyDays() == null ? 0 : request.countyDays(), request.department(),
                Boolean.TRUE.equals(request.urgent()), request.whereWhen() == null ? "" : request.whereWhen()));
    }

    @PostMapping("/{code}/retire")
    @PreAuthorize("hasAuthority('MATTER_CATALOGUE')")
    @Operation(summary = "停用事项：不再受理新的诉求")
    CatalogueItem retire(@PathVariable String code, @RequestParam(required = false) @Nullable String county) {
        return catalogue.retire(CurrentActor.get(), county(county), code);
    }

    private String county(@Nullable String county) {
        if (county == null || county.isBlank()) {
            return homeCounty;
        }
        if (!county.matches("\\d{6}")) {
            throw DomainException.invalid("county", Messages.text("requests.api.county-invalid"));
        }
        return county;
    }

    private static List<String> orEmpty(@Nullable List<String> list) {
        return list == null ? List.of() : list;
    }
}
