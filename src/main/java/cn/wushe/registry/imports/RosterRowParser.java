package cn.wushe.registry.imports;

import static cn.wushe.registry.imports.RosterColumn.*;

import cn.wushe.platform.Messages;
import cn.wushe.registry.internal.CategoryType;
import cn.wushe.registry.internal.CategoryTypes;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.registry.internal.IncomeBand;
import cn.wushe.registry.internal.PersonDraft;
import cn.wushe.registry.internal.PersonDraft.CategoryDraft;
import cn.wushe.registry.internal.PersonDraft.PartyDraft;
import cn.wushe.registry.internal.RelationToHead;
import cn.wushe.platform.personal.Sex;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns the cells of one roster row (as text) into a {@link PersonDraft}: labels chosen from the
 * drop-downs become enum values, category names become codes, dates are read in the usual ways.
 * Only what cannot be expressed in a draft is reported here (an unknown label, a date that is not
 * one, a number Excel turned into scientific notation); everything else is for {@code PersonValidation}.
 */
@Component
class RosterRowParser {

    static final Pattern CATEGORY_SEPARATOR = Pattern.compile("[、,，;；/\\s]+");
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[Ee]\\+?\\d+");
    private static final List<DateTimeFormatter> DATES = Arrays.stream(new String[] {"uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd", Messages.text("registry.import.date-pattern-chinese")})
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();
    private static final Map<String, Integer> GRADES = Map.of("1", 1, "2", 2, "3", 3, "4", 4, Messages.text("registry.import.grade-digit.1"), 1, Messages.text("registry.import.grade-digit.2"), 2,
            Messages.text("registry.import.grade-digit.3"), 3, Messages.text("registry.import.grade-digit.4"), 4);

    private final CategoryTypes categoryTypes;

    private final java.time.Clock clock;

    RosterRowParser(CategoryTypes categoryTypes, java.time.Clock clock) {
        this.categoryTypes = categoryTypes;
        this.clock = clock;
    }

    /**
     * @param headIdNumber the head of household's number, normalised; {@code null} when the person heads their own
     * @param problems     column → Chinese message for what could not be read
     */
    record ParsedRow(PersonDraft draft, @Nullable String headIdNumber, Map<RosterColumn, String> problems) {
    }

    ParsedRow parse(List<String> cells) {
        Map<RosterColumn, String> problems = new EnumMap<>(RosterColumn.class);
        IdDocumentType docType = label(cells, ID_TYPE, IdDocumentType.values(), IdDocumentType::label, problems);
        String idNumber = number(cells, ID_NUMBER, problems);
        String head = number(cells, HEAD_ID, problems);
        if (head != null && idNumber != null && IdentityNumber.normalise(head).equals(IdentityNumber.normalise(idNumber))) {
            head = null;
        }
        RelationToHead relation = relation(cells, problems);
        PersonDraft draft = new PersonDraft(cell(cells, NAME), docType, idNumber,
                label(cells, SEX, Sex.values(), Sex::label, problems), cell(cells, PHONE), cell(cells, COMMUNITY),
                cell(cells, GRID), cell(cells, ADDRESS), null, relation, categories(cells, problems), cell(cells, HEALTH),
                label(cells, INCOME, IncomeBand.values(), IncomeBand::label, problems),
                party(cells, OBLIGOR_NAME, OBLIGOR_RELATION, OBLIGOR_PHONE),
                party(cells, CONTACT_NAME, CONTACT_RELATION, CONTACT_PHONE));
        return new ParsedRow(draft, head == null ? null : IdentityNumber.normalise(head), Map.copyOf(problems));
    }

    static @Nullable String cell(List<String> cells, RosterColumn column) {
        if (column.index() >= cells.size()) {
            return null;
        }
        String value = cells.get(column.index());
        if (value == null) {
            return null;
        }
        String s = value.strip();
        return s.isEmpty() ? null : s;
    }

    private static @Nullable String number(List<String> cells, RosterColumn column, Map<RosterColumn, String> problems) {
        String value = cell(cells, column);
        if (value != null && SCIENTIFIC.matcher(value).matches()) {
            problems.put(column, Messages.text("registry.import.number-as-scientific", value));
        }
        return value;
    }

