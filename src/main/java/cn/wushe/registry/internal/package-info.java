/**
 * The registry's inside: the person aggregate and its stores, households, categories, change
 * history, roster upserts, encrypted views, scopes and re-encryption. Nothing here is for other
 * modules; they use the events and identifiers in the module's root package.
 */
@org.jspecify.annotations.NullMarked
package cn.wushe.registry.internal;
