package cn.wushe.registry.imports;

import cn.wushe.platform.Messages;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of the roster workbook (导入模板), in order: the header a person reads, whether the
 * cell is required, a hint for the 说明 sheet, and which {@code PersonDraft} fields report their
 * problems here, so a validation message lands on its column letter and header.
 */
enum RosterColumn {
    NAME(true, 10, "name"),
    ID_TYPE(false, 16, "idDocType"),
    ID_NUMBER(true, 22, "idNumber"),
    SEX(false, 6, "declaredSex"),
    PHONE(false, 14, "phone"),
    COMMUNITY(true, 16, "communityCode"),
    GRID(false, 18, "gridCode"),
    ADDRESS(false, 24, "addressDetail"),
    HEAD_ID(false, 22, "householdId"),
    RELATION(false, 14, "relationToHead"),
    CATEGORIES(false, 16, ".code"),
    CATEGORY_START(false, 14, ".startDate", ".endDate"),
    CATEGORY_SOURCE(false, 14, ".source"),
    DISABILITY_TYPE(false, 10, ".disabilityType"),
    DISABILITY_GRADE(false, 10, ".disabilityGrade"),
    INCOME(false, 20, "incomeBand"),
    HEALTH(false, 20, "health"),
    OBLIGOR_NAME(false, 10, "obligors[0].name", "obligors"),
    OBLIGOR_RELATION(false, 10, "obligors[0].relation"),
    OBLIGOR_PHONE(false, 14, "obligors[0].phone"),
    CONTACT_NAME(false, 10, "contacts[0].name", "contacts"),
    CONTACT_RELATION(false, 10, "contacts[0].relation"),
    CONTACT_PHONE(false, 14, "contacts[0].phone");

    static final List<RosterColumn> ALL = List.of(values());

    private final boolean required;
    private final int width;
    private final String[] fields;

    RosterColumn(boolean required, int width, String... fields) {
        this.required = required;
        this.width = width;
        this.fields = fields;
    }

    String header() {
        return Messages.text("registry.column." + name());
    }

    /** As written in the template's header row: required columns carry a star. */
    String title() {
        return required ? header() + "*" : header();
    }

    boolean required() {
        return required;
    }

    int width() {
        return width;
    }

    String hint() {
        return Messages.text("registry.column.hint." + name());
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
        return Messages.text("registry.column.reason", letter(), header(), message);
    }
}
