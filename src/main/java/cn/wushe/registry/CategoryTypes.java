package cn.wushe.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The configured categories (困难类别), in display order; an importer maps a Chinese name to its code here. */
@Component
public class CategoryTypes {

    private final JdbcClient jdbc;
    private volatile List<CategoryType> cache;

    CategoryTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CategoryType> all() {
        List<CategoryType> types = cache;
        if (types == null) {
            types = jdbc.sql("select code, name, needs_disability, sort_order, active from registry.category_types order by sort_order, code")
                    .query((rs, i) -> new CategoryType(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getBoolean(5)))
                    .list();
            cache = List.copyOf(types);
        }
        return types;
    }

    public List<CategoryType> active() {
        return all().stream().filter(CategoryType::active).toList();
    }

    public Optional<CategoryType> byCode(String code) {
        return all().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Optional<CategoryType> byName(String name) {
        return all().stream().filter(t -> t.name().equals(name.strip())).findFirst();
    }

    public String nameOf(String code) {
        return byCode(code).map(CategoryType::name).orElse(code);
    }
}
