package cn.wushe.registry.internal;

import cn.wushe.platform.personal.Masking;

import cn.wushe.region.Grid;
import cn.wushe.region.Grids;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import cn.wushe.registry.internal.PersonDetails.CategoryEntry;
import cn.wushe.registry.internal.PersonDetails.RelatedParty;
import cn.wushe.registry.internal.PersonView.CategoryView;
import cn.wushe.registry.internal.PersonView.PartyView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The field-level matrix of docs/registry-fields.md, in code: builds a {@link PersonView} per {@link Disclosure}. */
@Component
class PersonViews {

    private final Regions regions;
    private final Grids grids;
    private final CategoryTypes categoryTypes;
    private final Clock clock;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    PersonViews(Regions regions, Grids grids, CategoryTypes categoryTypes, Clock clock) {
        this.regions = regions;
        this.grids = grids;
        this.categoryTypes = categoryTypes;
        this.clock = clock;
    }

    PersonView of(Person person, Disclosure disclosure) {
        PersonDetails d = person.details();
        String community = d.address().communityCode();
        if (disclosure == Disclosure.SEARCH) {
            return new PersonView(person.id().value(), null, disclosure, Masking.name(d.name()),
                    d.idNumber().type().label(), d.idNumber().masked(), null, null, null, null, community,
                    regionName(community), null, null, null, null, null, null, null, null, null, null, null, null);
        }
        boolean clear = disclosure.atLeast(Disclosure.FULL);
        boolean edit = disclosure.atLeast(Disclosure.EDIT);
        LocalDate today = LocalDate.now(clock);
        return new PersonView(person.id().value(), person.version(), disclosure, d.name(), d.idNumber().type().label(),
                clear ? d.idNumber().value() : d.idNumber().masked(), d.sex().label(), age(d.birthDate(), today),
                // the masked number's hidden digits are the birth date: shown together they rebuild it
                clear ? d.birthDate() : null,
                d.phone() == null ? null : edit ? d.phone().digits() : d.phone().masked(),
                community, regionName(community), d.address().gridCode(), gridName(d.address().gridCode()),
                edit ? d.address().detail() : Masking.address(d.address().detail()),
                person.householdId().value(), d.relationToHead().label(),
                d.categories().stream().map(c -> category(c, edit, today)).toList(),
                edit ? d.health() : null,
                edit && d.incomeBand() != null ? d.incomeBand().label() : null,
                parties(d.obligors(), edit), parties(d.contacts(), edit), closed(person.standing(), edit),
                person.standing().status());
    }

    /** Like {@link #of}, without categories and related people (not loaded): for search results. */
    PersonView summary(Person person, Disclosure disclosure) {
        PersonView v = of(person, disclosure);
        return new PersonView(v.id(), v.version(), v.disclosure(), v.name(), v.idDocType(), v.idNumber(), v.sex(), v.age(),
                v.birthDate(), v.phone(), v.communityCode(), v.communityName(), v.gridCode(), v.gridName(), v.addressDetail(),
                v.householdId(), v.relationToHead(), null, v.health(), v.incomeBand(), null, null, v.closed(), v.status());
    }

    /** What the page says about a record that is not ACTIVE (在册); {@code null} while it is. */
    private static @Nullable String closed(Person.Standing standing, boolean edit) {
        if (standing.status() == cn.wushe.registry.PersonStatus.ACTIVE || standing.since() == null) {
            return null;
        }
        String what = standing.reason() != null ? standing.reason().label() : standing.status().label();
        String destination = !edit ? cn.wushe.platform.Messages.text("registry.history.hidden")
                : standing.movedTo() != null ? standing.movedTo() : cn.wushe.platform.Messages.text("registry.status.destination-unrecorded");
        String key = switch (standing.status()) {
            case MOVED_OUT -> "registry.closure.closed-on.MOVED_OUT";
            case DECEASED -> "registry.closure.closed-on.DECEASED";
            default -> "registry.closure.closed-on.CLOSED";
        };
        return cn.wushe.platform.Messages.text(key, what, standing.since().toString(), destination);
    }

    static int age(LocalDate birthDate, LocalDate today) {
        return Period.between(birthDate, today).getYears();
    }

    @Nullable String regionName(@Nullable String code) {
        if (code == null) {
            return null;
        }
        return names.computeIfAbsent(code, c -> regions.find(c).map(Region::name).orElse(c));
    }

    @Nullable String gridName(@Nullable String code) {
        if (code == null) {
            return null;
        }
        return names.computeIfAbsent(code, c -> grids.find(c).map(Grid::name).orElse(c));
    }

    private CategoryView category(CategoryEntry c, boolean sensitive, LocalDate today) {
        return new CategoryView(c.code(), categoryTypes.nameOf(c.code()), c.startDate(), c.endDate(), c.source(),
                c.currentOn(today), sensitive ? c.disabilityType() : null, sensitive ? c.disabilityGrade() : null);
    }

    private static List<PartyView> parties(List<RelatedParty> parties, boolean clearPhone) {
        return parties.stream().map(p -> new PartyView(p.name(), p.relation(),
                p.phone() == null ? null : clearPhone ? p.phone().digits() : p.phone().masked())).toList();
    }
}
