package cn.wushe.region;

/**
 * A grid (网格) was retired (撤销): its grid workers and the households placed in it need a new
 * grid. Published after the change is committed.
 */
public record GridRetired(String gridCode, String countyCode) {
}
