/** Rounds, applications, scoring, confirmation and implementation: rules, stores and use cases. */
@org.jspecify.annotations.NullMarked
package cn.wushe.projects.internal;
