package cn.wushe.region;

import cn.wushe.platform.ScopeLevel;
import org.jspecify.annotations.Nullable;

/**
 * A node of the official region tree.
 *
 * @param code       2, 4, 6, 9 or 12 digits
 * @param parentCode {@code null} for a province
 * @param fullName   the names from province down, e.g. 陕西省/渭南市/白水县/城关街道/…
 */
public record Region(String code, ScopeLevel level, @Nullable String parentCode, String name, String fullName) {
}
