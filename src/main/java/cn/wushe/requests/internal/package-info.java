/** The requests module's implementation: catalogue, matters and their use cases, the clock, appointments, figures, demo data. */
@org.jspecify.annotations.NullMarked
package cn.wushe.requests.internal;
