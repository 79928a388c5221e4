package cn.wushe.care.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A group (小组工作) as everyone with CASEWORK in its region sees it; members' names and meeting
 * notes (and the closing summary) only when {@link #contentShown()} — for the group's worker and co-workers.
 */
public record CareGroup(UUID id, String countyCode, String regionCode, String name, String purpose, UUID worker,
        List<UUID> team, boolean open, Instant openedAt, boolean contentShown, List<Member> members, List<Meeting> meetings,
        long version, @Nullable Instant closedAt, @Nullable String summary) {

    public CareGroup {
        team = List.copyOf(team);
        members = List.copyOf(members);
        meetings = List.copyOf(meetings);
    }

    public record Member(UUID id, String name, @Nullable UUID personId) {
    }

    /** A meeting: topic and how many attended for everyone; who attended and the notes for the group's people. */
    public record Meeting(UUID id, LocalDate heldOn, String topic, int attendedCount, List<String> attended,
            @Nullable String notes) {

        public Meeting {
            attended = List.copyOf(attended);
        }
    }

    /** The same group with what only its people read: members, meetings and the decrypted summary. */
    CareGroup shown(boolean content, List<Member> members, List<Meeting> meetings, @Nullable String summary) {
        return new CareGroup(id, countyCode, regionCode, name, purpose, worker, team, open, openedAt, content, members, meetings,
                version, closedAt, content ? summary : null);
    }

    public boolean member(UUID user) {
        return worker.equals(user) || team.contains(user);
    }
}
