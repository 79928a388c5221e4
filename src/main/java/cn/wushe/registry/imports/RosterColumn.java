package cn.wushe.registry.imports;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of the roster workbook (导入模板), in order: the header a person reads, whether the
 * cell is required, a hint for the 说明 sheet, and which {@code PersonDraft} fields report their
 * problems here, so a validation message lands on its column letter and header.
 */
enum RosterColumn {
    NAME("姓名", true, 10, "必填，最多 50 个字；汉字、字母、间隔号「·」", "name"),
    ID_TYPE("证件类型", false, 16, "下拉选择；不填即为居民身份证", "idDocType"),
    ID_NUMBER("证件号码", true, 22, "必填，18 位；请保持本列为文本格式，避免 Excel 把号码变成科学计数法", "idNumber"),
    SEX("性别", false, 6, "仅旧版（15 位）外国人永久居留身份证填写，其他证件由号码自动得出", "declaredSex"),
    PHONE("联系电话", false, 14, "手机号 11 位，固定电话带区号", "phone"),
    COMMUNITY("所在社区代码", true, 16, "必填，12 位统计用区划代码，须在您的导入范围内", "communityCode"),
    GRID("网格代码", false, 18, "15 位，须属于所填社区（村）", "gridCode"),
    ADDRESS("详细地址", false, 24, "最多 200 个字", "addressDetail"),
    HEAD_ID("户主证件号码", false, 22, "本人是户主时不填；户主须已登记，或在本文件中排在家庭成员之前", "householdId"),
    RELATION("与户主关系", false, 14, "下拉选择；户主本人可不填", "relationToHead"),
    CATEGORIES("困难类别", false, 16, "下拉选择；多个类别用「、」分隔，如：低保、残疾人", ".code"),
    CATEGORY_START("类别开始日期", false, 14, "填写类别时必填，如 2024-01-01", ".startDate", ".endDate"),
    CATEGORY_SOURCE("认定来源", false, 14, "填写类别时必填，如：县民政局", ".source"),
    DISABILITY_TYPE("残疾类别", false, 10, "困难类别含「残疾人」时必填：视力、听力、言语、肢体、智力、精神、多重", ".disabilityType"),
    DISABILITY_GRADE("残疾等级", false, 10, "困难类别含「残疾人」时必填：一级至四级", ".disabilityGrade"),
    INCOME("收入档次", false, 20, "下拉选择", "incomeBand"),
    HEALTH("健康状况", false, 20, "最多 500 个字", "health"),
    OBLIGOR_NAME("赡养人姓名", false, 10, "赡养/扶养人，可不填", "obligors[0].name", "obligors"),
    OBLIGOR_RELATION("赡养人关系", false, 10, "如：儿子、女儿", "obligors[0].relation"),
    OBLIGOR_PHONE("赡养人电话", false, 14, "", "obligors[0].phone"),
    CONTACT_NAME("联系人姓名", false, 10, "紧急联系人，可不填", "contacts[0].name", "contacts"),
    CONTACT_RELATION("联系人关系", false, 10, "如：邻居、侄子", "contacts[0].relation"),
    CONTACT_PHONE("联系人电话", false, 14, "", "contacts[0].phone");

    static final List<RosterColumn> ALL = List.of(values());

    private final String header;
    private final boolean required;
    private final int width;
    private final String hint;
    private final String[] fields;

    RosterColumn(String header, boolean required, int width, String hint, String... fields) {
        this.header = header;
        this.required = required;
        this.width = width;
        this.hint = hint;
        this.fields = fields;
    }

    String header() {
        return header;
    }

    /** As written in the template's header row: required columns carry a star. */
    String title() {
        return required ? header + "*" : header;
    }

    boolean required() {
        return required;
    }

    int width() {
        return width;
    }

    String hint() {
        return hint;
    }

    int index() {
        return ordinal();
    }

    /** A, B, … W. */
    String letter() {
        return letter(ordinal());
    }

    static String letter(int index) {
        StringBuilder sb = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            sb.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return sb.toString();
    }

    /** The column a validation message about {@code field} belongs to (categories[1].source → 认定来源). */
    static RosterColumn forField(String field) {
        boolean category = field.startsWith("categories[");
        return Arrays.stream(values())
                .filter(c -> Arrays.stream(c.fields).anyMatch(f -> f.startsWith(".") ? category && field.endsWith(f) : field.equals(f)))
                .findFirst()
                .orElse(category ? CATEGORIES : NAME);
    }

    /** The reason shown to the importer: "C 列「证件号码」：…". */
    String reason(String message) {
        return letter() + " 列「" + header + "」：" + message;
    }
}
