package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.Signatures;
import cn.wushe.platform.Text;
import cn.wushe.platform.personal.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points store (积分超市) of each community: an append-only ledger with a balance beside it,
 * goods with stock. A redemption takes stock and points each by one guarded UPDATE
 * ({@code stock >= q}, {@code balance >= p}), so neither goes negative however many keepers scan at once.
 */
@Service
public class Points {

    static final String CARD_PURPOSE = "volunteering-card";

    public record Goods(UUID id, String communityCode, String name, int pricePoints, int stock, @Nullable String merchant) {
    }

    public record Redeemed(UUID redemptionId, String goodsName, int points, int balanceAfter, String volunteerName) {
    }

    public record MonthLine(String month, String goodsName, long quantity, long points) {
    }

    /**
     * Who holds points: a volunteer, or a resident's 积分户 without a volunteer profile. The ledger and
     * the balances name either by its id (their {@code volunteer_id} column), so one set of statements keeps both.
     */
    public record Holder(UUID id, String countyCode, String communityCode, String name, boolean account) {

        /** The audit object type of the holder. */
        String objectType() {
            return account ? "POINTS_ACCOUNT" : "VOLUNTEER";
        }
    }

    /** 每小时积分 of a county: its own setting, or the configured default when it set none. */
    public record HourRate(String countyCode, int pointsPerHour, @Nullable Instant setAt) {

