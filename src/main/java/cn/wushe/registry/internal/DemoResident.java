package cn.wushe.registry.internal;

import cn.wushe.registry.PersonId;
import java.util.Optional;

/**
 * Demo mode only: the record the demo resident account meets on its first visit to 我的信息.
 * Implemented by the demo data generator, absent in a real deployment.
 */
public interface DemoResident {

    /** The demo record for this username, empty for every other account. */
    Optional<PersonId> recordOf(String username);
}
