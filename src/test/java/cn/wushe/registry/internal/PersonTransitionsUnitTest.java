package cn.wushe.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.platform.DomainException;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.Sex;
import cn.wushe.registry.HouseholdId;
import cn.wushe.registry.ClosingReason;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.PersonStatus;
import cn.wushe.registry.PersonStatusChanged;
import cn.wushe.registry.internal.PersonDetails.Address;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transitions of {@link Person} (its status table included) and {@link Household}, without a database. */
class PersonTransitionsUnitTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final Address GRID_1 = new Address("610527001001", "610527001001001", null);

    private static Person person() {
        PersonDetails details = new PersonDetails("张三", new IdentityNumber(IdDocumentType.RESIDENT_ID, "11010519491231002X"),
                Sex.FEMALE, null, GRID_1, null, RelationToHead.SELF, List.of(), null, null, List.of(), List.of());
        return new Person(new PersonId(UUID.randomUUID()), new HouseholdId(UUID.randomUUID()), details, 2);
    }

    /** The whole table of {@link StatusTransitions}: every pair, by a worker and by a county-level correction. */
    @ParameterizedTest(name = "{0} → {1}: worker {2}, county correction {3}")
    @CsvSource(textBlock = """
            ACTIVE,    ACTIVE,    SAME,                      SAME
            ACTIVE,    MOVED_OUT, allowed,                   allowed
            ACTIVE,    DECEASED,  allowed,                   allowed
            ACTIVE,    CLOSED,    allowed,                   allowed
            MOVED_OUT, ACTIVE,    allowed,                   allowed
            MOVED_OUT, MOVED_OUT, SAME,                      SAME
            MOVED_OUT, DECEASED,  allowed,                   allowed
            MOVED_OUT, CLOSED,    NOT_ALLOWED,               NOT_ALLOWED
            CLOSED,    ACTIVE,    allowed,                   allowed
            CLOSED,    MOVED_OUT, NOT_ALLOWED,               NOT_ALLOWED
            CLOSED,    DECEASED,  allowed,                   allowed
            CLOSED,    CLOSED,    SAME,                      SAME
            DECEASED,  ACTIVE,    DECEASED_NEEDS_CORRECTION, allowed
            DECEASED,  MOVED_OUT, NOT_ALLOWED,               NOT_ALLOWED
            DECEASED,  DECEASED,  SAME,                      SAME
            DECEASED,  CLOSED,    NOT_ALLOWED,               NOT_ALLOWED
            """)
    void theTransitionTable(PersonStatus from, PersonStatus to, String byWorker, String byCountyCorrection) {
        assertThat(StatusTransitions.refusal(from, to, false).map(Enum::name).orElse("allowed")).isEqualTo(byWorker);
        assertThat(StatusTransitions.refusal(from, to, true).map(Enum::name).orElse("allowed")).isEqualTo(byCountyCorrection);
    }

    /** The aggregate follows the table: the status, the version and one event per change, nothing on a refusal. */
    @ParameterizedTest(name = "{0}, then {1} → {2}")
    @CsvSource(textBlock = """
            ACTIVE,    move-out,   MOVED_OUT
            ACTIVE,    deceased,   DECEASED
            ACTIVE,    close,      CLOSED
            ACTIVE,    reopen,     409 该人员档案已在册
            ACTIVE,    household,  ACTIVE
            MOVED_OUT, reopen,     ACTIVE
            MOVED_OUT, deceased,   DECEASED
            MOVED_OUT, close,      409 档案状态为「迁出」，不能改为「销档」；请先恢复在册
            MOVED_OUT, move-out,   409 该人员已迁出，档案不能再修改；如已迁回，请先恢复在册
            MOVED_OUT, household,  409 该人员已迁出，档案不能再修改；如已迁回，请先恢复在册
            CLOSED,    reopen,     ACTIVE
            CLOSED,    deceased,   DECEASED
            CLOSED,    close,      409 该人员档案已销档，不能再修改
            CLOSED,    move-out,   409 档案状态为「销档」，不能改为「迁出」；请先恢复在册
            CLOSED,    household,  409 该人员档案已销档，不能再修改
            DECEASED,  reopen,     403 您没有权限更正死亡登记（需县级登记权限，并说明原因）
            DECEASED,  correct,    ACTIVE
            DECEASED,  close,      409 档案状态为「死亡」，不能改为「销档」；请先恢复在册
            DECEASED,  deceased,   409 该人员已登记为已故，档案不能再修改
            DECEASED,  household,  409 该人员已登记为已故，档案不能再修改
            """)
    void aRecordChangesStatusAsTheTableAllows(PersonStatus state, String action, String outcome) {
        Person person = person();
        switch (state) {
            case MOVED_OUT -> person.moveOut(TODAY.minusDays(10), "西安市雁塔区", TODAY);
            case CLOSED -> person.close(ClosingReason.NO_LONGER_IN_NEED, TODAY);
            case DECEASED -> person.markDeceased(TODAY.minusDays(3), TODAY);
            default -> { }
        }
        person.takeEvents();
        int version = person.version();
        Runnable act = switch (action) {
            case "move-out" -> () -> person.moveOut(TODAY, "渭南市临渭区", TODAY);
            case "close" -> () -> person.close(ClosingReason.DUPLICATE_RECORD, TODAY);
            case "deceased" -> () -> person.markDeceased(TODAY, TODAY);
            case "reopen" -> () -> person.reopen("已迁回本社区", false, TODAY);
            case "correct" -> () -> person.reopen("死亡信息误报，经核实本人健在", true, TODAY);
            default -> () -> person.moveToHousehold(new HouseholdId(UUID.randomUUID()), RelationToHead.SELF);
        };
        if (!outcome.matches("\\d{3} .*")) {
            act.run();
            PersonStatus to = PersonStatus.valueOf(outcome);
            assertThat(person.standing().status()).isEqualTo(to);
            if (action.equals("household")) {
                return;
            }
            assertThat(person.version()).isEqualTo(version + 1);
            assertThat(person.takeEvents()).singleElement().isInstanceOfSatisfying(PersonStatusChanged.class, e -> {
                assertThat(e.from()).isEqualTo(state);
                assertThat(e.to()).isEqualTo(to);
                assertThat(e.person()).isEqualTo(person.id());
                assertThat(e.countyCode()).isEqualTo("610527");
                assertThat(e.reason()).isEqualTo(to == PersonStatus.CLOSED ? ClosingReason.DUPLICATE_RECORD : null);
            });
        } else {
            assertThatThrownBy(act::run).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.status()).isEqualTo(Integer.parseInt(outcome.substring(0, 3)));
                assertThat(e.getMessage()).isEqualTo(outcome.substring(4));
            });
            assertThat(person.standing().status()).isEqualTo(state);
            assertThat(person.version()).isEqualTo(version);
            assertThat(person.takeEvents()).isEmpty();
        }
    }

    @ParameterizedTest(name = "moved out on {0} to \"{1}\" → {2}")
    @CsvSource(textBlock = """
            2026-12-01, 西安市雁塔区, accepted
            2026-12-02, 西安市雁塔区, movedOn
            1949-12-30, 西安市雁塔区, movedOn
            ,           西安市雁塔区, movedOn
            2026-11-01, '  ',        destination
            """)
    void aMoveNeedsAPossibleDateAndADestination(LocalDate movedOn, String destination, String outcome) {
        Person person = person();
        if (outcome.equals("accepted")) {
            person.moveOut(movedOn, destination, TODAY);
            assertThat(person.standing()).isEqualTo(new Person.Standing(PersonStatus.MOVED_OUT, movedOn, null, destination));
        } else {
            assertThatThrownBy(() -> person.moveOut(movedOn, destination, TODAY)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.fieldErrors()).containsOnlyKeys(outcome));
            assertThat(person.standing().status()).isEqualTo(PersonStatus.ACTIVE);
        }
    }

    /** A change the table refuses is refused as such, whatever its input: no field message for a form that cannot succeed. */
    @Test
    void aRefusedChangeIsRefusedBeforeItsInputIsChecked() {
        Person person = person();
        person.markDeceased(TODAY, TODAY);
        assertThatThrownBy(() -> person.moveOut(null, " ", TODAY)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.STATUS_NOT_ALLOWED));
        assertThatThrownBy(() -> person.close(null, TODAY)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.STATUS_NOT_ALLOWED));
        assertThatThrownBy(() -> person.reopen(null, false, TODAY)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
    }

    @Test
    void reopeningNeedsAReason() {
        Person person = person();
        person.close(ClosingReason.NO_LONGER_IN_NEED, TODAY);
        assertThatThrownBy(() -> person.reopen(" ", false, TODAY)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));
        assertThat(person.standing().status()).isEqualTo(PersonStatus.CLOSED);
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
            assertThat(person.standing().since()).isEqualTo(dateOfDeath);
        } else {
            assertThatThrownBy(() -> person.markDeceased(dateOfDeath, TODAY)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_INPUT));
            assertThat(person.standing().status()).isEqualTo(PersonStatus.ACTIVE);
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
