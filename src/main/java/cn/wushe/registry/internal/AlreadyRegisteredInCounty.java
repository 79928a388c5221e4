package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.registry.PersonId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person is registered once per county (同一县内证件号码唯一): a draft whose identity number
 * (any document type, normalised) is held by someone in the same county is that person, never a
 * new one. The one statement of the rule for the form and API, the import preview (a batch at a
 * time by blind index), the in-file check and the commit's re-check in SQL ({@link #STAGED_MATCH}).
 */
@Component
public class AlreadyRegisteredInCounty {

    /**
     * The commit's re-check: a staged row {@code s} matches a registered person {@code p} (both
     * tables carry {@code county_code} and the blind index {@code id_number_bidx}).
     */
    public static final String STAGED_MATCH = "p.county_code = s.county_code and p.id_number_bidx = s.id_number_bidx";

    private final People people;
    private final JdbcClient jdbc;

    AlreadyRegisteredInCounty(People people, JdbcClient jdbc) {
        this.people = people;
        this.jdbc = jdbc;
    }

    /** What two records share when the rule applies: county and normalised number. */
    public record Key(String countyCode, String idNumber) {

        public static Key of(String countyCode, String idNumber) {
            return new Key(countyCode, IdentityNumber.normalise(idNumber));
        }
    }

    /** The pure rule: {@code candidate} is the person {@code registered} is. */
    public static boolean applies(Key registered, Key candidate) {
        return registered.equals(candidate);
    }

    /** The person registered under {@code number} in {@code countyCode}, other than {@code self}, regardless of scope. */
    Optional<PersonId> find(String countyCode, IdentityNumber number, @Nullable PersonId self) {
        return people.findByIdNumber(countyCode, number).filter(found -> !found.equals(self));
    }

    /**
     * Blind index → person, for many numbers of one batch ({@code indexesByCounty}: county → blind
     * indexes), one query per county.
     */
    Map<String, PersonId> findAll(Map<String, List<String>> indexesByCounty) {
        Map<String, PersonId> found = new HashMap<>();
        indexesByCounty.forEach((county, ofCounty) -> jdbc.sql("""
                        select id_number_bidx, id from registry.people
                        where county_code = :county and id_number_bidx = any(:indexes)""")
                .param("county", county).param("indexes", ofCounty.toArray(String[]::new))
                .query((rs, i) -> found.put(rs.getString(1), new PersonId(rs.getObject(2, UUID.class)))).list());
        return found;
    }

    static Map<String, List<String>> byCounty() {
        return new HashMap<>();
    }

    static void add(Map<String, List<String>> byCounty, String county, String index) {
        byCounty.computeIfAbsent(county, c -> new ArrayList<>()).add(index);
    }

    /** The refusal of an import row whose person lies outside the importer's edit scope. */
    public static String registeredElsewhere() {
        return Messages.text("registry.registered.elsewhere");
    }

    /** The refusal at commit: the number was registered between check and commit. */
    public static String registeredMeanwhile() {
        return Messages.text("registry.registered.meanwhile");
    }

    /** The refusal of a row repeating the number of an earlier row of the same file. */
    public static String repeatedInFile(int firstRow) {
        return Messages.text("registry.registered.repeated-in-file", firstRow);
    }
}
