package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.Text;
import cn.wushe.platform.personal.Masking;
import cn.wushe.platform.personal.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 积分户: the points account of a resident without a volunteer profile (the 积分超市 serves every
 * resident), opened by a worker or keeper of the community with name and mobile (encrypted, blind
 * index). The account earns good deeds and redeems through {@link Deeds} and {@link Points} like a
 * volunteer (its id stands in the ledger's holder column); the keeper finds it by mobile or a printed
 * card. When the resident signs up as a volunteer, attaching moves each balance to the volunteer as a
 * pair of MERGE rows in the same transaction, audited, and the account is closed.
 */
@Service
public class PointsAccounts {

    /** An open account as the keeper's list shows it: the phone masked. */
    public record Account(UUID id, String communityCode, String name, String maskedPhone, int balance, Instant openedAt) {
    }

    public record Attached(String volunteerName, int merged) {
    }

    private final JdbcClient jdbc;
    private final Points points;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final AuditLog audit;
    private final Clock clock;

    PointsAccounts(JdbcClient jdbc, Points points, FieldCipher cipher, BlindIndex index, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.points = points;
        this.cipher = cipher;
        this.index = index;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens an account in a community the actor serves ({@code POINTS_REDEEM}); one open account per mobile there. */
    @Transactional
    public UUID open(Actor actor, @Nullable String communityCode, @Nullable String name, @Nullable String phone) {
        Map<String, String> errors = new LinkedHashMap<>();
        String community = Text.trimToNull(communityCode);
        if (community == null || !community.matches("[0-9]{12}")) {
            errors.put("communityCode", Messages.text("volunteering.volunteer.community-required"));
        }
        String n = Text.trimToNull(name);
        if (n == null || n.length() > 30) {
            errors.put("name", Messages.text("volunteering.account.name-required"));
        }
        String digits = phone == null ? "" : PhoneNumber.normalise(phone);
        if (!digits.matches("1[3-9][0-9]{9}")) {
            errors.put("phone", Messages.text("platform.phone.not-mobile"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (!actor.can(Permission.POINTS_REDEEM, community)) {
            throw DomainException.outOfScope(Map.of("communityCode", Messages.text("volunteering.goods.out-of-scope")));
        }
        String county = community.substring(0, 6);
        String phoneIndex = index.of(PhoneNumber.BLIND_INDEX_PURPOSE, digits);
        if (jdbc.sql("select exists (select 1 from volunteering.volunteers where county_code = :county and phone_bidx = :phone)")
                .param("county", county).param("phone", phoneIndex).query(Boolean.class).single()) {
            throw DomainException.invalid("phone", Messages.text("volunteering.account.is-volunteer"));
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into volunteering.points_accounts (county_code, id, community_code, real_name, phone_enc, phone_bidx,
                        created_by, created_at)
                    values (:county, :id, :community, :name, :phoneEnc, :phone, :by, :at)""")
                    .param("county", county).param("id", id).param("community", community).param("name", n)
                    .param("phoneEnc", cipher.encrypt(digits)).param("phone", phoneIndex).param("by", actor.id())
                    .param("at", Times.ts(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.invalid("phone", Messages.text("volunteering.account.duplicate"));
        }
        audit.record(AuditEvent.success("POINTS_ACCOUNT_OPEN", "POINTS_ACCOUNT", id.toString(), community));
        return id;
    }

    /** The open accounts of the communities the actor serves, with their balance there; a read of personal data, audited. */
    @Transactional
    public List<Account> list(Actor actor) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.POINTS_REDEEM, "a.county_code", "a.community_code");
        List<Account> accounts = jdbc.sql("""
                select a.id, a.community_code, a.real_name, a.phone_enc, coalesce(b.balance, 0), a.created_at
                from volunteering.points_accounts a
                left join volunteering.points_balances b on b.county_code = a.county_code
                     and b.community_code = a.community_code and b.volunteer_id = a.id
                where a.volunteer_id is null and """ + scope.sql() + " order by a.community_code, a.real_name, a.id limit 200")
                .params(scope.params())
                .query((rs, n) -> new Account(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Masking.phone(cipher.decrypt(rs.getString(4))), rs.getInt(5), Times.required(rs, "created_at"))).list();
        if (!accounts.isEmpty()) {
            audit.recordAccess(AuditEvent.success("POINTS_ACCOUNT_LIST", "POINTS_ACCOUNT", null, accounts.get(0).communityCode())
                    .withDetail(Messages.text("volunteering.account.listed", accounts.size())));
        }
        return accounts;
    }

    /** The printable card code of an open account in the actor's communities (what the keeper scans later). */
    @Transactional(readOnly = true)
    public String cardCode(Actor actor, UUID accountId) {
        return points.cardCode(accountOrRefuse(actor, accountId, false).id());
    }

    /**
     * Attaches the account to the volunteer whose card the keeper scanned (same county): each balance
     * of the account moves to the volunteer in the same community as a MERGE debit and credit, the
     * account closes. The account's balance rows are locked first, so a redemption at the same moment
     * either comes before (and the rest moves) or finds nothing left.
     */
    @Transactional
    public Attached attach(Actor actor, UUID accountId, @Nullable String volunteerCard) {
        Points.Holder account = accountOrRefuse(actor, accountId, true);
        Points.Holder volunteer = points.volunteerOfCard(volunteerCard).flatMap(id -> points.holder(List.of(account.countyCode()), id))
                .filter(h -> !h.account() && h.countyCode().equals(account.countyCode()))
                .orElseThrow(() -> DomainException.invalid("card", Messages.text("volunteering.account.volunteer-card")));
        record Held(String community, int balance) {
        }
        List<Held> held = jdbc.sql("""
                select community_code, balance from volunteering.points_balances
                where county_code = :county and volunteer_id = :account and balance > 0 for update""")
                .param("county", account.countyCode()).param("account", account.id())
                .query((rs, n) -> new Held(rs.getString(1), rs.getInt(2))).list();
        Instant now = clock.instant();
        String reason = Messages.text("volunteering.account.merge-reason");
        int merged = 0;
        for (Held h : held) {
            points.credit(account.countyCode(), h.community(), account.id(), -h.balance(), "MERGE", volunteer.id(), reason,
                    actor.id(), now);
            points.credit(account.countyCode(), h.community(), volunteer.id(), h.balance(), "MERGE", account.id(), reason,
                    actor.id(), now);
            merged += h.balance();
        }
        jdbc.sql("""
                update volunteering.points_accounts set volunteer_id = :volunteer, attached_at = :at
                where county_code = :county and id = :id and volunteer_id is null""")
                .param("volunteer", volunteer.id()).param("at", Times.ts(now)).param("county", account.countyCode())
                .param("id", account.id()).update();
        audit.record(AuditEvent.success("POINTS_ACCOUNT_ATTACH", "POINTS_ACCOUNT", account.id().toString(), account.communityCode())
                .withDetail(Messages.text("volunteering.account.attached-audit", volunteer.id(), merged)));
        return new Attached(Masking.name(volunteer.name()), merged);
    }

    /** The open account if it lies in a community the actor serves; 404 otherwise (also once attached). */
    private Points.Holder accountOrRefuse(Actor actor, UUID accountId, boolean lock) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.POINTS_REDEEM, "a.county_code", "a.community_code");
        return jdbc.sql("select a.id, a.county_code, a.community_code, a.real_name from volunteering.points_accounts a"
                        + " where a.id = :id and a.volunteer_id is null and " + scope.sql() + (lock ? " for update" : ""))
                .param("id", accountId).params(scope.params())
                .query((rs, n) -> new Points.Holder(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), true)).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.account.not-found")));
    }
}
