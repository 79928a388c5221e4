package cn.wushe.region;

import java.util.List;
import java.util.Optional;

/** Read access to the official region tree, for other modules (validating a scope, showing a name). */
public interface Regions {

    Optional<Region> find(String code);

    default boolean exists(String code) {
        return find(code).isPresent();
    }

    List<Region> children(String code);

    /** By name (fuzzy, trigram) or by code prefix; at most {@code limit} results, best first. */
    List<Region> search(String query, int limit);
}
