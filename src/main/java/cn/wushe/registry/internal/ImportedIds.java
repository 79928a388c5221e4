package cn.wushe.registry.internal;

import cn.wushe.registry.PeopleImported;
import cn.wushe.registry.PersonId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The people one bulk write (a roster import's commit, a bulk load) registered or revised, per
 * county, published at its end as {@link PeopleImported} events in the same transaction: one
 * event per {@link PeopleImported#MAX_IDS} ids instead of one per person (one stored publication
 * per event and listener, so per-person events would add a row per person to the commit).
 */
public final class ImportedIds {

    private final Map<String, List<PersonId>> registered = new TreeMap<>();
    private final Map<String, List<PersonId>> revised = new TreeMap<>();

    public void registered(String countyCode, PersonId id) {
        registered.computeIfAbsent(countyCode, c -> new ArrayList<>()).add(id);
    }

    public void revised(String countyCode, PersonId id) {
        revised.computeIfAbsent(countyCode, c -> new ArrayList<>()).add(id);
    }

    /** The events for everything collected, per county, at most {@link PeopleImported#MAX_IDS} ids each. */
    public List<PeopleImported> events(@Nullable UUID importJob) {
        List<PeopleImported> events = new ArrayList<>();
        java.util.Set<String> counties = new java.util.TreeSet<>(registered.keySet());
        counties.addAll(revised.keySet());
        for (String county : counties) {
            List<PersonId> r = registered.getOrDefault(county, List.of());
            List<PersonId> v = revised.getOrDefault(county, List.of());
            int total = r.size() + v.size();
            for (int from = 0; from < total; from += PeopleImported.MAX_IDS) {
                int to = Math.min(total, from + PeopleImported.MAX_IDS);
                events.add(new PeopleImported(importJob, county, slice(r, from, to, 0), slice(v, from, to, r.size())));
            }
        }
        return events;
    }

    /** The part of {@code ids} (placed at {@code offset} in the concatenation) that falls into [from, to). */
    private static List<PersonId> slice(List<PersonId> ids, int from, int to, int offset) {
        int start = Math.max(0, from - offset);
        int end = Math.min(ids.size(), to - offset);
        return start >= end ? List.of() : ids.subList(start, end);
    }
}