    private static <E> @Nullable E label(List<String> cells, RosterColumn column, E[] values, Function<E, String> label,
            Map<RosterColumn, String> problems) {
        String value = cell(cells, column);
        if (value == null) {
            return null;
        }
        Optional<E> found = Arrays.stream(values).filter(v -> label.apply(v).equals(value)).findFirst();
        if (found.isEmpty()) {
            problems.put(column, Messages.text("registry.import.not-an-option", value,
                    Arrays.stream(values).map(label).collect(Collectors.joining("、"))));
        }
        return found.orElse(null);
    }

    private static @Nullable RelationToHead relation(List<String> cells, Map<RosterColumn, String> problems) {
        String value = cell(cells, RELATION);
        if (Messages.text("registry.import.relation-self").equals(value) || Messages.text("registry.import.relation-head").equals(value)) {
            return RelationToHead.SELF;
        }
        return label(cells, RELATION, RelationToHead.values(), RelationToHead::label, problems);
    }

    private List<CategoryDraft> categories(List<String> cells, Map<RosterColumn, String> problems) {
        String names = cell(cells, CATEGORIES);
        if (names == null) {
            return List.of();
        }
        LocalDate start = date(cells, CATEGORY_START, problems);
        String source = cell(cells, CATEGORY_SOURCE);
        String disabilityType = cell(cells, DISABILITY_TYPE);
        Integer grade = grade(cells, problems);
        List<String> all = Arrays.stream(CATEGORY_SEPARATOR.split(names)).filter(n -> !n.isBlank()).toList();
        // 「退出:低保」 ends a category the person holds, on the date of the 类别开始日期 column or today:
        // a roster adds categories or ends them by name, it never drops one by leaving it out
        List<CategoryDraft> drafts = new ArrayList<>();
        String ending = Messages.text("registry.import.category-end-prefix");
        for (String n : all) {
            String name = n.startsWith(ending) ? n.substring(ending.length()).replaceFirst("^[:：]", "").strip() : null;
            if (name != null && !name.isEmpty()) {
                drafts.add(CategoryDraft.ending(categoryTypes.byName(name).map(CategoryType::code).orElse(name),
                        start != null ? start : LocalDate.now(clock)));
            }
        }
        List<String> codes = all.stream().filter(n -> !n.startsWith(ending))
                .map(n -> categoryTypes.byName(n).map(CategoryType::code).orElse(n)).distinct().toList();
        // the disability columns belong to 残疾人; with no such category they go to the first, so validation says so
        int disabilityAt = 0;
        for (int i = 0; i < codes.size(); i++) {
            if (categoryTypes.byCode(codes.get(i)).map(CategoryType::needsDisability).orElse(false)) {
                disabilityAt = i;
            }
        }
        for (int i = 0; i < codes.size(); i++) {
            boolean disability = i == disabilityAt;
            drafts.add(new CategoryDraft(codes.get(i), start, null, source, disability ? disabilityType : null,
                    disability ? grade : null));
        }
        return drafts;
    }

    private static @Nullable LocalDate date(List<String> cells, RosterColumn column, Map<RosterColumn, String> problems) {
        String value = cell(cells, column);
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        problems.put(column, Messages.text("registry.import.date-invalid", value));
        return null;
    }

    private static @Nullable Integer grade(List<String> cells, Map<RosterColumn, String> problems) {
        String value = cell(cells, DISABILITY_GRADE);
        if (value == null) {
            return null;
        }
        Integer grade = GRADES.get(value.replace(Messages.text("registry.import.grade-suffix"), ""));
        if (grade == null) {
            problems.put(DISABILITY_GRADE, Messages.text("registry.import.grade-invalid", value));
        }
        return grade;
    }

    private static List<PartyDraft> party(List<String> cells, RosterColumn name, RosterColumn relation, RosterColumn phone) {
        if (cell(cells, name) == null && cell(cells, relation) == null && cell(cells, phone) == null) {
            return List.of();
        }
        return List.of(new PartyDraft(cell(cells, name), cell(cells, relation), cell(cells, phone)));
    }

    /** The labels a drop-down offers, in the template and the 说明 sheet. */
    static List<String> grades() {
        return List.of(Messages.text("registry.disability-grade.1"), Messages.text("registry.disability-grade.2"),
                Messages.text("registry.disability-grade.3"), Messages.text("registry.disability-grade.4"));
    }
}
