package cn.wushe.registry.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.ScopeLevel;
import cn.wushe.region.Grid;
import cn.wushe.region.Grids;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The communities and grids an actor may pick, from their scopes for a permission (never from the request). */
@Component
class PlaceOptions {

    private final Regions regions;
    private final Grids grids;

    PlaceOptions(Regions regions, Grids grids) {
        this.regions = regions;
        this.grids = grids;
    }

    record Option(String value, String label) {
    }

    /** Options {@code community|grid} for the register form: where the actor may register people. */
    List<Option> registrable(Actor actor) {
        Map<String, Option> options = new LinkedHashMap<>();
        for (RegionScope scope : actor.scopesFor(Permission.PERSON_EDIT)) {
            if (scope.level() == ScopeLevel.GRID) {
                String community = scope.code().substring(0, 12);
                grids.find(scope.code()).ifPresent(g -> options.put(community + "|" + g.code(),
                        new Option(community + "|" + g.code(), name(community) + " / " + g.name())));
                continue;
            }
            for (Region community : communitiesUnder(scope.code())) {
                options.put(community.code() + "|", new Option(community.code() + "|", Messages.text("registry.place.community-without-grid", community.name())));
                for (Grid g : grids.ofCommunity(community.code())) {
                    if (g.active()) {
                        options.put(community.code() + "|" + g.code(), new Option(community.code() + "|" + g.code(),
                                community.name() + " / " + g.name()));
                    }
                }
            }
        }
        return List.copyOf(options.values());
    }

    /**
     * The office that recognises a category where the worker works, as a clerk writes it in 认定来源:
     * the community's or town's name (a grid belongs to its community's office).
     */
    @org.jspecify.annotations.Nullable String officeName(String scopeCode) {
        String code = scopeCode.length() > 12 ? scopeCode.substring(0, 12) : scopeCode;
        return regions.find(code).map(Region::name).orElse(null);
    }

    /** Region filter options of the people list: the actor's view scopes and the nodes below them. */
    List<Option> viewable(Actor actor) {
        List<Option> options = new ArrayList<>();
        for (RegionScope scope : actor.scopesFor(Permission.PERSON_VIEW)) {
            if (scope.level() == ScopeLevel.GRID) {
                options.add(new Option(scope.code(), grids.find(scope.code()).map(Grid::name).orElse(scope.code())));
                continue;
            }
            if (scope.level() == ScopeLevel.COUNTY) {
                regions.children(scope.code()).forEach(t -> options.add(new Option(t.code(), t.name())));
            }
            for (Region community : communitiesUnder(scope.code())) {
                options.add(new Option(community.code(), "　" + community.name()));
                grids.ofCommunity(community.code()).stream().filter(Grid::active)
                        .forEach(g -> options.add(new Option(g.code(), "　　" + g.name())));
            }
        }
        return options;
    }

    private List<Region> communitiesUnder(String code) {
        return switch (code.length()) {
            case 12 -> regions.find(code).map(List::of).orElse(List.of());
            case 9 -> regions.children(code);
            case 6 -> regions.children(code).stream().flatMap(t -> regions.children(t.code()).stream()).toList();
            default -> List.of();
        };
    }

    private String name(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }
}
