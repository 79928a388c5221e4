package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ObjectNamer;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.personal.Masking;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** People and households named for the audit log: a person by masked name, a household by its head's. */
@Component
class RegistryObjectNames implements ObjectNamer {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final JdbcClient jdbc;

    RegistryObjectNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> names(String objectType, Collection<String> ids) {
        String[] valid = ids.stream().filter(id -> id != null && UUID_TEXT.matcher(id).matches()).distinct().toArray(String[]::new);
        Map<String, String> names = new HashMap<>();
        if (valid.length == 0 || !(objectType.equals("PERSON") || objectType.equals("HOUSEHOLD"))) {
            return names;
        }
        SqlPredicate any = ScopeFilter.unscoped(
                "names, masked, for audit entries the auditor may already read; no other field leaves the registry");
        String sql = objectType.equals("PERSON")
                ? "select p.id::text, p.name from registry.people p where p.id = any(cast(:ids as uuid[])) and " + any.sql()
                : "select h.id::text, p.name from registry.households h join registry.people p on p.id = h.head_person_id"
                        + " where h.id = any(cast(:ids as uuid[])) and " + any.sql();
        jdbc.sql(sql).param("ids", valid).query((java.sql.ResultSet rs) -> {
            String masked = Masking.name(rs.getString(2));
            names.put(rs.getString(1), objectType.equals("PERSON") ? masked : Messages.text("registry.history.household-of", masked));
        });
        return names;
    }
}
