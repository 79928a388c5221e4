/** Roster import (Excel 导入): the template, guarded upload, per-row validation as a job, preview, commit. */
@org.jspecify.annotations.NullMarked
package cn.wushe.registry.imports;
