package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 志愿服务协商 (consultation board of a team): a current member proposes an activity, members and
 * whoever runs the team comment, each member supports a proposal once, and whoever runs the team
 * adopts it — its title, service line and text prefill the activity form as a draft — or declines it
 * with a reason. A decided proposal stays decided. The board is seen by whoever sees the team.
 */
@Service
public class Consultations {

    public record Comment(String authorName, String body, Instant createdAt) {

        public String time() {
            return Labels.format(createdAt, "yyyy-MM-dd HH:mm");
        }
    }

    public record Proposal(UUID id, UUID teamId, String title, String body, String serviceLine, String proposerName,
            String status, @Nullable String decisionReason, Instant createdAt, long supports, boolean supportedByMe,
            List<Comment> comments) {

        public String statusLabel() {
            return Messages.text(switch (status) {
                case "ADOPTED" -> "volunteering.proposal.status.ADOPTED";
                case "DECLINED" -> "volunteering.proposal.status.DECLINED";
                default -> "volunteering.proposal.status.PROPOSED";
            });
        }

        public String lineLabel() {
            return Labels.of("line", serviceLine);
        }

        public String time() {
            return Labels.format(createdAt, "yyyy-MM-dd HH:mm");
        }

        public boolean open() {
            return status.equals("PROPOSED");
        }
    }

    /** The board of one team as the actor may act on it. */
    public record Board(UUID teamId, String teamName, boolean member, boolean runs, List<Proposal> proposals) {
    }

    private final JdbcClient jdbc;
    private final Teams teams;
    private final Activities activities;
    private final AuditLog audit;
    private final Clock clock;

    Consultations(JdbcClient jdbc, Teams teams, Activities activities, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.activities = activities;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Board board(Actor actor, UUID teamId) {
        String region = teams.seenOrNotFound(actor, teamId);
        String county = region.substring(0, 6);
        UUID me = actor.can(Permission.VOLUNTEER_SELF) ? activities.self(actor).id() : null;
        boolean member = me != null && teams.isMember(county, teamId, me);
        String name = jdbc.sql("select name from volunteering.teams where county_code = :county and id = :id")
                .param("county", county).param("id", teamId).query(String.class).single();
        List<Proposal> proposals = jdbc.sql("""
                select p.id, p.title, p.body, p.service_line, v.real_name, p.status, p.decision_reason, p.created_at,
                    (select count(*) from volunteering.proposal_supports s where s.county_code = p.county_code and s.proposal_id = p.id),
                    exists (select 1 from volunteering.proposal_supports s where s.county_code = p.county_code
                        and s.proposal_id = p.id and s.volunteer_id = :me)
                from volunteering.proposals p
                join volunteering.volunteers v on v.county_code = p.county_code and v.id = p.proposer_id
                where p.county_code = :county and p.team_id = :team
                order by p.status <> 'PROPOSED', p.created_at desc limit 100""")
                .param("county", county).param("team", teamId).param("me", me)
                .query((rs, n) -> new Proposal(rs.getObject(1, UUID.class), teamId, rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), Times.required(rs, "created_at"),
                        rs.getLong(9), rs.getBoolean(10), List.of())).list();
        return new Board(teamId, name, member, teams.manages(actor, teamId),
                proposals.stream().map(p -> withComments(county, p)).toList());
    }

    private Proposal withComments(String county, Proposal p) {
        List<Comment> comments = jdbc.sql("""
                select author_name, body, created_at from volunteering.proposal_comments
                where county_code = :county and proposal_id = :id order by created_at, id""")
                .param("county", county).param("id", p.id())
                .query((rs, n) -> new Comment(rs.getString(1), rs.getString(2), Times.required(rs, "created_at"))).list();
        return new Proposal(p.id(), p.teamId(), p.title(), p.body(), p.serviceLine(), p.proposerName(), p.status(),
                p.decisionReason(), p.createdAt(), p.supports(), p.supportedByMe(), comments);
    }

