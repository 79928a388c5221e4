/** Care's domain: tiers, cycles, visits, assists, pairings, alerts and their stores. */
@org.jspecify.annotations.NullMarked
package cn.wushe.care.internal;
