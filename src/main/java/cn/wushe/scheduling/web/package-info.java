/** The system admin's page of scheduled tasks (任务队列). */
@org.jspecify.annotations.NullMarked
package cn.wushe.scheduling.web;
