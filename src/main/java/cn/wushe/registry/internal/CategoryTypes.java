package cn.wushe.registry.internal;

import cn.wushe.platform.Text;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The configured categories (困难类别), in display order; an importer maps a Chinese name to its code here. */
@Component
public class CategoryTypes {

    private final JdbcClient jdbc;
    private final cn.wushe.audit.AuditLog audit;
    private volatile List<CategoryType> cache;

    CategoryTypes(JdbcClient jdbc, cn.wushe.audit.AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Adds a county's own category (e.g. 失独家庭) for a holder of county-wide PERSON_EDIT; the code is
     * upper-case letters, digits and underscores, the name unique.
     */
    @org.springframework.transaction.annotation.Transactional
    public CategoryType add(Actor actor, @org.jspecify.annotations.Nullable String code, @org.jspecify.annotations.Nullable String name,
            boolean needsDisability) {
        boolean countyWide = actor.scopesFor(cn.wushe.platform.Permission.PERSON_EDIT).stream()
                .anyMatch(s -> s.code().length() <= 6);
        if (!countyWide) {
            throw cn.wushe.platform.DomainException.forbidden(Messages.text("registry.forbidden.add-category"));
        }
        String c = Text.trimToNull(code);
        String n = Text.trimToNull(name);
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (c == null || !c.matches("[A-Z][A-Z0-9_]{1,31}")) {
            errors.put("code", Messages.text("registry.category.code-invalid"));
        } else if (byCode(c).isPresent()) {
            errors.put("code", Messages.text("registry.category.code-taken", c));
        }
        if (n == null || n.codePointCount(0, n.length()) > 20) {
            errors.put("name", Messages.text("registry.category.name-invalid"));
        } else if (byName(n).isPresent()) {
            errors.put("name", Messages.text("registry.category.name-taken", n));
        }
        if (!errors.isEmpty()) {
            throw cn.wushe.platform.DomainException.invalid(errors);
        }
        int order = all().stream().mapToInt(CategoryType::sortOrder).max().orElse(0) + 10;
        jdbc.sql("insert into registry.category_types (code, name, needs_disability, sort_order, created_by) values (:c, :n, :d, :o, :by)")
                .param("c", c).param("n", n).param("d", needsDisability).param("o", order).param("by", actor.id()).update();
        audit.record(cn.wushe.audit.AuditEvent.success("CATEGORY_ADD", "CATEGORY", c, null).withDetail(n));
        cache = null;
        return new CategoryType(c, n, needsDisability, order, true);
    }

    public List<CategoryType> all() {
        List<CategoryType> types = cache;
        if (types == null) {
            // read again after an add (this instance) or a restart (other instances see a new category then)
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
