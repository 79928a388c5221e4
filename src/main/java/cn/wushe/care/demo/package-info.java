/** Demo mode only: a year of tiers, visits, assists and alerts over the demo people, written in batches. */
@org.jspecify.annotations.NullMarked
package cn.wushe.care.demo;
