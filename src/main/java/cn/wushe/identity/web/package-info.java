/** The identity pages (login, own password and tokens, user and role administration) and their JSON API. */
@org.jspecify.annotations.NullMarked
package cn.wushe.identity.web;
