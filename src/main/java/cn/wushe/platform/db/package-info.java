/**
 * Database plumbing every module may use: the embedded PostgreSQL server started when no external
 * database is configured, {@code COPY} loading, and the bounded pool for CPU-heavy bulk work.
 */
@org.springframework.modulith.NamedInterface("db")
@org.jspecify.annotations.NullMarked
package cn.wushe.platform.db;
