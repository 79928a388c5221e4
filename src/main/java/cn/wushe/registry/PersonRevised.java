package cn.wushe.registry;

import java.util.List;

/** A person's record changed; {@code fields} names what changed (Chinese labels), never the values. */
public record PersonRevised(PersonId personId, String regionCode, List<String> fields) {
}
