package cn.wushe.registry.web;

import cn.wushe.platform.Messages;
import cn.wushe.platform.web.Idempotency;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.web.Problems;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.web.Versions;
import cn.wushe.registry.ClosingReason;
import cn.wushe.registry.internal.ClosingRecord;
import cn.wushe.registry.internal.PersonDraft;
import cn.wushe.registry.internal.PersonFilter;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.internal.PersonLists;
import cn.wushe.registry.internal.PersonListItem;
import cn.wushe.platform.Page;
import cn.wushe.registry.internal.PersonReading;
import cn.wushe.registry.internal.PersonView;
import cn.wushe.registry.internal.PersonChange;
import cn.wushe.registry.internal.RegisteringPerson;
import cn.wushe.registry.internal.Registration;
import cn.wushe.platform.personal.Sex;
import cn.wushe.registry.internal.SelfService;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** People in need (/api/v1/people): list, exact search, register, read, revise, close, deceased, reveal, history. */
@RestController
@RequestMapping("/api/v1/people")
class PeopleApi {

    private final RegisteringPerson registering;
    private final PersonReading reading;
    private final PersonLists lists;
    private final SelfService selfService;
    private final ClosingRecord closing;
    private final Idempotency idempotency;

    PeopleApi(RegisteringPerson registering, PersonReading reading, PersonLists lists, SelfService selfService,
            ClosingRecord closing, Idempotency idempotency) {
        this.closing = closing;
        this.idempotency = idempotency;
        this.registering = registering;
        this.reading = reading;
        this.lists = lists;
        this.selfService = selfService;
    }

    record LookupRequest(@Nullable String query) {
    }

    /**
     * @param reason VISIT (走访), ELIGIBILITY_REVIEW (资格审核), EMERGENCY (紧急情况), CORRECTION (信息更正) or OTHER (其他)
     * @param note   with OTHER: what for, at least four Chinese characters
     */
    record RevealRequest(@Nullable String reason, @Nullable String note) {
    }

    record LinkRequest(@Nullable UUID userId) {
    }

    /** A page of people without a total on purpose (counting a county is slow and leaks sizes). */
    record PersonPage(List<PersonListItem> items, int page, int size, boolean hasMore) {

        static PersonPage of(Page<PersonListItem> page) {
            return new PersonPage(page.items(), page.page(), page.size(), page.hasMore());
        }
    }

    record CloseRequest(@Nullable ClosingReason reason) {
    }

    record MoveOutRequest(@Nullable LocalDate movedOn, @Nullable String destination) {
    }

    record ReopenRequest(@Nullable String reason) {
    }

