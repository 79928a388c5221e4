package cn.wushe.registry.internal;

import cn.wushe.platform.Messages;
import java.util.Optional;

/**
 * A person is given only categories (困难类别) that exist and are not retired (停用). The one
 * statement of the rule for the form and API, the import preview and the commit's re-check.
 */
public final class CategoryActive {

    private CategoryActive() {
    }

    /** The pure rule, given what the category list answered for {@code code}. */
    public static Optional<String> judge(String code, Optional<CategoryType> found) {
        return found.filter(CategoryType::active).isPresent() ? Optional.empty()
                : Optional.of(Messages.text("registry.category.inactive", code));
    }

    /** The rule against the current category list. */
    public static Optional<String> check(String code, CategoryTypes types) {
        return judge(code, types.byCode(code));
    }
}
