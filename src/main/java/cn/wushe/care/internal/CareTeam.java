package cn.wushe.care.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A care team (关爱帮扶小组) around one person under care: its type (follow-up form and cycle), its
 * members (accounts or outside contacts) and its follow-ups with who took part. Members' phones are
 * shown decrypted only in {@link CareTeams#read}, whose reads are audited.
 */
public record CareTeam(UUID id, UUID personId, String countyCode, String regionCode, Type type, String name,
        @Nullable LocalDate lastFollowUpOn, LocalDate nextDueOn, long version, List<Member> members,
        List<FollowUp> followUps, List<FormerMember> formerMembers) {

    public CareTeam {
        members = List.copyOf(members);
        followUps = List.copyOf(followUps);
        formerMembers = List.copyOf(formerMembers);
    }

    /** A member who left the team, kept with when and why so past follow-ups still name them. */
    public record FormerMember(UUID id, String name, String role, Instant removedAt, String reason) {
    }

    /** A county's kind of team (e.g. 五位一体): the questions each follow-up answers and the days between follow-ups. */
    public record Type(UUID id, String countyCode, String name, int cycleDays, List<String> questions) {

        public Type {
            questions = List.copyOf(questions);
        }
    }

    /** A member: an account ({@code userId}) or an outside contact; a contact, never a login. */
    public record Member(UUID id, @Nullable UUID userId, String name, String unit, String role, @Nullable String phone) {
    }

    public record FollowUp(UUID id, LocalDate heldOn, List<String> participants, List<String> answers, UUID recordedBy,
            Instant recordedAt) {

        public FollowUp {
            participants = List.copyOf(participants);
            answers = List.copyOf(answers);
        }
    }

    public boolean overdue(LocalDate today) {
        return nextDueOn.isBefore(today);
    }
}
