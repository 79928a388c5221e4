/** The workbench's pages: the role-aware workbench (工作台) and the large-type switch (适老化). */
@org.jspecify.annotations.NullMarked
package cn.wushe.workbench.web;
