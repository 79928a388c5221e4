package cn.wushe.platform.files;

/**
 * Bounds of one spreadsheet upload; the caller (an import) sets them from its configuration.
 *
 * @param maxUploadBytes       the file itself
 * @param maxEntries           ZIP entries in the workbook
 * @param maxUncompressedBytes all entries inflated together
 * @param maxRatio             inflated ÷ compressed bytes per entry, measured while inflating
 * @param maxRows              data rows of the largest sheet
 */
public record UploadLimits(long maxUploadBytes, int maxEntries, long maxUncompressedBytes, int maxRatio, int maxRows) {
}
