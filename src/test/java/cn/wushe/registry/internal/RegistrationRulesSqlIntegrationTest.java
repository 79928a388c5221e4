package cn.wushe.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.registry.RegistryIntegrationTestBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SQL with which an import's commit re-checks the two duplicate rules, run over the tables of
 * {@link RegistrationRulesUnitTest}: a staged row {@code s} and a registered person {@code p}, as
 * the commit joins them, must match exactly when the pure rule says so.
 */
class RegistrationRulesSqlIntegrationTest extends RegistryIntegrationTestBase {

    @Autowired
    People people;

    @ParameterizedTest(name = "{0} {1} vs {2} {3} → {4}")
    @MethodSource("cn.wushe.registry.internal.RegistrationRulesUnitTest#alreadyRegisteredInCounty")
    void alreadyRegisteredInCountyInSqlAgreesWithTheRule(String county, String number, String otherCounty,
            String otherNumber, boolean same) {
        boolean matched = jdbc.sql("""
                select exists (select 1 from (values (:pc, :pb)) as p(county_code, id_number_bidx)
                    join (values (:sc, :sb)) as s(county_code, id_number_bidx) on %s)"""
                        .formatted(AlreadyRegisteredInCounty.STAGED_MATCH))
                .param("pc", county).param("pb", people.idIndex(IdentityNumber.normalise(number)))
                .param("sc", otherCounty).param("sb", people.idIndex(IdentityNumber.normalise(otherNumber)))
                .query(Boolean.class).single();
        assertThat(matched).isEqualTo(same);
    }

    @ParameterizedTest(name = "{0} {1} {2} vs {3} {4} {5} → {6}")
    @MethodSource("cn.wushe.registry.internal.RegistrationRulesUnitTest#possibleDuplicateInTown")
    void possibleDuplicateInTownInSqlAgreesWithTheRule(String name, String birth, String region, String otherName,
            String otherBirth, String otherRegion, boolean possible) {
        // names are stored stripped, as validation leaves them
        boolean matched = jdbc.sql("""
                select exists (select 1
                    from (values (:pcounty, :pname, cast(:pbirth as date), :pregion)) as p(county_code, name, birth_date, region_code)
                    join (values (:scounty, :sname, cast(:sbirth as date), :sregion)) as s(county_code, name, birth_date, region_code)
                    on %s)""".formatted(PossibleDuplicateInTown.STAGED_MATCH))
                .param("pcounty", region.substring(0, 6)).param("pname", name.strip()).param("pbirth", birth)
                .param("pregion", region)
                .param("scounty", otherRegion.substring(0, 6)).param("sname", otherName.strip()).param("sbirth", otherBirth)
                .param("sregion", otherRegion)
                .query(Boolean.class).single();
        assertThat(matched).isEqualTo(possible);
    }
}
