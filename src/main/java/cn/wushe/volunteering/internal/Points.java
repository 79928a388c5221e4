package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.Signatures;
import cn.wushe.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    private final JdbcClient jdbc;
    private final Signatures signatures;
    private final AuditLog audit;
    private final Clock clock;

    Points(JdbcClient jdbc, Signatures signatures, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.signatures = signatures;
        this.audit = audit;
        this.clock = clock;
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
        UUID volunteer = volunteerOfCard(cardCode)
                .orElseThrow(() -> DomainException.invalid("card", Messages.text("volunteering.points.card-invalid")));
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
        String name = jdbc.sql("select real_name from volunteering.volunteers where county_code = :county and id = :id")
                .param("county", county).param("id", volunteer).query(String.class).optional()
                .orElseThrow(() -> DomainException.invalid("card", Messages.text("volunteering.points.card-invalid")));
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
