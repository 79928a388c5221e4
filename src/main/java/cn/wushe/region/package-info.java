/**
 * China's administrative region tree (统计用区划代码: province → city → county → town/street →
 * community/village) and the project's own grids (网格) under communities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Region 区划与网格", allowedDependencies = { "platform", "platform :: *", "audit" })
@org.jspecify.annotations.NullMarked
package cn.wushe.region;
