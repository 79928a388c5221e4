package cn.wushe.registry.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.registry.internal.CategoryType;
import cn.wushe.registry.internal.CategoryTypes;
import cn.wushe.registry.internal.CorrectableField;
import cn.wushe.registry.internal.CorrectionRequest;
import cn.wushe.registry.internal.Corrections;
import cn.wushe.registry.HouseholdId;
import cn.wushe.registry.internal.PersonLists;
import cn.wushe.registry.internal.PersonView;
import cn.wushe.registry.internal.SelfService;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Households, categories, the resident's own record and the correction queue. */
@RestController
class RegistryApi {

    private final PersonLists lists;
    private final CategoryTypes categoryTypes;
    private final SelfService selfService;
    private final Corrections corrections;

    RegistryApi(PersonLists lists, CategoryTypes categoryTypes, SelfService selfService, Corrections corrections) {
        this.lists = lists;
        this.categoryTypes = categoryTypes;
        this.selfService = selfService;
        this.corrections = corrections;
    }

    record CorrectionBody(@Nullable CorrectableField field, @Nullable String proposedValue, @Nullable String note) {
    }

    record CloseBody(@Nullable Boolean done, @Nullable String note) {
    }

    record CategoryBody(@Nullable String code, @Nullable String name, @Nullable Boolean needsDisability) {
    }

    @GetMapping("/api/v1/households")
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    ResponseEntity<List<PersonLists.HouseholdSummary>> households(
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String region,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "20") int size) {
        return noStore(lists.households(CurrentActor.get(), region, page, size));
    }

    @GetMapping("/api/v1/households/{id}")
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    ResponseEntity<PersonLists.HouseholdView> household(@PathVariable UUID id) {
        return noStore(lists.household(CurrentActor.get(), new HouseholdId(id)));
    }

    @GetMapping("/api/v1/registry/categories")
    @PreAuthorize("hasAnyAuthority('PERSON_SEARCH', 'PERSON_VIEW', 'SELF_SERVICE')")
    List<CategoryType> categories() {
        return categoryTypes.active();
    }

    /** A county's own category (其他可配置类别), added by a holder of county-wide PERSON_EDIT. */
    @PostMapping("/api/v1/registry/categories")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    ResponseEntity<CategoryType> addCategory(@RequestBody CategoryBody body) {
        CategoryType added = categoryTypes.add(CurrentActor.get(), body.code(), body.name(), Boolean.TRUE.equals(body.needsDisability()));
        return ResponseEntity.created(URI.create("/api/v1/registry/categories/" + added.code())).body(added);
    }

    @GetMapping("/api/v1/me/person")
    @PreAuthorize("hasAuthority('SELF_SERVICE')")
    ResponseEntity<PersonView> myRecord() {
        return noStore(selfService.myRecord(CurrentActor.get()).orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.own-record"))));
    }

    @PostMapping("/api/v1/me/corrections")
    @PreAuthorize("hasAuthority('SELF_SERVICE')")
    ResponseEntity<Map<String, UUID>> requestCorrection(@RequestBody CorrectionBody body) {
        UUID id = selfService.requestCorrection(CurrentActor.get(), body.field(), body.proposedValue(), body.note());
        return ResponseEntity.created(URI.create("/api/v1/me/corrections/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/api/v1/corrections")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    ResponseEntity<List<CorrectionRequest>> correctionQueue() {
        return noStore(corrections.openQueue(CurrentActor.get()));
    }

    @PostMapping("/api/v1/corrections/{id}/close")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    ResponseEntity<Void> close(@PathVariable UUID id, @RequestBody CloseBody body) {
        if (body.done() == null) {
            throw DomainException.invalid("done", Messages.text("registry.correction.done-missing"));
        }
        if (body.done()) {
            corrections.accept(CurrentActor.get(), id, body.note());
        } else {
            corrections.reject(CurrentActor.get(), id, body.note());
        }
        return ResponseEntity.noContent().build();
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
