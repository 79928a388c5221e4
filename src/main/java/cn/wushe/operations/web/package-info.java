/** The system admin's backup page (数据备份). */
@org.jspecify.annotations.NullMarked
package cn.wushe.operations.web;
