package cn.wushe.organizations.internal;

import cn.wushe.organizations.OrganizationKind;
import cn.wushe.organizations.OrganizationSummary;
import cn.wushe.organizations.Organizations;
import cn.wushe.platform.Actor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.units.UnitId;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register in {@code organizations.organizations}, and {@link Organizations} for other modules. */
@Repository
class JdbcOrganizations implements Organizations {

    static final String COLUMNS = "o.id, o.county_code, o.region_code, o.kind, o.name, o.credit_code, o.filing_number, "
            + "o.community_type, o.members, o.charter, o.fields, o.leader_name, o.leader_id_cipher, "
            + "o.leader_phone_cipher, o.party_status, o.grade, o.grade_valid_until, o.status, o.deregistered_reason, "
            + "o.abnormal, o.version, o.created_at";

    private final JdbcClient jdbc;

    JdbcOrganizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OrganizationSummary> find(UnitId id) {
        return load(id, ScopeFilter.unscoped("other modules decide what their user may see"), false)
                .map(OrganizationRecord::summary);
    }

    @Override
    public List<ConfirmedCheckin> confirmedIn(Actor actor) {
        ScopeFilter.SqlPredicate scope = ScopeFilter.predicate(actor, Permission.ORG_CHECKIN_CONFIRM, "k.county_code",
                "k.community_code");
        return jdbc.sql("select distinct k.organization_id, k.county_code from organizations.checkins k "
                        + "where k.status = 'CONFIRMED' and " + scope.sql()).params(scope.params())
                .query((rs, n) -> new ConfirmedCheckin(new UnitId(rs.getObject(1, UUID.class)), rs.getString(2))).list();
    }

    @Override
    public List<OrganizationSummary> activeIn(String countyCode) {
        return jdbc.sql("select " + COLUMNS + " from organizations.organizations o where o.county_code = :c "
                        + "and o.status = 'ACTIVE' order by (o.kind = 'COMMUNITY'), o.name")
                .param("c", countyCode).query(JdbcOrganizations::row).list().stream().map(OrganizationRecord::summary).toList();
    }

    Optional<OrganizationRecord> load(UnitId id, ScopeFilter.SqlPredicate scope, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from organizations.organizations o where o.id = :id and " + scope.sql()
                        + (forUpdate ? " for update" : ""))
                .params(scope.params()).param("id", id.value()).query(JdbcOrganizations::row).optional();
    }

    boolean creditCodeTaken(String code) {
        return jdbc.sql("select exists (select 1 from organizations.organizations where credit_code = :c)")
                .param("c", code).query(Boolean.class).single();
    }

    boolean leaderTaken(String index) {
        return jdbc.sql("select exists (select 1 from organizations.organizations where leader_id_index = :i "
                + "and status = 'ACTIVE')").param("i", index).query(Boolean.class).single();
    }

    boolean communityTypeExists(String code) {
        return jdbc.sql("select exists (select 1 from organizations.community_types where code = :c and active)")
                .param("c", code).query(Boolean.class).single();
    }

    /** The next filing number of a town in a year: 备 + town code + year + 4-digit sequence. */
    String nextFilingNumber(String town, int year) {
        String prefix = town + "-" + year + "-";
        int next = jdbc.sql("select count(*) + 1 from organizations.organizations where filing_number like :p")
                .param("p", prefix + "%").query(Integer.class).single();
        return prefix + String.format("%04d", next);
    }

    void insert(OrganizationRecord o, @org.jspecify.annotations.Nullable String idIndex) {
        jdbc.sql("""
                insert into organizations.organizations (id, county_code, region_code, kind, name, credit_code,
                    filing_number, community_type, members, charter, fields, leader_name, leader_id_cipher,
                    leader_id_index, leader_phone_cipher, party_status, grade, grade_valid_until, status, abnormal,
                    version, created_at, updated_at)
                values (:id, :county, :region, :kind, :name, :credit, :filing, :ctype, :members, :charter,
                    cast(:fields as text[]), :leader, :idCipher, :idIndex, :phoneCipher, :party, :grade, :gradeUntil,
                    'ACTIVE', false, 0, :at, :at)
                """)
                .param("id", o.id().value()).param("county", o.countyCode()).param("region", o.regionCode())
                .param("kind", o.kind().name()).param("name", o.name()).param("credit", o.creditCode())
                .param("filing", o.filingNumber()).param("ctype", o.communityType()).param("members", o.members())
                .param("charter", o.charter()).param("fields", o.fields().toArray(String[]::new))
                .param("leader", o.leaderName()).param("idCipher", o.leaderIdCipher()).param("idIndex", idIndex)
                .param("phoneCipher", o.leaderPhoneCipher()).param("party", o.partyStatus().name())
                .param("grade", o.grade()).param("gradeUntil", o.gradeValidUntil() == null ? null : Date.valueOf(o.gradeValidUntil()))
                .param("at", java.sql.Timestamp.from(o.createdAt())).update();
    }

    static OrganizationRecord row(ResultSet rs, int n) throws SQLException {
        Array fields = rs.getArray("fields");
        Date until = rs.getDate("grade_valid_until");
        return new OrganizationRecord(new UnitId(rs.getObject("id", UUID.class)), rs.getString("county_code"),
                rs.getString("region_code"), OrganizationKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("credit_code"), rs.getString("filing_number"), rs.getString("community_type"),
                (Integer) rs.getObject("members"), rs.getString("charter"),
                fields == null ? List.of() : List.of((String[]) fields.getArray()), rs.getString("leader_name"),
                rs.getString("leader_id_cipher"), rs.getString("leader_phone_cipher"),
                OrganizationRecord.PartyStatus.valueOf(rs.getString("party_status")), (Integer) rs.getObject("grade"),
                until == null ? null : until.toLocalDate(), "ACTIVE".equals(rs.getString("status")),
                rs.getString("deregistered_reason"), rs.getBoolean("abnormal"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant());
    }
}
