package cn.wushe.region.imports;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The five files of one edition of the tree, from the top down, with their CSV header (the names
 * of the china-division package, checked on COPY) and the column naming each row's parent.
 */
enum TreeFile {

    PROVINCES("provinces.csv", 2, List.of("code", "name")),
    CITIES("cities.csv", 4, List.of("code", "name", "provinceCode")),
    AREAS("areas.csv", 6, List.of("code", "name", "cityCode", "provinceCode")),
    STREETS("streets.csv", 9, List.of("code", "name", "areaCode", "provinceCode", "cityCode")),
    VILLAGES("villages.csv", 12, List.of("code", "name", "streetCode", "provinceCode", "cityCode", "areaCode"));

    private final String fileName;
    private final int digits;
    private final List<String> columns;

    TreeFile(String fileName, int digits, List<String> columns) {
        this.fileName = fileName;
        this.digits = digits;
        this.columns = columns;
    }

    String fileName() {
        return fileName;
    }

    int digits() {
        return digits;
    }

    List<String> columns() {
        return columns;
    }

    /** The quoted column names, for COPY: {@code "code", "name", "provinceCode"}. */
    String columnList() {
        return columns.stream().map(c -> '"' + c + '"').collect(Collectors.joining(", "));
    }

    /** All columns as text, so that COPY refuses only broken CSV, never a value. */
    String columnDefinitions() {
        return columns.stream().map(c -> '"' + c + "\" text").collect(Collectors.joining(", "));
    }

    String stagingTable() {
        return "stage_" + name().toLowerCase();
    }

    /** The file one level up, or {@code null} for provinces. */
    @Nullable TreeFile parentFile() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    /** The column holding the parent's code (the second column after code and name). */
    @Nullable String parentColumn() {
        return columns.size() > 2 ? columns.get(2) : null;
    }
}
