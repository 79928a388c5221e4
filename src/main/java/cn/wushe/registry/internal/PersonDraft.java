package cn.wushe.registry.internal;

import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.Sex;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What someone typed (a form, an API body or one row of an imported roster) to register or revise
 * a person, before validation: every field may be missing or wrong. {@link PersonValidation} turns
 * it into {@link PersonDetails} or per-field Chinese messages; field names in those messages match
 * the component names here ({@code categories[1].startDate}).
 *
 * @param idDocType   {@code null} means 居民身份证
 * @param declaredSex only used when the document's number does not encode sex (old foreigner's card)
 * @param householdId an existing household to join; {@code null} starts a new household headed by this person
 */
public record PersonDraft(@Nullable String name, @Nullable IdDocumentType idDocType, @Nullable String idNumber,
        @Nullable Sex declaredSex, @Nullable String phone, @Nullable String communityCode, @Nullable String gridCode,
        @Nullable String addressDetail, @Nullable UUID householdId, @Nullable RelationToHead relationToHead,
        @Nullable List<CategoryDraft> categories, @Nullable String health, @Nullable IncomeBand incomeBand,
        @Nullable List<PartyDraft> obligors, @Nullable List<PartyDraft> contacts) {

    public PersonDraft {
        categories = categories == null ? List.of() : List.copyOf(categories);
        obligors = obligors == null ? List.of() : List.copyOf(obligors);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public IdDocumentType documentType() {
        return idDocType == null ? IdDocumentType.RESIDENT_ID : idDocType;
    }

    /** One category (困难类别) the person holds, e.g. 低保 from a date, by a source. */
    public record CategoryDraft(@Nullable String code, @Nullable LocalDate startDate, @Nullable LocalDate endDate,
            @Nullable String source, @Nullable String disabilityType, @Nullable Integer disabilityGrade) {

        /**
         * A roster's explicit end of a category the person holds (「退出:低保」): only a code and the
         * end date. An import merges it into the held entry; anywhere else validation refuses it
         * (no start date).
         */
        public static CategoryDraft ending(String code, LocalDate endDate) {
            return new CategoryDraft(code, null, endDate, null, null, null);
        }

        public boolean isEnding() {
            return startDate == null && endDate != null && source == null;
        }
    }

    /** A family member who owes support, or a contact. */
    public record PartyDraft(@Nullable String name, @Nullable String relation, @Nullable String phone) {
    }

    /** The same draft for another document (type and number as typed). */
    public PersonDraft withIdentity(@Nullable IdDocumentType type, @Nullable String number) {
        return new PersonDraft(name, type, number, declaredSex, phone, communityCode, gridCode, addressDetail, householdId,
                relationToHead, categories, health, incomeBand, obligors, contacts);
    }

    public PersonDraft withDeclaredSex(@Nullable Sex sex) {
        return new PersonDraft(name, idDocType, idNumber, sex, phone, communityCode, gridCode, addressDetail, householdId,
                relationToHead, categories, health, incomeBand, obligors, contacts);
    }

    /** The same draft joining {@code household} ({@code null}: heading a new one) with this relation to its head. */
    public PersonDraft withHousehold(@Nullable UUID household, @Nullable RelationToHead relation) {
        return new PersonDraft(name, idDocType, idNumber, declaredSex, phone, communityCode, gridCode, addressDetail, household,
                relation, categories, health, incomeBand, obligors, contacts);
    }

    public PersonDraft withCategories(@Nullable List<CategoryDraft> categoryDrafts) {
        return new PersonDraft(name, idDocType, idNumber, declaredSex, phone, communityCode, gridCode, addressDetail, householdId,
                relationToHead, categoryDrafts, health, incomeBand, obligors, contacts);
    }

    @Override
    public String toString() {
        return "PersonDraft[masked]"; // never log what was typed
    }
}