    /** A current member of the team proposes an activity. */
    @Transactional
    public UUID propose(Actor actor, UUID teamId, @Nullable String title, @Nullable String body, @Nullable String serviceLine) {
        String region = teams.seenOrNotFound(actor, teamId);
        Volunteers.Ref me = memberOrRefuse(actor, region, teamId);
        String t = Text.trimToNull(title);
        String b = Text.trimToNull(body);
        Map<String, String> errors = new LinkedHashMap<>();
        if (t == null || t.length() < 2 || t.length() > 60) {
            errors.put("title", Messages.text("volunteering.proposal.title-required"));
        }
        if (b == null || b.length() > 1000) {
            errors.put("body", Messages.text("volunteering.proposal.body-required"));
        }
        if (serviceLine == null || !Activities.SERVICE_LINES.contains(serviceLine)) {
            errors.put("serviceLine", Messages.text("volunteering.activity.service-line-required"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteering.proposals (county_code, id, team_id, region_code, proposer_id, title, body, service_line,
                    status, created_at)
                values (:county, :id, :team, :region, :me, :title, :body, :line, 'PROPOSED', :at)""")
                .param("county", me.countyCode()).param("id", id).param("team", teamId).param("region", region)
                .param("me", me.id()).param("title", t).param("body", b).param("line", serviceLine)
                .param("at", Times.ts(clock.instant())).update();
        audit.record(AuditEvent.success("PROPOSAL_CREATE", "PROPOSAL", id.toString(), region).withDetail(t));
        return id;
    }

    /** A member or whoever runs the team comments on a proposal. */
    @Transactional
    public void comment(Actor actor, UUID proposalId, @Nullable String body) {
        Found p = find(actor, proposalId);
        String author;
        if (teams.manages(actor, p.teamId())) {
            author = actor.displayName();
        } else {
            author = memberOrRefuse(actor, p.region(), p.teamId()).realName();
        }
        String b = Text.trimToNull(body);
        if (b == null || b.length() > 500) {
            throw DomainException.invalid("body", Messages.text("volunteering.proposal.comment-required"));
        }
        jdbc.sql("""
                insert into volunteering.proposal_comments (county_code, id, proposal_id, author_id, author_name, body, created_at)
                values (:county, :id, :proposal, :author, :name, :body, :at)""")
                .param("county", p.region().substring(0, 6)).param("id", UUID.randomUUID()).param("proposal", proposalId)
                .param("author", actor.id()).param("name", author).param("body", b).param("at", Times.ts(clock.instant())).update();
        audit.record(AuditEvent.success("PROPOSAL_COMMENT", "PROPOSAL", proposalId.toString(), p.region()));
    }

    /** A member supports an open proposal, once. */
    @Transactional
    public void support(Actor actor, UUID proposalId) {
        Found p = find(actor, proposalId);
        Volunteers.Ref me = memberOrRefuse(actor, p.region(), p.teamId());
        if (!p.status().equals("PROPOSED")) {
            throw DomainException.conflict(ProblemType.PROPOSAL_DECIDED, "proposal", Messages.text("volunteering.proposal.decided"));
        }
        // a second support is refused without an error inside the transaction (on conflict), so nothing is half-written
        int rows = jdbc.sql("""
                insert into volunteering.proposal_supports (county_code, proposal_id, volunteer_id, supported_at)
                values (:county, :proposal, :me, :at) on conflict do nothing""")
                .param("county", me.countyCode()).param("proposal", proposalId).param("me", me.id())
                .param("at", Times.ts(clock.instant())).update();
        if (rows == 0) {
            throw DomainException.conflict(ProblemType.ALREADY_SUPPORTED, "proposal", Messages.text("volunteering.proposal.supported-already"));
        }
        audit.record(AuditEvent.success("PROPOSAL_SUPPORT", "PROPOSAL", proposalId.toString(), p.region()));
    }

    /** The adopted proposal, as a draft for the activity form. */
    public record Draft(UUID proposalId, String title, String serviceLine, String regionCode, String body) {
    }

    /** Whoever runs the team adopts (a draft for the activity form) or declines with a reason; once. */
    @Transactional
    public @Nullable Draft decide(Actor actor, UUID proposalId, boolean adopt, @Nullable String reason) {
        Found p = find(actor, proposalId);
        if (!teams.manages(actor, p.teamId())) {
            throw DomainException.forbidden(Messages.text("volunteering.team.not-yours"));
        }
        String r = Text.trimToNull(reason);
        if (!adopt && (r == null || r.length() > 200)) {
            throw DomainException.invalid("reason", Messages.text("volunteering.proposal.reason-required"));
        }
        int rows = jdbc.sql("""
                update volunteering.proposals set status = :status, decision_reason = :reason, decided_by = :by, decided_at = :at
                where county_code = :county and id = :id and status = 'PROPOSED'""")
                .param("status", adopt ? "ADOPTED" : "DECLINED").param("reason", r).param("by", actor.id())
                .param("at", Times.ts(clock.instant())).param("county", p.region().substring(0, 6)).param("id", proposalId).update();
        if (rows != 1) {
            throw DomainException.conflict(ProblemType.PROPOSAL_DECIDED, "proposal", Messages.text("volunteering.proposal.decided"));
        }
        audit.record(AuditEvent.success(adopt ? "PROPOSAL_ADOPT" : "PROPOSAL_DECLINE", "PROPOSAL", proposalId.toString(),
                p.region()).withDetail(adopt ? p.title() : r));
        return adopt ? new Draft(proposalId, p.title(), p.serviceLine(), p.region(), p.body()) : null;
    }

    /** An adopted proposal the actor runs the team of, to prefill the activity form. */
    @Transactional(readOnly = true)
    public Draft draft(Actor actor, UUID proposalId) {
        Found p = find(actor, proposalId);
        if (!teams.manages(actor, p.teamId()) || !p.status().equals("ADOPTED")) {
            throw DomainException.notFound(Messages.text("volunteering.proposal.not-found"));
        }
        return new Draft(proposalId, p.title(), p.serviceLine(), p.region(), p.body());
    }

    private record Found(UUID teamId, String region, String title, String body, String serviceLine, String status) {
    }

    /** The proposal when the actor sees its team, else not found. */
    private Found find(Actor actor, UUID proposalId) {
        Found p = jdbc.sql("""
                select team_id, region_code, title, body, service_line, status from volunteering.proposals where id = :id""")
                .param("id", proposalId)
                .query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.proposal.not-found")));
        try {
            teams.seenOrNotFound(actor, p.teamId());
        } catch (DomainException e) {
            throw DomainException.notFound(Messages.text("volunteering.proposal.not-found"));
        }
        return p;
    }

    private Volunteers.Ref memberOrRefuse(Actor actor, String region, UUID teamId) {
        if (!actor.can(Permission.VOLUNTEER_SELF)) {
            throw DomainException.forbidden(Messages.text("volunteering.proposal.members-only"));
        }
        Volunteers.Ref me = activities.self(actor);
        if (!teams.isMember(region.substring(0, 6), teamId, me.id())) {
            throw DomainException.forbidden(Messages.text("volunteering.proposal.members-only"));
        }
        return me;
    }
}
