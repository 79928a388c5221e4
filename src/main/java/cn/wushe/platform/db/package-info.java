/** Starts the embedded PostgreSQL server when no external database is configured. */
@org.jspecify.annotations.NullMarked
package cn.wushe.platform.db;
