package cn.wushe.registry;

import cn.wushe.platform.Actor;
import cn.wushe.registry.Person.FieldChange;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only history of changes to people (who, when, field, before/after masked). */
@Repository
class ChangeHistory {

    private final JdbcClient jdbc;

    ChangeHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(PersonId person, String countyCode, String kind, List<FieldChange> changes, Actor actor, Instant at) {
        for (FieldChange c : changes) {
            jdbc.sql("""
                    insert into registry.person_changes (person_id, county_code, changed_at, changed_by, changed_by_name,
                        change_kind, field, before_value, after_value)
                    values (:person, :county, :at, :by, :byName, :kind, :field, :before, :after)""")
                    .param("person", person.value()).param("county", countyCode).param("at", Timestamp.from(at))
                    .param("by", actor.id()).param("byName", actor.displayName()).param("kind", kind)
                    .param("field", c.field()).param("before", c.before()).param("after", c.after())
                    .update();
        }
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
