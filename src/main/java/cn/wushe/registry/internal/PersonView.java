package cn.wushe.registry.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person's record as one viewer may see it: fields the viewer may not see are {@code null} (and
 * left out of JSON), masked ones carry the masked text; {@code closed} says why and since when a
 * record that is not 在册 stands (moved out, deceased, closed), {@code null} while it is; {@code status}
 * is left out of the search projection. Built only by the registry, per {@link Disclosure}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonView(UUID id, @Nullable Integer version, Disclosure disclosure, String name, String idDocType,
        String idNumber, @Nullable String sex, @Nullable Integer age, @Nullable LocalDate birthDate,
        @Nullable String phone, String communityCode, @Nullable String communityName, @Nullable String gridCode,
        @Nullable String gridName, @Nullable String addressDetail, @Nullable UUID householdId,
        @Nullable String relationToHead, @Nullable List<CategoryView> categories, @Nullable String health,
        @Nullable String incomeBand, @Nullable List<PartyView> obligors, @Nullable List<PartyView> contacts,
        @Nullable String closed, cn.wushe.registry.@Nullable PersonStatus status) {

    /** A category held; disability type and grade only where the viewer may see them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CategoryView(String code, String name, LocalDate startDate, @Nullable LocalDate endDate, String source,
            boolean current, @Nullable String disabilityType, @Nullable Integer disabilityGrade) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartyView(String name, String relation, @Nullable String phone) {
    }

    public boolean masked() {
        return disclosure != Disclosure.FULL && disclosure != Disclosure.SELF;
    }
}
