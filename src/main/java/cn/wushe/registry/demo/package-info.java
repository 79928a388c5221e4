/**
 * Generated households and people for demo mode and for benchmark volumes, written with
 * {@code COPY} and encrypted as the application writes them.
 */
@org.jspecify.annotations.NullMarked
package cn.wushe.registry.demo;
