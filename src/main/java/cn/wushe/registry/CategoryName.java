package cn.wushe.registry;

/**
 * One category of the registry's catalogue (困难类别) as other modules show it.
 *
 * @param active {@code false} for a retired (停用) category: people no longer get it, rules may still name it
 */
public record CategoryName(String code, String name, boolean active) {
}
