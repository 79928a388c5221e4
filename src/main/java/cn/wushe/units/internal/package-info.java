/** The units module's implementation: the unit aggregate, its repository, use cases and demo units. */
@org.jspecify.annotations.NullMarked
package cn.wushe.units.internal;
