package cn.wushe.registry.internal;

import cn.wushe.platform.db.CopyIn;
import cn.wushe.registry.PersonId;

import cn.wushe.platform.Actor;
import cn.wushe.registry.internal.Person.FieldChange;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only history of changes to people (who, when, field, before/after masked). */
@Repository
class ChangeHistory {

    private final JdbcClient jdbc;
    private final CopyIn copy;

    ChangeHistory(JdbcClient jdbc, CopyIn copy) {
        this.jdbc = jdbc;
        this.copy = copy;
    }

    void record(PersonId person, String countyCode, String kind, List<FieldChange> changes, Actor actor, Instant at) {
        recordAll(changes.stream().map(c -> new Entry(person, countyCode, c)).toList(), kind, actor, at);
    }

    /** One field's change of one person. */
    record Entry(PersonId person, String countyCode, FieldChange change) {
    }

    /** Changes of many people in one COPY (a roster import). */
    void recordAll(List<Entry> entries, String kind, Actor actor, Instant at) {
        StringBuilder lines = new StringBuilder();
        for (Entry e : entries) {
            CopyIn.row(lines, e.person().value(), e.countyCode(), at, actor.id(), actor.displayName(), kind,
                    e.change().field(), e.change().before(), e.change().after());
        }
        copy.copy("""
                registry.person_changes (person_id, county_code, changed_at, changed_by, changed_by_name,
                    change_kind, field, before_value, after_value)""", lines);
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
