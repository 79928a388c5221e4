/** The volunteering module's implementation: hours arithmetic, geofence, stores and use cases. */
@org.jspecify.annotations.NullMarked
package cn.wushe.volunteering.internal;
