package cn.wushe.care.internal;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.registry.DirectoryCaller;
import cn.wushe.registry.DirectoryEntry;
import cn.wushe.registry.PersonDirectory;
import cn.wushe.registry.PersonId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@link Subjects} in step with the registry, asking only {@link PersonDirectory}: for the
 * registry's events (county-wide, as the system) and when a worker opens someone the events have
 * not brought yet (as the worker, within their view).
 */
@Service
public class CarePeople {


    private final PersonDirectory directory;
    private final Subjects subjects;
    private final Clock clock;

    CarePeople(PersonDirectory directory, Subjects subjects, Clock clock) {
        this.directory = directory;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** The person under care as the actor sees them, asking the directory when care has not heard of them yet. */
    @Transactional
    public Optional<Subject> open(Actor actor, UUID personId, String countyCode) {
        Optional<Subject> known = subjects.visible(actor, personId, false);
        if (known.isPresent()) {
            return known;
        }
        Optional<DirectoryEntry> entry = directory.find(DirectoryCaller.signedIn(actor, purpose()), countyCode, new PersonId(personId));
        entry.ifPresent(e -> subjects.refresh(List.of(e), clock.instant()));
        return entry.flatMap(e -> subjects.visible(actor, personId, false));
    }

    /** The person as the actor sees them, in whichever of the actor's counties they are registered; else 404. */
    @Transactional
    public Subject forActor(Actor actor, UUID personId) {
        Optional<Subject> known = subjects.visible(actor, personId, false);
        if (known.isPresent()) {
            return known.get();
        }
        List<String> counties = java.util.stream.Stream.of(Permission.CARE_VIEW, Permission.CARE_VISIT)
                .flatMap(p -> actor.scopesFor(p).stream()).map(RegionScope::countyCode).distinct().toList();
        for (String county : counties) {
            Optional<Subject> opened = open(actor, personId, county);
            if (opened.isPresent()) {
                return opened.get();
            }
        }
        throw TierAssessment.notFound(personId);
    }

    private static String purpose() {
        return cn.wushe.platform.Messages.text("care.directory.purpose");
    }

    /** Refreshes the given people of one county from the directory, in calls of at most {@link PersonDirectory#MAX_PER_CALL}. */
    @Transactional
    public int refresh(String countyCode, Collection<PersonId> ids) {
        List<PersonId> all = new ArrayList<>(ids);
        int written = 0;
        for (int from = 0; from < all.size(); from += PersonDirectory.MAX_PER_CALL) {
            List<PersonId> chunk = all.subList(from, Math.min(all.size(), from + PersonDirectory.MAX_PER_CALL));
            List<DirectoryEntry> entries = directory.findAll(DirectoryCaller.system("care", purpose()), countyCode, chunk);
            subjects.refresh(entries, clock.instant());
            written += entries.size();
        }
        return written;
    }
}
