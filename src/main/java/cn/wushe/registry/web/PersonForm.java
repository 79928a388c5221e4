package cn.wushe.registry.web;

import cn.wushe.platform.Text;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.registry.internal.IncomeBand;
import cn.wushe.registry.internal.PersonDraft;
import cn.wushe.registry.internal.PersonView;
import cn.wushe.registry.internal.RelationToHead;
import cn.wushe.platform.personal.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The register/edit page's form as the browser posts it (fixed blank rows for categories and
 * people, so the page needs no script); turned into a {@link PersonDraft} for validation. A page
 * binding object only: it is never stored.
 */
public class PersonForm {

    static final int BLANK_CATEGORIES = 2;
    static final int BLANK_PARTIES = 1;

    private @Nullable String name;
    private IdDocumentType idDocType = IdDocumentType.RESIDENT_ID;
    private @Nullable String idNumber;
    private @Nullable Sex declaredSex;
    private @Nullable String phone;
    /** {@code community|grid} as one select, so a grid worker picks one thing on a phone. */
    private @Nullable String place;
    private @Nullable String addressDetail;
    private @Nullable UUID householdId;
    private @Nullable RelationToHead relationToHead;
    private List<CategoryRow> categories = new ArrayList<>();
    private @Nullable String health;
    private @Nullable IncomeBand incomeBand;
    private List<PartyRow> obligors = new ArrayList<>();
    private List<PartyRow> contacts = new ArrayList<>();
    private boolean confirmDistinct;
    private int version;

    public static class CategoryRow {
        private @Nullable String code;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate startDate;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate endDate;
        private @Nullable String source;
        private @Nullable String disabilityType;
        private @Nullable Integer disabilityGrade;

        /** No category chosen: the start date and source a new form fills in by default do not make a row. */
        boolean blank() {
            return (code == null || code.isBlank()) && endDate == null && (disabilityType == null || disabilityType.isBlank())
                    && disabilityGrade == null;
        }

        public @Nullable String getCode() { return code; }
        public void setCode(@Nullable String code) { this.code = code; }
        public @Nullable LocalDate getStartDate() { return startDate; }
        public void setStartDate(@Nullable LocalDate startDate) { this.startDate = startDate; }
        public @Nullable LocalDate getEndDate() { return endDate; }
        public void setEndDate(@Nullable LocalDate endDate) { this.endDate = endDate; }
        public @Nullable String getSource() { return source; }
        public void setSource(@Nullable String source) { this.source = source; }
        public @Nullable String getDisabilityType() { return disabilityType; }
        public void setDisabilityType(@Nullable String disabilityType) { this.disabilityType = disabilityType; }
        public @Nullable Integer getDisabilityGrade() { return disabilityGrade; }
        public void setDisabilityGrade(@Nullable Integer disabilityGrade) { this.disabilityGrade = disabilityGrade; }
    }

    public static class PartyRow {
        private @Nullable String name;
        private @Nullable String relation;
        private @Nullable String phone;

        boolean blank() {
            return (name == null || name.isBlank()) && (relation == null || relation.isBlank()) && (phone == null || phone.isBlank());
        }

        public @Nullable String getName() { return name; }
        public void setName(@Nullable String name) { this.name = name; }
        public @Nullable String getRelation() { return relation; }
        public void setRelation(@Nullable String relation) { this.relation = relation; }
        public @Nullable String getPhone() { return phone; }
        public void setPhone(@Nullable String phone) { this.phone = phone; }
    }

    PersonDraft toDraft() {
        String[] parts = place == null ? new String[0] : place.split("\\|", -1);
        String community = parts.length > 0 && !parts[0].isBlank() ? parts[0] : null;
        String grid = parts.length > 1 && !parts[1].isBlank() ? parts[1] : null;
        return new PersonDraft(name, idDocType, idNumber, declaredSex, phone, community, grid, addressDetail, householdId,
                relationToHead,
                categories.stream().filter(c -> !c.blank()).map(c -> new PersonDraft.CategoryDraft(c.code, c.startDate,
                        c.endDate, c.source, Text.trimToNull(c.disabilityType), c.disabilityGrade)).toList(),
                health, incomeBand,
                obligors.stream().filter(p -> !p.blank()).map(PersonForm::party).toList(),
                contacts.stream().filter(p -> !p.blank()).map(PersonForm::party).toList());
    }

