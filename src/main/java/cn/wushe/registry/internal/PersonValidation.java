package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.Text;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.PhoneNumber;
import cn.wushe.platform.personal.Sex;
import cn.wushe.registry.HouseholdId;

import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.registry.internal.PersonDetails.Address;
import cn.wushe.registry.internal.PersonDetails.CategoryEntry;
import cn.wushe.registry.internal.PersonDetails.RelatedParty;
import cn.wushe.registry.internal.PersonDraft.CategoryDraft;
import cn.wushe.registry.internal.PersonDraft.PartyDraft;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link PersonDraft} completely and says, per field, in Chinese, what is wrong: the one
 * validation used by the form, the API and the roster import. It also checks that the address lies
 * inside the actor's edit scope; nothing is written here.
 */
@Component
public class PersonValidation {

    static final int NAME_MAX = 50;
    static final int ADDRESS_MAX = 200;
    static final int HEALTH_MAX = 500;
    static final int SOURCE_MAX = 100;
    static final int RELATION_MAX = 20;
    static final int PARTIES_MAX = 10;
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z·•．. ]+");

    private final PlaceValid places;
    private final CategoryTypes categoryTypes;
    private final Households households;
    private final Clock clock;

    PersonValidation(PlaceValid places, CategoryTypes categoryTypes, Households households, Clock clock) {
        this.places = places;
        this.categoryTypes = categoryTypes;
        this.households = households;
        this.clock = clock;
    }

    /**
     * @param errors     field → Chinese message; empty when valid
     * @param outOfScope the address (or household) lies outside the actor's edit scope
     * @param idNumber   the identity number as read, when it is valid (even if other fields are not)
     */
    public record Result(@Nullable PersonDetails details, Map<String, String> errors, boolean outOfScope,
            @Nullable IdentityNumber idNumber) {

        public boolean valid() {
            return details != null;
        }

        /** The details, or a problem: 403 for an address outside the edit scope, else 400 with every field message. */
        public PersonDetails orThrow() {
            if (details != null) {
                return details;
            }
            if (outOfScope) {
                return throwOutOfScope();
            }
            throw DomainException.invalid(errors);
        }

        private PersonDetails throwOutOfScope() {
            throw DomainException.outOfScope(errors);
        }
    }

    /** {@code value} is exactly {@code length} ASCII digits (a region code); no regex, it runs for every row of an import. */
    public static boolean isDigits(String value, int length) {
        if (value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public Result check(PersonDraft draft, Actor actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        String name = Text.trimToNull(draft.name());
        checkText(errors, "name", Messages.text("registry.column.NAME"), name, NAME_MAX, true);
        if (name != null && !errors.containsKey("name") && !NAME.matcher(name).matches()) {
            errors.put("name", Messages.text("registry.validation.name-characters"));
        }
        IdentityNumber idNumber = null;
        String idProblem = IdentityNumber.problem(draft.documentType(), draft.idNumber(), today);
        if (idProblem != null) {
            errors.put("idNumber", idProblem);
        } else {
            idNumber = IdentityNumber.parse(draft.documentType(), draft.idNumber(), today);
        }
        Sex sex = idNumber == null ? null : idNumber.sex().orElse(draft.declaredSex());
        if (idNumber != null && sex == null) {
            errors.put("declaredSex", Messages.text("registry.validation.sex-missing"));
        }
        PhoneNumber phone = null;
        String phoneText = Text.trimToNull(draft.phone());
        if (phoneText != null) {
            String problem = PhoneNumber.problem(phoneText);
            if (problem != null) {
                errors.put("phone", problem);
            } else {
                phone = PhoneNumber.mobileOrLandline(phoneText);
            }
        }
        Address address = address(draft, errors);
        boolean outOfScope = false;
        Optional<String> outside = address == null ? Optional.empty()
                : WithinEditScope.refusal(actor, address.communityCode(), address.gridCode());
        if (outside.isPresent()) {
            errors.put(address.gridCode() != null ? "gridCode" : "communityCode", outside.get());
            outOfScope = true;
        }
        HouseholdId householdId = draft.householdId() == null ? null : new HouseholdId(draft.householdId());
        RelationToHead relation = relation(draft, householdId, address, actor, errors);
        List<CategoryEntry> categories = categories(draft.categories(), errors);
        String health = Text.trimToNull(draft.health());
        checkText(errors, "health", Messages.text("registry.column.HEALTH"), health, HEALTH_MAX, false);
        List<RelatedParty> obligors = parties(PartyKind.OBLIGOR, "obligors", draft.obligors(), errors);
        List<RelatedParty> contacts = parties(PartyKind.CONTACT, "contacts", draft.contacts(), errors);
        if (!errors.isEmpty()) {
            return new Result(null, Map.copyOf(errors), outOfScope, idNumber);
        }
        return new Result(new PersonDetails(name, idNumber, sex, phone, address, householdId, relation, categories,
                health, draft.incomeBand(), obligors, contacts), Map.of(), false, idNumber);
    }

    private @Nullable Address address(PersonDraft draft, Map<String, String> errors) {
        String community = Text.trimToNull(draft.communityCode());
        String grid = Text.trimToNull(draft.gridCode());
        Optional<PlaceValid.Refusal> refused = places.check(community, grid);
        if (refused.isPresent()) {
            errors.put(refused.get().field(), refused.get().message());
            if (refused.get().field().equals("communityCode")) {
                return null;
            }
        }
        String detail = Text.trimToNull(draft.addressDetail());
        checkText(errors, "addressDetail", Messages.text("registry.column.ADDRESS"), detail, ADDRESS_MAX, false);
        return errors.containsKey("gridCode") || errors.containsKey("addressDetail") ? null
                : new Address(community, grid, detail);
    }

    private @Nullable RelationToHead relation(PersonDraft draft, @Nullable HouseholdId householdId,
            @Nullable Address address, Actor actor, Map<String, String> errors) {
        if (householdId == null) {
            if (draft.relationToHead() != null && draft.relationToHead() != RelationToHead.SELF) {
                errors.put("relationToHead", Messages.text("registry.household.new-needs-self"));
            }
            return RelationToHead.SELF;
        }
        Optional<Households.HouseholdRow> household = households.find(householdId);
        if (household.isEmpty() || !WithinEditScope.allows(actor, household.get().regionCode())) {
            errors.put("householdId", Messages.text("registry.household.unknown"));
        } else if (address != null && !household.get().communityCode().equals(address.communityCode())) {
            errors.put("householdId", Messages.text("registry.household.elsewhere"));
        }
        if (draft.relationToHead() == null) {
            errors.put("relationToHead", Messages.text("registry.household.relation-missing"));
        }
        return draft.relationToHead();
    }

    private List<CategoryEntry> categories(List<CategoryDraft> drafts, Map<String, String> errors) {
        List<CategoryEntry> entries = new ArrayList<>();
        Set<String> open = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            CategoryDraft d = drafts.get(i);
            String at = "categories[" + i + "].";
            String code = Text.trimToNull(d.code());
            Optional<CategoryType> type = code == null ? Optional.empty() : categoryTypes.byCode(code);
            int before = errors.size();
            if (code == null) {
                errors.put(at + "code", Messages.text("registry.validation.category-missing", i + 1));
            } else {
                CategoryActive.judge(code, type).ifPresent(refusal -> errors.put(at + "code", refusal));
            }
            if (d.startDate() == null) {
                errors.put(at + "startDate", Messages.text("registry.validation.start-date-missing"));
            } else if (d.endDate() != null && d.endDate().isBefore(d.startDate())) {
                errors.put(at + "endDate", Messages.text("registry.validation.end-before-start"));
            }
            String source = Text.trimToNull(d.source());
            checkText(errors, at + "source", Messages.text("registry.column.CATEGORY_SOURCE"), source, SOURCE_MAX, true);
            boolean needsDisability = type.map(CategoryType::needsDisability).orElse(false);
            if (needsDisability && (d.disabilityType() == null || !CategoryType.DISABILITY_TYPES.contains(d.disabilityType()))) {
                errors.put(at + "disabilityType", Messages.text("registry.validation.disability-type-missing"));
            }
            if (needsDisability && (d.disabilityGrade() == null || d.disabilityGrade() < 1 || d.disabilityGrade() > 4)) {
                errors.put(at + "disabilityGrade", Messages.text("registry.validation.disability-grade-range"));
            }
            if (!needsDisability && (d.disabilityType() != null || d.disabilityGrade() != null)) {
                // on the column that was filled in: a type alone is column N of the roster, not the grade's O
                errors.put(at + (d.disabilityType() != null ? "disabilityType" : "disabilityGrade"),
                        Messages.text("registry.validation.disability-not-needed"));
            }
            if (code != null && d.endDate() == null && !open.add(code)) {
                errors.put(at + "code", Messages.text("registry.validation.category-repeated", categoryTypes.nameOf(code)));
            }
            if (errors.size() == before) {
                entries.add(new CategoryEntry(code, d.startDate(), d.endDate(), source,
                        needsDisability ? d.disabilityType() : null, needsDisability ? d.disabilityGrade() : null));
            }
        }
        return entries;
    }

    private List<RelatedParty> parties(PartyKind kind, String field, List<PartyDraft> drafts, Map<String, String> errors) {
        if (drafts.size() > PARTIES_MAX) {
            errors.put(field, Messages.text("registry.validation.too-many-parties", kind.label(), PARTIES_MAX));
            return List.of();
        }
        List<RelatedParty> parties = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            PartyDraft d = drafts.get(i);
            String at = field + "[" + i + "].";
            int before = errors.size();
            String name = Text.trimToNull(d.name());
            String relation = Text.trimToNull(d.relation());
            checkText(errors, at + "name", Messages.text("registry.validation.party-name", kind.label()), name, NAME_MAX, true);
            checkText(errors, at + "relation", Messages.text("registry.validation.party-relation"), relation, RELATION_MAX, true);
            String phone = Text.trimToNull(d.phone());
            if (phone != null && PhoneNumber.problem(phone) != null) {
                errors.put(at + "phone", PhoneNumber.problem(phone));
            }
            if (errors.size() == before) {
                parties.add(new RelatedParty(kind, name, relation, phone == null ? null : PhoneNumber.mobileOrLandline(phone)));
            }
        }
        return parties;
    }

    private static void checkText(Map<String, String> errors, String field, String label, @Nullable String value,
            int max, boolean required) {
        if (value == null) {
            if (required) {
                errors.put(field, Messages.text("platform.field.required", label));
            }
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            errors.put(field, Messages.text("registry.validation.too-long", label, max, length));
        } else if (value.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\n')) {
            errors.put(field, Messages.text("registry.validation.control-characters", label));
        }
    }
}
