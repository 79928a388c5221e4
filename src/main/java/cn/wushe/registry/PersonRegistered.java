package cn.wushe.registry;

/** A person in need was registered (在册); {@code regionCode} is the grid or community. */
public record PersonRegistered(PersonId personId, String regionCode) {
}