        public boolean countySet() {
            return setAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final Signatures signatures;
    private final AuditLog audit;
    private final Clock clock;
    private final BlindIndex index;
    private final int defaultPerHour;

    Points(JdbcClient jdbc, Signatures signatures, AuditLog audit, Clock clock, BlindIndex index,
            @Value("${wushe.volunteering.points-per-hour:10}") int defaultPerHour) {
        this.jdbc = jdbc;
        this.index = index;
        this.signatures = signatures;
        this.audit = audit;
        this.clock = clock;
        this.defaultPerHour = defaultPerHour;
    }

    /** The rate hours confirmed now earn in the county. */
    public HourRate hourRate(String county) {
        return jdbc.sql("""
                select points_per_hour, set_at from volunteering.points_hour_rates where county_code = :county
                order by set_at desc limit 1""")
                .param("county", county).query((rs, n) -> new HourRate(county, rs.getInt(1), Times.instant(rs, "set_at")))
                .optional().orElseGet(() -> new HourRate(county, defaultPerHour, null));
    }

    /**
     * Sets the county's 每小时积分 for hours confirmed from now on; rows already in the ledger keep what
     * they earned. Each setting is kept (history), audited. Only {@code ACTIVITY_MANAGE} over the whole county.
     */
    @Transactional
    public HourRate setHourRate(Actor actor, @Nullable String countyCode, @Nullable Integer perHour) {
        String county = Text.trimToNull(countyCode);
        if (county == null || !county.matches("[0-9]{6}")) {
            throw DomainException.invalid("countyCode", Messages.text("volunteering.deed.county-required"));
        }
        Deeds.keeperOrRefuse(actor, county);
        if (perHour == null || perHour < 0 || perHour > 1000) {
            throw DomainException.invalid("pointsPerHour", Messages.text("volunteering.points.rate-range"));
        }
        HourRate before = hourRate(county);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into volunteering.points_hour_rates (county_code, set_at, points_per_hour, set_by)
                values (:county, :at, :rate, :by)""")
                .param("county", county).param("at", Times.ts(now)).param("rate", perHour).param("by", actor.id()).update();
        audit.record(AuditEvent.success("POINTS_RATE_SET", "POINTS_RATE", county, county)
                .withDetail(before.pointsPerHour() + " → " + perHour));
        return new HourRate(county, perHour, now);
    }

    void credit(String county, String community, UUID volunteer, int points, String kind, @Nullable UUID reference,
            UUID by, Instant at) {
        credit(county, community, volunteer, points, kind, reference, null, by, at);
    }

    void credit(String county, String community, UUID volunteer, int points, String kind, @Nullable UUID reference,
            @Nullable String reason, UUID by, Instant at) {
        jdbc.sql("""
                insert into volunteering.points_ledger (county_code, id, community_code, volunteer_id, points, kind,
                    reference_id, reason, recorded_by, recorded_at)
                values (:county, :id, :community, :volunteer, :points, :kind, :ref, :reason, :by, :at)""")
                .param("county", county).param("id", UUID.randomUUID()).param("community", community)
                .param("volunteer", volunteer).param("points", points).param("kind", kind).param("ref", reference)
                .param("reason", reason).param("by", by).param("at", Times.ts(at)).update();
        if (points < 0) {
            // a debit: the caller holds the balance row and took no more than it holds
            jdbc.sql("""
                    update volunteering.points_balances set balance = balance + :points
                    where county_code = :county and community_code = :community and volunteer_id = :volunteer""")
                    .param("county", county).param("community", community).param("volunteer", volunteer)
                    .param("points", points).update();
            return;
        }
        jdbc.sql("""
                insert into volunteering.points_balances (county_code, community_code, volunteer_id, balance)
                values (:county, :community, :volunteer, :points)
                on conflict (county_code, community_code, volunteer_id) do update
                  set balance = volunteering.points_balances.balance + excluded.balance""")
                .param("county", county).param("community", community).param("volunteer", volunteer)
                .param("points", points).update();
    }

    /** Takes back the points a reversed hours row earned, as far as the balance still holds them. */
    void reverseFor(String county, String community, UUID volunteer, UUID hoursRow, UUID reversal, UUID by, Instant at) {
        int earned = jdbc.sql("""
                select coalesce(sum(points), 0) from volunteering.points_ledger where county_code = :county and volunteer_id = :volunteer
                  and reference_id = :row and kind = 'HOURS'""")
                .param("county", county).param("volunteer", volunteer).param("row", hoursRow).query(Integer.class).single();
        if (earned <= 0) {
            return;
        }
        Integer balance = jdbc.sql("""
                select balance from volunteering.points_balances where county_code = :county and community_code = :community
                  and volunteer_id = :volunteer for update""")
                .param("county", county).param("community", community).param("volunteer", volunteer)
                .query(Integer.class).optional().orElse(0);
        int taken = Math.min(earned, balance);
        if (taken > 0) {
            credit(county, community, volunteer, -taken, "REVERSAL", reversal, by, at);
        }
    }

    /** The volunteer's card code: what the keeper scans (id and signature; the name is not in it). */
    public String cardCode(UUID volunteerId) {
        return volunteerId + "." + signatures.sign(CARD_PURPOSE, volunteerId.toString());
    }

    Optional<UUID> volunteerOfCard(@Nullable String code) {
        if (code == null) {
            return Optional.empty();
        }
        String[] parts = code.strip().split("\\.", 2);
        if (parts.length != 2 || !signatures.verify(CARD_PURPOSE, parts[0], parts[1])) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(parts[0]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The holder the keeper named: a scanned card (a volunteer's, or a resident account's printed one; the
     * card of an account since attached names its volunteer), or a typed mobile number, found among the
     * accounts and volunteers of the communities the keeper serves ({@code POINTS_REDEEM}).
     */
    Holder holderOrRefuse(Actor actor, @Nullable String cardOrPhone) {
        String code = Text.trimToNull(cardOrPhone);
        if (code != null && code.length() <= 20 && !code.contains(".")) {
            return holderByPhone(actor, code);
        }
        UUID id = volunteerOfCard(code)
                .orElseThrow(() -> DomainException.invalid("card", Messages.text("volunteering.points.card-invalid")));
        // a genuine card of someone outside the keeper's counties: not found, as anything out of scope
        return holder(storeCounties(actor), id)
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.deed.volunteer-not-found")));
    }

    /** The counties the actor keeps a store in ({@code POINTS_REDEEM}). */
    static List<String> storeCounties(Actor actor) {
        return actor.scopesFor(Permission.POINTS_REDEEM).stream().map(cn.wushe.platform.RegionScope::code)
                .filter(c -> c.length() >= 6).map(c -> c.substring(0, 6)).distinct().toList();
    }

    private Holder holderByPhone(Actor actor, String typed) {
        String digits = PhoneNumber.normalise(typed);
        if (!digits.matches("1[3-9][0-9]{9}")) {
            throw DomainException.invalid("card", Messages.text("volunteering.points.card-or-phone"));
        }
        SqlPredicate accounts = ScopeFilter.predicate(actor, Permission.POINTS_REDEEM, "a.county_code", "a.community_code");
        SqlPredicate volunteers = ScopeFilter.predicate(actor, Permission.POINTS_REDEEM, "v.county_code", "v.community_code");
        List<Holder> found = jdbc.sql("(select a.id, a.county_code, a.community_code, a.real_name, true"
                        + " from volunteering.points_accounts a where a.phone_bidx = :phone and a.volunteer_id is null and "
                        + accounts.sql() + ") union all (select v.id, v.county_code, v.community_code, v.real_name, false"
                        + " from volunteering.volunteers v where v.phone_bidx = :phone and " + volunteers.sql() + ") limit 2")
                .param("phone", index.of(PhoneNumber.BLIND_INDEX_PURPOSE, digits)).params(accounts.params())
                .params(volunteers.params()).query(HOLDER).list();
        if (found.isEmpty()) {
            throw DomainException.invalid("card", Messages.text("volunteering.points.phone-unknown"));
        }
        if (found.size() > 1) {
            throw DomainException.invalid("card", Messages.text("volunteering.points.phone-ambiguous"));
        }
        return found.get(0);
    }

    private static final org.springframework.jdbc.core.RowMapper<Holder> HOLDER = (rs, n) -> new Holder(
            rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));

    /** The volunteer or open account of the id in one of the counties; an attached account answers as its volunteer. */
    Optional<Holder> holder(List<String> counties, UUID id) {
        if (counties.isEmpty()) {
            return Optional.empty();
        }
        Optional<Holder> volunteer = jdbc.sql("""
                select id, county_code, community_code, real_name, false from volunteering.volunteers
                where county_code in (:counties) and id = :id""")
                .param("counties", counties).param("id", id).query(HOLDER).optional();
        if (volunteer.isPresent()) {
            return volunteer;
        }
        record Account(Holder holder, @Nullable UUID attachedTo) {
        }
        return jdbc.sql("""
                select id, county_code, community_code, real_name, true, volunteer_id from volunteering.points_accounts
                where county_code in (:counties) and id = :id""")
                .param("counties", counties).param("id", id)
                .query((rs, n) -> new Account(HOLDER.mapRow(rs, n), rs.getObject(6, UUID.class))).optional()
                .flatMap(a -> a.attachedTo() == null ? Optional.of(a.holder()) : holder(List.of(a.holder().countyCode()), a.attachedTo()));
    }

    /**
     * Holds a resident account open until the caller's transaction ends: an attachment running at the
     * same moment finishes first and the credit is refused, so no point lands on a closed account.
     */
    void holdOpen(Holder holder) {
        if (holder.account() && jdbc.sql("""
                select id from volunteering.points_accounts where county_code = :county and id = :id and volunteer_id is null
                for share""").param("county", holder.countyCode()).param("id", holder.id()).query(UUID.class).optional().isEmpty()) {
            throw DomainException.invalid("card", Messages.text("volunteering.account.closed"));
        }
    }

    public int balance(String county, String community, UUID volunteer) {
        return jdbc.sql("""
                select balance from volunteering.points_balances where county_code = :county and community_code = :community
                  and volunteer_id = :volunteer""")
                .param("county", county).param("community", community).param("volunteer", volunteer)
                .query(Integer.class).optional().orElse(0);
    }

    /** Puts goods on a community's shelf; the keeper's {@code POINTS_REDEEM} must reach the community. */
    @Transactional
    public UUID addGoods(Actor actor, @Nullable String community, @Nullable String name, @Nullable Integer price,
            @Nullable Integer stock, @Nullable String merchant) {
        Map<String, String> errors = new LinkedHashMap<>();
        String n = Text.trimToNull(name);
        if (n == null || n.length() > 40) {
            errors.put("name", Messages.text("volunteering.goods.name-required"));
        }
        if (price == null || price < 1 || price > 1_000_000) {
            errors.put("pricePoints", Messages.text("volunteering.goods.price-range"));
        }
        if (stock == null || stock < 0 || stock > 1_000_000) {
            errors.put("stock", Messages.text("volunteering.goods.stock-range"));
        }
        if (community == null || !community.matches("[0-9]{12}")) {
            errors.put("communityCode", Messages.text("volunteering.volunteer.community-required"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (!actor.can(Permission.POINTS_REDEEM, community)) {
            throw DomainException.outOfScope(Map.of("communityCode", Messages.text("volunteering.goods.out-of-scope")));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteering.goods (county_code, id, community_code, name, price_points, stock, merchant, created_at)
                values (:county, :id, :community, :name, :price, :stock, :merchant, :at)""")
                .param("county", community.substring(0, 6)).param("id", id).param("community", community).param("name", n)
                .param("price", price).param("stock", stock).param("merchant", Text.trimToNull(merchant))
                .param("at", Times.ts(clock.instant())).update();
        audit.record(AuditEvent.success("GOODS_ADD", "GOODS", id.toString(), community));
        return id;
    }

