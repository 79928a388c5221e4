package cn.wushe.registry.internal;

import cn.wushe.registry.HouseholdId;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.internal.PersonDetails.Address;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A household (家庭户) as its members' moves change it: it lives where its head lives and follows
 * the head's moves; a head who leaves leaves it headless; the last member who leaves dissolves it.
 * Founding a household with its head is {@link Households#create}.
 */
final class Household {

    private final HouseholdId id;
    private @Nullable PersonId head;
    private Address address;
    private boolean dissolved;
    private boolean changed;

    Household(HouseholdId id, @Nullable PersonId head, Address address) {
        this.id = Objects.requireNonNull(id);
        this.head = head;
        this.address = Objects.requireNonNull(address);
    }

    /** The head moved to {@code moved}: the household's place follows (a member's move changes nothing). */
    void headMoved(PersonId person, Address moved) {
        if (person.equals(head) && !moved.regionCode().equals(address.regionCode())) {
            address = moved;
            changed = true;
        }
    }

    /**
     * {@code member} left for another household, leaving {@code remaining} members: a head leaves
     * the household headless, the last member dissolves it.
     */
    void memberLeft(PersonId member, int remaining) {
        if (member.equals(head)) {
            head = null;
            changed = true;
        }
        if (remaining == 0) {
            dissolved = true;
        }
    }

    HouseholdId id() {
        return id;
    }

    @Nullable PersonId head() {
        return head;
    }

    Address address() {
        return address;
    }

    boolean dissolved() {
        return dissolved;
    }

    /** Whether a transition changed what is stored. */
    boolean changed() {
        return changed;
    }
}
