package cn.wushe.units;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ScopeLevel;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What kind of unit (单位) it is, and at which level of the region tree such a unit sits: a
 * department at its county, a street office or station at its town, a committee or a social-work
 * room at its community; organizations and companies wherever they are registered.
 */
public enum UnitKind {
    /** 县直部门：民政局、人社局、卫健局、残联、教育局、住建局、医保局 … */
    COUNTY_DEPARTMENT(ScopeLevel.COUNTY),
    /** 镇政府 / 街道办事处 */
    TOWN_GOVERNMENT(ScopeLevel.TOWN),
    /** 县社工总站 */
    COUNTY_STATION(ScopeLevel.COUNTY),
    /** 镇（街道）社工站 */
    TOWN_STATION(ScopeLevel.TOWN),
    /** 社区（村）社工室 */
    COMMUNITY_ROOM(ScopeLevel.COMMUNITY),
    /** 居委会 / 村委会 */
    COMMUNITY_COMMITTEE(ScopeLevel.COMMUNITY),
    /** 社会组织 */
    SOCIAL_ORGANIZATION(ScopeLevel.COUNTY, ScopeLevel.TOWN, ScopeLevel.COMMUNITY),
    /** 慈善组织 */
    CHARITY_ORGANIZATION(ScopeLevel.COUNTY, ScopeLevel.TOWN, ScopeLevel.COMMUNITY),
    /** 企业 */
    COMPANY(ScopeLevel.COUNTY, ScopeLevel.TOWN, ScopeLevel.COMMUNITY);

    private final Set<ScopeLevel> levels;

    UnitKind(ScopeLevel first, ScopeLevel... more) {
        this.levels = EnumSet.of(first, more);
    }

    /** The region levels a unit of this kind may be placed at. */
    public Set<ScopeLevel> levels() {
        return levels;
    }

    /** Whether a unit of this kind may sit at {@code regionCode}'s level. */
    public boolean fits(String regionCode) {
        return ScopeLevel.ofDigits(regionCode.length()).filter(levels::contains).isPresent();
    }

    /** The Chinese name, e.g. 社工站 (key {@code units.kind.<CONSTANT>}). */
    public String label() {
        return Messages.text("units.kind." + name());
    }

    /** Lenient lookup for request input; empty for an unknown code. */
    public static Optional<UnitKind> fromCode(@Nullable String code) {
        return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
    }
}
