package cn.wushe.region;

/**
 * A grid (网格): the project's own subdivision of one community, coded as the community's 12 digits
 * plus 3 digits.
 *
 * @param active {@code false} once retired (撤销); a retired grid keeps its code, never reused
 */
public record Grid(String code, String communityCode, String countyCode, String name, boolean active) {
}
