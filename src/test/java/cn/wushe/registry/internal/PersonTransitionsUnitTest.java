package cn.wushe.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.Sex;
import cn.wushe.registry.HouseholdId;
import cn.wushe.registry.PersonClosed;
import cn.wushe.registry.PersonDeceased;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.internal.PersonDetails.Address;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transitions of {@link Person} and {@link Household}, without a database. */
class PersonTransitionsUnitTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final Address GRID_1 = new Address("610527001001", "610527001001001", null);

    private static Person person() {
        PersonDetails details = new PersonDetails("张三", new IdentityNumber(IdDocumentType.RESIDENT_ID, "11010519491231002X"),
                Sex.FEMALE, null, GRID_1, null, RelationToHead.SELF, List.of(), null, null, List.of(), List.of());
        return new Person(new PersonId(UUID.randomUUID()), new HouseholdId(UUID.randomUUID()), details, 2);
    }

    @ParameterizedTest(name = "{0}, then {1} → {2}")
    @CsvSource(textBlock = """
            open,     close,    closed
            open,     deceased, deceased
            closed,   close,    该人员档案已销档，不能再修改
            closed,   deceased, 该人员档案已销档，不能再修改
            closed,   move,     该人员档案已销档，不能再修改
            deceased, close,    该人员已登记为已故，档案不能再修改
            deceased, move,     该人员已登记为已故，档案不能再修改
            """)
    void aClosedRecordTakesNoFurtherChange(String state, String action, String outcome) {
        Person person = person();
        if (state.equals("closed")) {
            person.close(PersonClosed.Reason.MOVED_AWAY, TODAY);
        } else if (state.equals("deceased")) {
            person.markDeceased(TODAY.minusDays(3), TODAY);
        }
        person.takeEvents();
        int version = person.version();
        Runnable act = switch (action) {
            case "close" -> () -> person.close(PersonClosed.Reason.NO_LONGER_IN_NEED, TODAY);
            case "deceased" -> () -> person.markDeceased(TODAY, TODAY);
            default -> () -> person.moveToHousehold(new HouseholdId(UUID.randomUUID()), RelationToHead.SELF);
        };
        if (state.equals("open")) {
            act.run();
            assertThat(person.closure()).isNotNull();
            assertThat(person.closure().deceased()).isEqualTo(outcome.equals("deceased"));
            assertThat(person.version()).isEqualTo(version + 1);
            assertThat(person.takeEvents()).singleElement()
                    .isInstanceOf(outcome.equals("deceased") ? PersonDeceased.class : PersonClosed.class);
        } else {
            assertThatThrownBy(act::run).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.type()).isEqualTo(ProblemType.PERSON_CLOSED);
                assertThat(e.getMessage()).isEqualTo(outcome);
            });
            assertThat(person.version()).isEqualTo(version);
            assertThat(person.takeEvents()).isEmpty();
        }
    }

    @ParameterizedTest(name = "died on {0} → {1}")
    @CsvSource(textBlock = """
            2026-12-01, accepted
            1949-12-31, accepted
            2026-12-02, refused
            1949-12-30, refused
            """)
    void aDeathIsRecordedBetweenBirthAndToday(LocalDate dateOfDeath, String outcome) {
        Person person = person();
        if (outcome.equals("accepted")) {
            person.markDeceased(dateOfDeath, TODAY);
            assertThat(person.closure().on()).isEqualTo(dateOfDeath);
        } else {
            assertThatThrownBy(() -> person.markDeceased(dateOfDeath, TODAY)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_INPUT));
            assertThat(person.closure()).isNull();
        }
    }

    @Test
    void movingToAnotherHouseholdRegistersTheMove() {
        Person person = person();
        HouseholdId from = person.householdId();
        HouseholdId to = new HouseholdId(UUID.randomUUID());
        person.moveToHousehold(to, RelationToHead.SELF);
        assertThat(person.householdId()).isEqualTo(to);
        assertThat(person.takeEvents()).containsExactly(new Person.MovedToHousehold(person.id(), from, to));
    }

    @Test
    void aHouseholdFollowsItsHeadAndEndsWithItsLastMember() {
        PersonId head = new PersonId(UUID.randomUUID());
        PersonId member = new PersonId(UUID.randomUUID());
        Address grid2 = new Address("610527001001", "610527001001002", null);
        Household household = new Household(new HouseholdId(UUID.randomUUID()), head, GRID_1);

        household.headMoved(member, grid2);
        assertThat(household.changed()).isFalse();
        household.headMoved(head, grid2);
        assertThat(household.address()).isEqualTo(grid2);

        household.memberLeft(head, 1);
        assertThat(household.head()).isNull();
        assertThat(household.dissolved()).isFalse();
        household.memberLeft(member, 0);
        assertThat(household.dissolved()).isTrue();
    }
}