    /** Goods on the shelves the actor keeps. */
    @Transactional(readOnly = true)
    public List<Goods> goods(Actor actor) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.POINTS_REDEEM, "g.county_code", "g.community_code");
        return jdbc.sql("select g.id, g.community_code, g.name, g.price_points, g.stock, g.merchant from volunteering.goods g where "
                        + scope.sql() + " and g.active order by g.community_code, g.name limit 200")
                .params(scope.params()).query((rs, n) -> new Goods(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6))).list();
    }

    /** Redeems {@code quantity} of the goods for the volunteer whose card was scanned; all or nothing. */
    @Transactional
    public Redeemed redeem(Actor actor, @Nullable String cardCode, UUID goodsId, int quantity) {
        Holder holder = holderOrRefuse(actor, cardCode);
        UUID volunteer = holder.id();
        if (quantity < 1 || quantity > 100) {
            throw DomainException.invalid("quantity", Messages.text("volunteering.points.quantity-range"));
        }
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.POINTS_REDEEM, "g.county_code", "g.community_code");
        Goods goods = jdbc.sql("select g.id, g.community_code, g.name, g.price_points, g.stock, g.merchant from volunteering.goods g"
                        + " where g.id = :id and g.active and " + scope.sql())
                .param("id", goodsId).params(scope.params()).query((rs, n) -> new Goods(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6))).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.goods.not-found")));
        String county = goods.communityCode().substring(0, 6);
        if (!holder.countyCode().equals(county)) {
            throw DomainException.invalid("card", Messages.text("volunteering.points.card-invalid"));
        }
        String name = holder.name();
        int cost = goods.pricePoints() * quantity;
        int stockRows = jdbc.sql("""
                update volunteering.goods set stock = stock - :q where county_code = :county and id = :id and stock >= :q""")
                .param("q", quantity).param("county", county).param("id", goodsId).update();
        if (stockRows != 1) {
            throw DomainException.conflict(ProblemType.OUT_OF_STOCK, "quantity", Messages.text("volunteering.points.out-of-stock"));
        }
        Optional<Integer> after = jdbc.sql("""
                update volunteering.points_balances set balance = balance - :cost
                where county_code = :county and community_code = :community and volunteer_id = :volunteer and balance >= :cost
                returning balance""")
                .param("cost", cost).param("county", county).param("community", goods.communityCode())
                .param("volunteer", volunteer).query(Integer.class).optional();
        if (after.isEmpty()) {
            // the stock taken above rolls back with this refusal
            throw DomainException.conflict(ProblemType.INSUFFICIENT_POINTS, "card",
                    Messages.text("volunteering.points.insufficient", balance(county, goods.communityCode(), volunteer), cost));
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into volunteering.redemptions (county_code, id, community_code, goods_id, volunteer_id, quantity,
                    points, redeemed_by, redeemed_at)
                values (:county, :id, :community, :goods, :volunteer, :q, :points, :by, :at)""")
                .param("county", county).param("id", id).param("community", goods.communityCode()).param("goods", goodsId)
                .param("volunteer", volunteer).param("q", quantity).param("points", cost).param("by", actor.id())
                .param("at", Times.ts(now)).update();
        jdbc.sql("""
                insert into volunteering.points_ledger (county_code, id, community_code, volunteer_id, points, kind,
                    reference_id, recorded_by, recorded_at)
                values (:county, :lid, :community, :volunteer, :points, 'REDEMPTION', :ref, :by, :at)""")
                .param("county", county).param("lid", UUID.randomUUID()).param("community", goods.communityCode())
                .param("volunteer", volunteer).param("points", -cost).param("ref", id).param("by", actor.id())
                .param("at", Times.ts(now)).update();
        audit.record(AuditEvent.success("POINTS_REDEEM", "GOODS", goodsId.toString(), goods.communityCode())
                .withDetail(Messages.text("volunteering.audit.redeemed", quantity, cost)));
        return new Redeemed(id, goods.name(), cost, after.get(), cn.wushe.platform.personal.Masking.name(name));
    }

    /** 月度台账: redemptions per month and goods of the shelves the actor keeps. */
    @Transactional(readOnly = true)
    public List<MonthLine> monthly(Actor actor) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.POINTS_REDEEM, "r.county_code", "r.community_code");
        return jdbc.sql("""
                select to_char(r.redeemed_at at time zone 'Asia/Shanghai', 'YYYY-MM'), g.name, sum(r.quantity), sum(r.points)
                from volunteering.redemptions r join volunteering.goods g on g.county_code = r.county_code and g.id = r.goods_id
                where """ + scope.sql() + " group by 1, 2 order by 1 desc, 2 limit 500")
                .params(scope.params()).query((rs, n) -> new MonthLine(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4))).list();
    }
}
