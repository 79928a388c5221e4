/** The API under /api/v1/rounds and /api/v1/projects, and the pages of rounds, reviews and projects. */
@org.jspecify.annotations.NullMarked
package cn.wushe.projects.web;