    record DeceasedRequest(@Nullable LocalDate dateOfDeath) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    ResponseEntity<PersonPage> list(@RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable Integer ageMin, @RequestParam(required = false) @Nullable Integer ageMax,
            @RequestParam(required = false) @Nullable Sex sex, @RequestParam(required = false) @Nullable Boolean disability,
            @RequestParam(required = false) @Nullable String disabilityType,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) @Nullable String sort) {
        PersonFilter filter = new PersonFilter(region, category, ageMin, ageMax, sex, disability, disabilityType, name);
        return noStore(PersonPage.of(lists.list(CurrentActor.get(), filter, page, size, PersonLists.Order.parse(sort))));
    }

    @GetMapping("/counts")
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    ResponseEntity<Map<String, Long>> counts(@RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable Integer ageMin, @RequestParam(required = false) @Nullable Integer ageMax,
            @RequestParam(required = false) @Nullable Sex sex, @RequestParam(required = false) @Nullable Boolean disability) {
        return noStore(lists.counts(CurrentActor.get(), new PersonFilter(region, null, ageMin, ageMax, sex, disability, null, null)));
    }

    /** Exact search by full identity number or phone; in the body, so the number never lands in a URL or access log. */
    @PostMapping("/lookup")
    @PreAuthorize("hasAnyAuthority('PERSON_SEARCH', 'PERSON_VIEW')")
    ResponseEntity<List<PersonView>> lookup(@RequestBody LookupRequest request) {
        if (request.query() == null || request.query().isBlank()) {
            throw cn.wushe.platform.DomainException.invalid("query", Messages.text("registry.lookup.query-incomplete"));
        }
        return noStore(reading.lookup(CurrentActor.get(), request.query()));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    ResponseEntity<?> register(@RequestBody PersonDraft draft,
            @RequestParam(defaultValue = "false") boolean confirmDistinct,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey) {
        Actor actor = CurrentActor.get();
        return idempotency.once(idempotencyKey, "POST /api/v1/people", List.of(draft, confirmDistinct), Object.class, () -> {
            Registration outcome = registering.register(actor, draft, confirmDistinct);
            if (outcome instanceof Registration.Registered registered) {
                return ResponseEntity.created(URI.create("/api/v1/people/" + registered.id()))
                        .eTag(Versions.etag(registered.version())).cacheControl(CacheControl.noStore()).body(registered.view());
            }
            ResponseEntity<ProblemDetail> refused = duplicate(outcome);
            return ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders()).body(refused.getBody());
        });
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('PERSON_SEARCH', 'PERSON_VIEW')")
    ResponseEntity<PersonView> detail(@PathVariable UUID id) {
        PersonView view = reading.detail(CurrentActor.get(), new PersonId(id));
        var response = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        if (view.version() != null) {
            response.eTag(Versions.etag(view.version()));
        }
        return response.body(view);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    ResponseEntity<?> revise(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody PersonDraft draft) {
        int expected = Math.toIntExact(Versions.required(ifMatch));
        Registration outcome = registering.revise(CurrentActor.get(), new PersonId(id), expected, draft);
        return switch (outcome) {
            case Registration.Revised r -> ResponseEntity.ok().eTag(Versions.etag(r.version()))
                    .cacheControl(CacheControl.noStore()).body(r.view());
            case Registration.Unchanged u -> ResponseEntity.ok().eTag(Versions.etag(u.version()))
                    .cacheControl(CacheControl.noStore()).body(u.view());
            default -> duplicate(outcome);
        };
    }

    /**
     * Closes the record (销档): no longer in need (NO_LONGER_IN_NEED) or a duplicate record
     * (DUPLICATE_RECORD); a move is recorded by move-out. If-Match as for an edit; 409
     * status-not-allowed when the current status does not allow it (a moved-out record is reopened first).
     */
    @PostMapping("/{id}/close")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    ResponseEntity<Void> closeRecord(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody CloseRequest request) {
        return closedAt(ifMatch, expected -> closing.close(CurrentActor.get(), new PersonId(id), expected, request.reason()));
    }

    /** Records the person's death, which closes the record; If-Match as for an edit. */
    @PostMapping("/{id}/deceased")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    ResponseEntity<Void> recordDeath(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody DeceasedRequest request) {
        return closedAt(ifMatch, expected -> closing.markDeceased(CurrentActor.get(), new PersonId(id), expected, request.dateOfDeath()));
    }

    /**
     * Records that the person moved out (迁出) on movedOn (not in the future, not before birth) to
     * destination (a place, at most 100 characters, stored encrypted); If-Match as for an edit.
     */
    @PostMapping("/{id}/move-out")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    ResponseEntity<Void> moveOut(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody MoveOutRequest request) {
        return closedAt(ifMatch, expected -> closing.moveOut(CurrentActor.get(), new PersonId(id), expected, request.movedOn(),
                request.destination()));
    }

    /**
     * Puts a moved-out or closed record back in the registry (恢复在册) with a reason; a deceased
     * record only for a holder of county-wide PERSON_EDIT correcting a wrong death (403 otherwise).
     * If-Match as for an edit.
     */
    @PostMapping("/{id}/reopen")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    ResponseEntity<Void> reopen(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody ReopenRequest request) {
        return closedAt(ifMatch, expected -> closing.reopen(CurrentActor.get(), new PersonId(id), expected, request.reason()));
    }

    /** Changes the status at the version If-Match names (required) and answers the closed record's version as ETag. */
    private static ResponseEntity<Void> closedAt(@Nullable String ifMatch, IntFunction<ClosingRecord.Closed> close) {
        ClosingRecord.Closed closed = close.apply(Math.toIntExact(Versions.required(ifMatch)));
        return ResponseEntity.noContent().eTag(Versions.etag(closed.version())).build();
    }

    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasAuthority('PII_UNMASK')")
    ResponseEntity<PersonView> reveal(@PathVariable UUID id, @RequestBody RevealRequest request) {
        return noStore(reading.reveal(CurrentActor.get(), new PersonId(id), request.reason(), request.note()));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAuthority('PERSON_VIEW')")
    ResponseEntity<List<PersonChange>> history(@PathVariable UUID id) {
        return noStore(reading.history(CurrentActor.get(), new PersonId(id)));
    }

    @PostMapping("/{id}/resident-account")
    @PreAuthorize("hasAuthority('PERSON_EDIT')")
    ResponseEntity<Void> linkResident(@PathVariable UUID id, @RequestBody LinkRequest request) {
        if (request.userId() == null) {
            throw cn.wushe.platform.DomainException.invalid("userId", Messages.text("registry.resident.user-id-missing"));
        }
        selfService.linkAccount(CurrentActor.get(), request.userId(), new PersonId(id));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<ProblemDetail> duplicate(Registration outcome) {
        ProblemDetail problem;
        if (outcome instanceof Registration.AlreadyRegistered already) {
            problem = Problems.of(ProblemType.DUPLICATE_PERSON, already.inEditScope() ? Messages.text("registry.registered.edit-existing")
                    : Messages.text("registry.registered.elsewhere-api"));
            problem.setProperty("existing", reading.duplicateShown(CurrentActor.get(), already.existing()));
            problem.setProperty("errors", List.of(Map.of("field", "idNumber", "message", Messages.text("registry.registered.already"))));
            problem.setProperty("links", Map.of("existing", "/api/v1/people/" + already.existing()));
        } else if (outcome instanceof Registration.PossibleDuplicates possible) {
            problem = Problems.of(ProblemType.POSSIBLE_DUPLICATE,
                    Messages.text("registry.duplicate.confirm-distinct"));
            problem.setProperty("candidates", possible.candidates().stream().map(id -> reading.duplicateShown(CurrentActor.get(), id)).toList());
        } else {
            throw new IllegalArgumentException("not a duplicate: " + outcome);
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).cacheControl(CacheControl.noStore()).body(problem);
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
