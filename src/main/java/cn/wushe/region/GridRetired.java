package cn.wushe.region;

/**
 * A grid (网格) was retired (撤销). Published inside the retiring transaction, so a listener declared
 * with {@code @ApplicationModuleListener} sees it only once the retirement is committed. No module
 * reacts to it yet: grid workers and the people placed in the grid keep its code until someone moves
 * them; what changes at once is that nobody can be registered or imported into it.
 */
public record GridRetired(String gridCode, String countyCode) {
}
