package cn.wushe.registry.internal;

/**
 * A category of people in need (困难类别): the national ones (低保, 特困 …) and any a county adds.
 *
 * @param needsDisability whether holding it requires a disability type and grade (残疾人)
 */
public record CategoryType(String code, String name, boolean needsDisability, int sortOrder, boolean active) {

    /** Disability types of GB/T 26341 (残疾类别). */
    public static final java.util.List<String> DISABILITY_TYPES = java.util.List.of("视力", "听力", "言语", "肢体", "智力", "精神", "多重");
}
