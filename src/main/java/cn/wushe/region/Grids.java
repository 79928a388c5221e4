package cn.wushe.region;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Grids (网格) for other modules: look one up, and keep its grid workers in step when the identity
 * module grants or revokes a grid worker's role. Not scope-checked: callers decide what their user
 * may see; the grid pages and API of this module apply the region scope themselves.
 */
public interface Grids {

    Optional<Grid> find(String gridCode);

    List<Grid> ofCommunity(String communityCode);

    /**
     * The user ids of the grid's workers (网格员), earliest assigned first; empty for an unknown or
     * retired grid, so a caller escalates instead of addressing nobody.
     */
    List<UUID> workersOf(String gridCode);

    /** Idempotent: assigning the same worker twice keeps one assignment. */
    void assignWorker(String gridCode, UUID userId, String displayName);

    /** Idempotent: releasing a worker who is not assigned changes nothing. */
    void releaseWorker(String gridCode, UUID userId);
}
