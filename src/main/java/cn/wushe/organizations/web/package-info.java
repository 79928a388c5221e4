/** The register's API under /api/v1/organizations and its pages. */
@org.jspecify.annotations.NullMarked
package cn.wushe.organizations.web;
