package cn.wushe.organizations.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.organizations.OrganizationKind;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import cn.wushe.units.UnitId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 报到: a registered organization reports to a community of its county with the services it offers
 * (ORG_OWN, its own organization); the community (ORG_CHECKIN_CONFIRM over it) confirms, or declines
 * with a reason, after which the organization may report again. A confirmed organization's projects
 * are visible to that community ({@link cn.wushe.organizations.Organizations#confirmedIn}).
 */
@Service
public class CommunityCheckins {

    public enum Status { REPORTED, CONFIRMED, DECLINED }

    public record Checkin(UnitId organizationId, String organizationName, String communityCode, String communityName,
            String services, Status status, Instant reportedAt, @Nullable Instant decidedAt, @Nullable String declineReason) {

        public String statusLabel() {
            return Messages.text("organizations.checkin.status." + status.name());
        }
    }

    private final JdbcOrganizations organizations;
    private final Regions regions;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    CommunityCheckins(JdbcOrganizations organizations, Regions regions, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.organizations = organizations;
        this.regions = regions;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The organization's staff report it to a community of its county; again only after a decline. */
    @Transactional
    public Checkin report(Actor actor, UnitId id, @Nullable String communityCode, @Nullable String services) {
        OrganizationRecord o = organizations.load(id, ScopeFilter.ownUnitWithin(actor, Permission.ORG_OWN, "o.id",
                        "o.county_code", "o.region_code"), true)
                .orElseThrow(() -> DomainException.notFound(Messages.text("organizations.subject")));
        if (!o.active() || !o.kind().registered()) {
            throw new DomainException(ProblemType.STATUS_NOT_ALLOWED, Messages.text("organizations.checkin.registered-only"));
        }
        String community = Text.trimToNull(communityCode);
        if (community == null || !community.matches("[0-9]{12}") || !community.startsWith(o.countyCode())
                || !regions.exists(community)) {
            throw DomainException.invalid("communityCode", Messages.text("organizations.checkin.community"));
        }
        String offered = Text.trimToNull(services);
        if (offered == null || offered.length() < 2 || offered.length() > 500) {
            throw DomainException.invalid("services", Messages.text("organizations.checkin.services"));
        }
        int rows = jdbc.sql("""
                insert into organizations.checkins (organization_id, community_code, county_code, services, status, reported_at)
                values (:o, :c, :county, :s, 'REPORTED', :at)
                on conflict (organization_id, community_code) do update set services = excluded.services, status = 'REPORTED',
                    reported_at = excluded.reported_at, decided_at = null, decided_by = null, decline_reason = null
                where organizations.checkins.status = 'DECLINED'
                """).param("o", id.value()).param("c", community).param("county", o.countyCode()).param("s", offered)
                .param("at", Timestamp.from(clock.instant())).update();
        if (rows != 1) {
            throw DomainException.invalid("communityCode", Messages.text("organizations.checkin.already"));
        }
        audit.record(AuditEvent.success("ORGANIZATION_CHECKIN", OrganizationRegister.OBJECT_TYPE, id.toString(), community)
                .withDetail(community));
        return find(id, community);
    }

    /** The community's decision: confirm, or decline with a reason. 404 outside ORG_CHECKIN_CONFIRM over the community. */
    @Transactional
    public Checkin decide(Actor actor, UnitId id, String communityCode, @Nullable Boolean confirm, @Nullable String reason) {
        if (!communityCode.matches("[0-9]{12}") || !actor.can(Permission.ORG_CHECKIN_CONFIRM, communityCode)) {
            throw DomainException.notFound(Messages.text("organizations.checkin.subject"));
        }
        if (confirm == null) {
            throw DomainException.invalid("confirm", Messages.text("organizations.checkin.decision"));
        }
        String why = Text.trimToNull(reason);
        if (!confirm && (why == null || why.length() < 2)) {
            throw DomainException.invalid("reason", Messages.text("organizations.checkin.reason"));
        }
        int rows = jdbc.sql("""
                update organizations.checkins set status = :s, decided_at = :at, decided_by = :by, decline_reason = :r
                where organization_id = :o and community_code = :c and status = 'REPORTED'
                """).param("s", confirm ? "CONFIRMED" : "DECLINED").param("at", Timestamp.from(clock.instant()))
                .param("by", actor.displayName()).param("r", confirm ? null : why).param("o", id.value())
                .param("c", communityCode).update();
        if (rows != 1) {
            boolean exists = jdbc.sql("select exists (select 1 from organizations.checkins where organization_id = :o "
                    + "and community_code = :c)").param("o", id.value()).param("c", communityCode).query(Boolean.class).single();
            if (!exists) {
                throw DomainException.notFound(Messages.text("organizations.checkin.subject"));
            }
            throw new DomainException(ProblemType.STATUS_NOT_ALLOWED, Messages.text("organizations.checkin.decided"));
        }
        audit.record(AuditEvent.success(confirm ? "ORGANIZATION_CHECKIN_CONFIRM" : "ORGANIZATION_CHECKIN_DECLINE",
                OrganizationRegister.OBJECT_TYPE, id.toString(), communityCode).withDetail(communityCode).withReason(why));
        return find(id, communityCode);
    }

    /**
     * Reports the actor may see: to the communities of their ORG_CHECKIN_CONFIRM scope, in their
     * ORG_VIEW region, or their own organization's; open ones first.
     */
    public List<Checkin> visible(Actor actor, int limit) {
        List<ScopeFilter.SqlPredicate> any = new ArrayList<>();
        any.add(ScopeFilter.predicate(actor, Permission.ORG_CHECKIN_CONFIRM, "k.county_code", "k.community_code"));
        any.add(ScopeFilter.predicate(actor, Permission.ORG_VIEW, "k.county_code", "k.community_code"));
        if (actor.can(Permission.ORG_OWN)) {
            any.add(ScopeFilter.ownUnit(actor, "k.organization_id"));
        }
        ScopeFilter.SqlPredicate scope = ScopeFilter.anyOf(any);
        return jdbc.sql("select k.*, o.name from organizations.checkins k join organizations.organizations o "
                        + "on o.id = k.organization_id where " + scope.sql()
                        + " order by (k.status = 'REPORTED') desc, k.reported_at desc limit :limit")
                .params(scope.params()).param("limit", limit).query(this::checkin).list();
    }

    private Checkin find(UnitId id, String community) {
        return jdbc.sql("select k.*, o.name from organizations.checkins k join organizations.organizations o on o.id = k.organization_id "
                        + "where k.organization_id = :o and k.community_code = :c")
                .param("o", id.value()).param("c", community).query(this::checkin).single();
    }

    private Checkin checkin(ResultSet rs, int n) throws SQLException {
        String community = rs.getString("community_code");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Checkin(new UnitId(rs.getObject("organization_id", java.util.UUID.class)), rs.getString("name"), community,
                regions.find(community).map(Region::name).orElse(community), rs.getString("services"),
                Status.valueOf(rs.getString("status")), rs.getTimestamp("reported_at").toInstant(),
                decided == null ? null : decided.toInstant(), rs.getString("decline_reason"));
    }
}
