/** Roster export (导出 Excel): the people list as a streamed workbook, masked unless revealed with a reason. */
@org.jspecify.annotations.NullMarked
package cn.wushe.registry.exports;
