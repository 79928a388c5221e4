package cn.wushe.care.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A case (个案) as everyone with CASEWORK in its region sees it; the contents ({@code intake},
 * {@code goals}, {@code summary}, the notes) only when {@link #contentShown()} — for the case worker,
 * the supervisor and the team.
 */
public record CaseFile(UUID id, UUID personId, String countyCode, String regionCode, UUID worker, @Nullable UUID supervisor,
        List<UUID> team, @Nullable String intake, @Nullable String goals, @Nullable LocalDate reviewOn,
        @Nullable String summary, boolean open, Instant openedAt, @Nullable Instant closedAt, long version,
        boolean contentShown, List<Note> notes, @Nullable Crisis crisis) {

    public CaseFile {
        team = List.copyOf(team);
        notes = List.copyOf(notes);
    }

    public enum NoteKind {
        ASSESSMENT, PLAN, INTERVENTION, REVIEW, CONTACT, SAFETY_PLAN, DEESCALATION;

        /** The kinds written on the note form; the crisis kinds come with their own actions. */
        public static List<NoteKind> written() {
            return List.of(ASSESSMENT, PLAN, INTERVENTION, REVIEW);
        }

        public String label() {
            return cn.wushe.platform.Messages.text("care.case.note-kind." + name());
        }
    }

    /**
     * A crisis (危机干预): first contact due within the county's crisis hours, then a contact at least
     * daily until de-escalated; the safety plan only for the case's people.
     */
    public record Crisis(Instant firstContactDue, @Nullable Instant firstContactAt, @Nullable Instant nextContactDue,
            @Nullable String safetyPlan, @Nullable Instant deescalatedAt) {

        public boolean contactOverdue(Instant now) {
            return deescalatedAt == null && nextContactDue != null && nextContactDue.isBefore(now);
        }
    }

    /** Not {@code isCrisis}: a bean getter of that name would hide the {@link #crisis()} details in JSON. */
    public boolean crisisCase() {
        return crisis != null;
    }

    public record Note(UUID id, NoteKind kind, UUID author, Instant writtenAt, String body) {
    }

    public boolean member(UUID user) {
        return worker.equals(user) || user.equals(supervisor) || team.contains(user);
    }
}
