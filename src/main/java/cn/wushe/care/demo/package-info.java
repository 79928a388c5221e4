/** Demo mode only: a year of tiers, visits and 四协助 items over the demo people, written set-based. */
@org.jspecify.annotations.NullMarked
package cn.wushe.care.demo;
