/** The audit log's storage: hash-chained inserts and the chain verification. */
@org.jspecify.annotations.NullMarked
package cn.wushe.audit.internal;
