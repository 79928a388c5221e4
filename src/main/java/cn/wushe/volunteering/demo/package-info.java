/** Demo data of 白水县: volunteers, teams, a year of activities with confirmed hours, a tutoring service and a store. */
@org.jspecify.annotations.NullMarked
package cn.wushe.volunteering.demo;
