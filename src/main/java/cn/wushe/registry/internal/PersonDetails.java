package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.PhoneNumber;
import cn.wushe.platform.personal.Sex;
import cn.wushe.registry.HouseholdId;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The validated content of a person's record: every value object is valid, the region exists and
 * the categories are known. Produced only by {@link PersonValidation}.
 */
public record PersonDetails(String name, IdentityNumber idNumber, Sex sex, @Nullable PhoneNumber phone,
        Address address, @Nullable HouseholdId householdId, RelationToHead relationToHead,
        List<CategoryEntry> categories, @Nullable String health, @Nullable IncomeBand incomeBand,
        List<RelatedParty> obligors, List<RelatedParty> contacts) {

    public PersonDetails {
        Objects.requireNonNull(name);
        Objects.requireNonNull(idNumber);
        // one canonical order, so a re-import in another row order is no change
        categories = categories.stream().sorted(java.util.Comparator.comparing(CategoryEntry::startDate)
                .thenComparing(CategoryEntry::code)).toList();
        obligors = List.copyOf(obligors);
        contacts = List.copyOf(contacts);
    }

    public LocalDate birthDate() {
        return idNumber.birthDate();
    }

    /** Where a person lives: community (12 digits), optionally a grid (15 digits) of it, and the street address. */
    public record Address(String communityCode, @Nullable String gridCode, @Nullable String detail) {

        public Address {
            if (!communityCode.matches("\\d{12}") || (gridCode != null && !gridCode.startsWith(communityCode))) {
                throw new IllegalArgumentException(Messages.text("registry.place.grid-mismatch"));
            }
        }

        public String countyCode() {
            return communityCode.substring(0, 6);
        }

        public String townCode() {
            return communityCode.substring(0, 9);
        }

        /** The scope column: the grid when there is one, else the community. */
        public String regionCode() {
            return gridCode != null ? gridCode : communityCode;
        }
    }

    /** A category held from {@code startDate}, until {@code endDate} when it ended. */
    public record CategoryEntry(String code, LocalDate startDate, @Nullable LocalDate endDate, String source,
            @Nullable String disabilityType, @Nullable Integer disabilityGrade) {

        public boolean currentOn(LocalDate day) {
            return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
        }
    }

    public record RelatedParty(PartyKind kind, String name, String relation, @Nullable PhoneNumber phone) {
    }

    @Override
    public String toString() {
        return "PersonDetails[" + idNumber + "]";
    }
}