    /** A form filled from a record the actor may edit (an {@code EDIT} view: phone, address and health in clear). */
    static PersonForm of(PersonView v) {
        PersonForm f = new PersonForm();
        f.name = v.name();
        f.phone = v.phone();
        f.place = v.communityCode() + "|" + (v.gridCode() == null ? "" : v.gridCode());
        f.addressDetail = v.addressDetail();
        f.householdId = v.householdId();
        f.relationToHead = java.util.Arrays.stream(RelationToHead.values())
                .filter(r -> r.label().equals(v.relationToHead())).findFirst().orElse(null);
        f.health = v.health();
        f.incomeBand = java.util.Arrays.stream(IncomeBand.values())
                .filter(b -> b.label().equals(v.incomeBand())).findFirst().orElse(null);
        if (v.categories() != null) {
            v.categories().forEach(c -> {
                CategoryRow row = new CategoryRow();
                row.code = c.code();
                row.startDate = c.startDate();
                row.endDate = c.endDate();
                row.source = c.source();
                row.disabilityType = c.disabilityType();
                row.disabilityGrade = c.disabilityGrade();
                f.categories.add(row);
            });
        }
        copyParties(v.obligors(), f.obligors);
        copyParties(v.contacts(), f.contacts);
        f.version = v.version() == null ? 0 : v.version();
        return f;
    }

    /** Blank rows after the filled ones, so another category or person can be added without script. */
    PersonForm withBlankRows() {
        for (int i = 0; i < BLANK_CATEGORIES; i++) {
            categories.add(new CategoryRow());
        }
        for (int i = 0; i < BLANK_PARTIES; i++) {
            obligors.add(new PartyRow());
            contacts.add(new PartyRow());
        }
        return this;
    }

    /** Drops blank rows before a re-display, so the row numbers match the field messages. */
    PersonForm compact() {
        categories.removeIf(CategoryRow::blank);
        obligors.removeIf(PartyRow::blank);
        contacts.removeIf(PartyRow::blank);
        return this;
    }

    private static void copyParties(@Nullable List<PersonView.PartyView> from, List<PartyRow> to) {
        if (from != null) {
            from.forEach(p -> {
                PartyRow row = new PartyRow();
                row.name = p.name();
                row.relation = p.relation();
                row.phone = p.phone();
                to.add(row);
            });
        }
    }

    private static PersonDraft.PartyDraft party(PartyRow p) {
        return new PersonDraft.PartyDraft(p.name, p.relation, p.phone);
    }

    public @Nullable String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name; }
    public IdDocumentType getIdDocType() { return idDocType; }
    public void setIdDocType(@Nullable IdDocumentType idDocType) { this.idDocType = idDocType == null ? IdDocumentType.RESIDENT_ID : idDocType; }
    public @Nullable String getIdNumber() { return idNumber; }
    public void setIdNumber(@Nullable String idNumber) { this.idNumber = idNumber; }
    public @Nullable Sex getDeclaredSex() { return declaredSex; }
    public void setDeclaredSex(@Nullable Sex declaredSex) { this.declaredSex = declaredSex; }
    public @Nullable String getPhone() { return phone; }
    public void setPhone(@Nullable String phone) { this.phone = phone; }
    public @Nullable String getPlace() { return place; }
    public void setPlace(@Nullable String place) { this.place = place; }
    public @Nullable String getAddressDetail() { return addressDetail; }
    public void setAddressDetail(@Nullable String addressDetail) { this.addressDetail = addressDetail; }
    public @Nullable UUID getHouseholdId() { return householdId; }
    public void setHouseholdId(@Nullable UUID householdId) { this.householdId = householdId; }
    public @Nullable RelationToHead getRelationToHead() { return relationToHead; }
    public void setRelationToHead(@Nullable RelationToHead relationToHead) { this.relationToHead = relationToHead; }
    public List<CategoryRow> getCategories() { return categories; }
    public void setCategories(List<CategoryRow> categories) { this.categories = categories; }
    public @Nullable String getHealth() { return health; }
    public void setHealth(@Nullable String health) { this.health = health; }
    public @Nullable IncomeBand getIncomeBand() { return incomeBand; }
    public void setIncomeBand(@Nullable IncomeBand incomeBand) { this.incomeBand = incomeBand; }
    public List<PartyRow> getObligors() { return obligors; }
    public void setObligors(List<PartyRow> obligors) { this.obligors = obligors; }
    public List<PartyRow> getContacts() { return contacts; }
    public void setContacts(List<PartyRow> contacts) { this.contacts = contacts; }
    public boolean isConfirmDistinct() { return confirmDistinct; }
    public void setConfirmDistinct(boolean confirmDistinct) { this.confirmDistinct = confirmDistinct; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
