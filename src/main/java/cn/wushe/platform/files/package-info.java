/**
 * Spreadsheet files users upload and download, guarded the one way: an upload is inspected before
 * any reader sees it (size, sniffed type, zip bomb, XXE), and every exported cell is text a
 * spreadsheet program never runs as a formula.
 */
@org.springframework.modulith.NamedInterface("files")
@org.jspecify.annotations.NullMarked
package cn.wushe.platform.files;
