/** The register's rules, its store and its use cases. */
@org.jspecify.annotations.NullMarked
package cn.wushe.organizations.internal;
