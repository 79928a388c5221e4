package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;
import cn.wushe.registry.PersonId;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two people of the same name and birth date in the same town (乡镇/街道) may be one person
 * registered under two numbers (疑似重复): the form asks the worker to confirm they differ, an
 * import refuses the row. The one statement of the rule for the form and API, the import preview,
 * the in-file check and the commit's re-check in SQL ({@link #STAGED_MATCH}).
 */
@Component
public class PossibleDuplicateInTown {

    /** The commit's re-check: a staged row {@code s} matches a registered person {@code p}. */
    public static final String STAGED_MATCH = "p.county_code = s.county_code and p.name = s.name"
            + " and p.birth_date = s.birth_date and left(p.region_code, 9) = left(s.region_code, 9)";

    private final JdbcClient jdbc;

    PossibleDuplicateInTown(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What two people share when the rule applies; {@code regionCode} is a community or grid code (≥ 9 digits). */
    public record Key(String name, LocalDate birthDate, String townCode) {

        public static Key of(String name, LocalDate birthDate, String regionCode) {
            return new Key(name.strip(), birthDate, regionCode.substring(0, 9));
        }

        static Key of(PersonDetails d) {
            return of(d.name(), d.birthDate(), d.address().communityCode());
        }
    }

    /** The pure rule: {@code candidate} may be the person {@code registered} is. */
    public static boolean applies(Key registered, Key candidate) {
        return registered.equals(candidate);
    }

    /** Up to five people registered under {@code key}, except {@code self}. */
    List<PersonId> find(Key key, @Nullable PersonId self) {
        return jdbc.sql("""
                select id from registry.people where county_code = :county and name = :name and birth_date = :birth
                  and left(region_code, 9) = :town and id is distinct from :except order by id limit 5""")
                .param("county", key.townCode().substring(0, 6)).param("name", key.name())
                .param("birth", Date.valueOf(key.birthDate())).param("town", key.townCode())
                .param("except", self == null ? null : self.value())
                .query((rs, i) -> new PersonId(rs.getObject(1, UUID.class))).list();
    }

    /** Which of {@code keys} someone registered already shares, one query per county. */
    Set<Key> registered(List<Key> keys) {
        Map<String, List<Key>> byCounty = new HashMap<>();
        keys.forEach(k -> byCounty.computeIfAbsent(k.townCode().substring(0, 6), c -> new java.util.ArrayList<>()).add(k));
        Set<Key> matches = new HashSet<>();
        byCounty.forEach((county, ofCounty) -> jdbc.sql("""
                        select p.name, p.birth_date, left(p.region_code, 9) from registry.people p
                        where p.county_code = :county
                          and (p.name, p.birth_date) in (select * from unnest(cast(:names as text[]), cast(:births as date[])))""")
                .param("county", county)
                .param("names", ofCounty.stream().map(Key::name).toArray(String[]::new))
                .param("births", ofCounty.stream().map(k -> k.birthDate().toString()).toArray(String[]::new))
                .query((rs, i) -> matches.add(new Key(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3))))
                .list());
        return matches;
    }

    /** The refusal of an import row (the form asks instead). */
    public static String refusal() {
        return Messages.text("registry.duplicate.same-name-and-birth");
    }

    /** The refusal of a row sharing name, birth date and town with an earlier row of the same file. */
    public static String repeatedInFile(int firstRow) {
        return Messages.text("registry.duplicate.repeated-in-file", firstRow);
    }
}
