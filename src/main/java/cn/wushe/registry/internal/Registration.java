package cn.wushe.registry.internal;

import cn.wushe.registry.PersonId;

import cn.wushe.registry.internal.Person.FieldChange;
import java.util.List;

/** What registering or revising a person came to. */
public sealed interface Registration {

    /** A new record was written; {@code view} is it as its registering worker sees it (no second read). */
    record Registered(PersonId id, int version, PersonView view) implements Registration {
    }

    /** An existing record was changed; {@code changes} are masked; {@code view} as its editor sees it. */
    record Revised(PersonId id, int version, List<FieldChange> changes, PersonView view) implements Registration {
    }

    /** The draft matched the record exactly: nothing was written; {@code view} as its editor sees it. */
    record Unchanged(PersonId id, int version, PersonView view) implements Registration {
    }

    /**
     * The identity number is already registered in the county: nothing was written; the existing
     * record is shown instead (masked when outside the actor's edit scope).
     */
    record AlreadyRegistered(PersonId existing, boolean inEditScope) implements Registration {
    }

    /** Someone of the same name and birth date lives in the town: nothing was written unless confirmed distinct. */
    record PossibleDuplicates(List<PersonId> candidates) implements Registration {
    }
}
