package cn.wushe.registry;

import cn.wushe.platform.Actor;
import cn.wushe.registry.Person.FieldChange;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only history of changes to people (who, when, field, before/after masked). */
@Repository
class ChangeHistory {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ChangeHistory(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void record(PersonId person, String countyCode, String kind, List<FieldChange> changes, Actor actor, Instant at) {
        recordAll(changes.stream().map(c -> new Entry(person, countyCode, c)).toList(), kind, actor, at);
    }

    /** One field's change of one person. */
    record Entry(PersonId person, String countyCode, FieldChange change) {
    }

    /** Changes of many people in one JDBC batch (a roster import). */
    void recordAll(List<Entry> entries, String kind, Actor actor, Instant at) {
        Timestamp when = Timestamp.from(at);
        batch.batchUpdate("""
                insert into registry.person_changes (person_id, county_code, changed_at, changed_by, changed_by_name,
                    change_kind, field, before_value, after_value)
                values (:person, :county, :at, :by, :byName, :kind, :field, :before, :after)""",
                entries.stream().map(e -> new MapSqlParameterSource().addValue("person", e.person().value())
                        .addValue("county", e.countyCode()).addValue("at", when).addValue("by", actor.id())
                        .addValue("byName", actor.displayName()).addValue("kind", kind).addValue("field", e.change().field())
                        .addValue("before", e.change().before()).addValue("after", e.change().after()))
                        .toArray(SqlParameterSource[]::new));
    }

    List<PersonChange> of(PersonId person) {
        return jdbc.sql("""
                select changed_at, changed_by_name, change_kind, field, before_value, after_value
                from registry.person_changes where person_id = :person order by changed_at desc, id desc limit 500""")
                .param("person", person.value())
                .query((rs, i) -> new PersonChange(java.time.LocalDateTime.ofInstant(rs.getTimestamp(1).toInstant(), cn.wushe.platform.ClockConfiguration.ZONE), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }
}
