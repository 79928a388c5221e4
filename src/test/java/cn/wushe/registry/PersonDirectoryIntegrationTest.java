package cn.wushe.registry;

import static cn.wushe.registry.RegionFixture.COUNTY;
import static cn.wushe.registry.RegionFixture.DAOBEI;
import static cn.wushe.registry.RegionFixture.DAOBEI_GRID_1;
import static cn.wushe.registry.RegionFixture.NEIGHBOUR_COUNTY;
import static cn.wushe.registry.RegistryFixtures.COMMUNITY_WORKER;
import static cn.wushe.registry.RegistryFixtures.SIBLING_WORKER;
import static cn.wushe.registry.RegistryFixtures.newIdNumber;
import static cn.wushe.registry.RegistryFixtures.newName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wushe.audit.AuditFixture;
import cn.wushe.platform.AgeBand;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.ProblemType;
import cn.wushe.registry.IdentityMatch.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The {@link PersonDirectory} as another module calls it: without a signed-in user, one audit
 * entry per call whatever its size, nothing across counties, the signed-in caller's scope, and
 * refusals of calls naming no county, an unknown one or too much at once.
 */
class PersonDirectoryIntegrationTest extends RegistryIntegrationTestBase {

    private static final DirectoryCaller MONITORING = DirectoryCaller.system("monitoring", "死亡数据比对");

    @Autowired
    PersonDirectory directory;

    @Autowired
    Clock clock;

    @Autowired
    cn.wushe.registry.internal.ClosingRecord closing;

    String idNumber;
    String name;
    PersonId person;
    String otherIdNumber;
    PersonId other;

    /** Two people of 白水县; the neighbour county 蒲城县 is asked about them (tests share one database, which keeps 蒲城县 empty). */
    @BeforeEach
    void twoPeopleInThisCounty() {
        idNumber = newIdNumber();
        name = newName();
        person = register(RegistryFixtures.GRID_WORKER, RegistryFixtures.draft(name, idNumber, DAOBEI, DAOBEI_GRID_1));
        otherIdNumber = newIdNumber();
        other = register(RegistryFixtures.GRID_WORKER, RegistryFixtures.draft(newName(), otherIdNumber, DAOBEI, DAOBEI_GRID_1));
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPersonByIdWithoutASignedInUserIsASmallMaskedRecord() {
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();

        DirectoryEntry entry = directory.find(MONITORING, COUNTY, person).orElseThrow();

        LocalDate birth = LocalDate.parse(idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14));
        int age = Period.between(birth, LocalDate.now(clock)).getYears();
        assertThat(entry.id()).isEqualTo(person);
        assertThat(entry.countyCode()).isEqualTo(COUNTY);
        assertThat(entry.communityCode()).isEqualTo(DAOBEI);
        assertThat(entry.gridCode()).isEqualTo(DAOBEI_GRID_1);
        assertThat(entry.regionCode()).isEqualTo(DAOBEI_GRID_1);
        assertThat(entry.household().value()).isEqualTo(jdbc.sql("select household_id from registry.people where id = :id")
                .param("id", person.value()).query(UUID.class).single());
        assertThat(entry.categories()).containsExactly("DIBAO", "DISABLED");
        assertThat(entry.status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(entry.statusSince()).isNull();
        assertThat(entry.maskedName()).isEqualTo(name.charAt(0) + "**" + name.charAt(3)).doesNotContain(name.substring(1, 3));
        assertThat(entry.ageBand()).isIn(AgeBand.PRESETS);
        assertThat(age).isBetween(entry.ageBand().min(), entry.ageBand().max() == null ? 200 : entry.ageBand().max());
        assertThat(entry.toString()).doesNotContain(idNumber.substring(6, 14)).doesNotContain(birth.toString());
    }

    @Test
    void manyByIdLeaveOutOtherCountiesAndUnknownIdsAndAreAuditedOnce() {
        // counted for this caller only: other modules' listeners read the directory too, asynchronously
        long before = monitoringReads();

        List<DirectoryEntry> found = directory.findAll(MONITORING, COUNTY,
                List.of(person, other, person, new PersonId(UUID.randomUUID())));

        assertThat(found).extracting(DirectoryEntry::id).containsExactlyInAnyOrder(person, other);
        assertThat(monitoringReads()).isEqualTo(before + 1);
        AuditFixture.Entry entry = AuditFixture.entriesIn(jdbc).byActor("system:monitoring").stream()
                .filter(e -> "DIRECTORY_READ".equals(e.action())).reduce((a, b) -> b).orElseThrow();
        assertThat(entry.actorName()).isEqualTo("system:monitoring");
        assertThat(entry.reason()).isEqualTo("死亡数据比对");
        assertThat(entry.detail()).isEqualTo("asked=4,found=2");
        assertThat(entry.objectRegion()).isEqualTo(COUNTY);
        assertThat(entry.outcome()).isEqualTo("SUCCESS");
        assertThat(directory.findAll(MONITORING, NEIGHBOUR_COUNTY, List.of(person, other))).as("asked in another county").isEmpty();
    }

    @Test
    void theBulkMatchSaysForEachNumberMatchedNotRegisteredOrInvalidInOneAuditEntry() {
        String wrongCheck = idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? '1' : '0');
        List<String> numbers = new ArrayList<>(List.of(idNumber, newIdNumber(), wrongCheck, otherIdNumber, "12345",
                " " + idNumber.toLowerCase() + " "));
        // thousands in one call: the numbers of nobody registered here
        IntStream.range(0, 3_000).forEach(i -> numbers.add(newIdNumber()));
        long before = audits("DIRECTORY_MATCH");

        List<IdentityMatch> matches = directory.match(MONITORING, COUNTY, numbers);

        assertThat(matches).hasSize(numbers.size());
        assertThat(matches.get(0)).isEqualTo(new IdentityMatch(0, Outcome.MATCHED, person, PersonStatus.ACTIVE, null));
        assertThat(matches.get(1).outcome()).isEqualTo(Outcome.NOT_REGISTERED);
        assertThat(matches.get(2).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(matches.get(2).problem()).contains("校验码");
        assertThat(matches.get(3)).isEqualTo(new IdentityMatch(3, Outcome.MATCHED, other, PersonStatus.ACTIVE, null));
        assertThat(matches.get(4).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(matches.get(5).person()).as("typed with spaces and a lower-case x").isEqualTo(person);
        assertThat(matches).extracting(IdentityMatch::index).containsExactlyElementsOf(IntStream.range(0, numbers.size()).boxed().toList());
        long matched = matches.stream().filter(m -> m.outcome() == Outcome.MATCHED).count();
        assertThat(audits("DIRECTORY_MATCH")).isEqualTo(before + 1);
        AuditFixture.Entry entry = AuditFixture.entriesIn(jdbc).latest("DIRECTORY_MATCH");
        assertThat(entry.actorName()).isEqualTo("system:monitoring");
        assertThat(entry.detail()).isEqualTo("asked=" + numbers.size() + ",matched=" + matched + ",notRegistered="
                + (numbers.size() - matched - 2) + ",invalid=2");
        assertThat(entry.detail() + entry.reason()).doesNotContain(idNumber);

        assertThat(directory.match(MONITORING, NEIGHBOUR_COUNTY, List.of(idNumber, otherIdNumber)))
                .as("this county's people are not matched in the neighbour county")
                .extracting(IdentityMatch::outcome).containsExactly(Outcome.NOT_REGISTERED, Outcome.NOT_REGISTERED);
    }

    @Test
    void aSignedInCallerSeesOnlyTheirViewScope() {
        DirectoryCaller sibling = DirectoryCaller.signedIn(SIBLING_WORKER, "走访计划");
        DirectoryCaller worker = DirectoryCaller.signedIn(COMMUNITY_WORKER, "走访计划");

        assertThat(directory.find(sibling, COUNTY, person)).isEmpty();
        assertThat(directory.match(sibling, COUNTY, List.of(idNumber))).extracting(IdentityMatch::outcome)
                .containsExactly(Outcome.NOT_REGISTERED);
        assertThat(directory.find(worker, COUNTY, person)).isPresent();
        assertThat(directory.match(worker, COUNTY, List.of(idNumber))).extracting(IdentityMatch::person).containsExactly(person);
        assertThat(AuditFixture.entriesIn(jdbc).latest("DIRECTORY_MATCH").actorName()).isEqualTo("community-worker");
    }

    @Test
    void aStatusChangeShowsInTheDirectory() {
        LocalDate today = LocalDate.now(clock);
        RegistryFixtures.as(COMMUNITY_WORKER, () -> closing.moveOut(COMMUNITY_WORKER, person, 0, today, "西安市雁塔区"));

        DirectoryEntry entry = directory.find(MONITORING, COUNTY, person).orElseThrow();
        assertThat(entry.status()).isEqualTo(PersonStatus.MOVED_OUT);
        assertThat(entry.statusSince()).isEqualTo(LocalDate.now(clock));
    }

    @ParameterizedTest(name = "county \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "999999", "610527001", "61052", "蒲城县"})
    void aCallNamingNoExistingCountyIsRefusedWithTheReasonAndAudited(String county) {
        long before = AuditFixture.entriesIn(jdbc).count("DIRECTORY_MATCH");

        assertThatThrownBy(() -> directory.match(MONITORING, county, List.of(idNumber)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.INVALID_INPUT);
                    assertThat(e.fieldErrors()).containsOnlyKeys("countyCode");
                    assertThat(e.getMessage()).isEqualTo(county == null || county.isEmpty() ? "调用人员目录须指明区县"
                            : "区县代码「" + county + "」不存在");
                });
        assertThatThrownBy(() -> directory.find(MONITORING, county, person)).isInstanceOf(DomainException.class);
        assertThat(AuditFixture.entriesIn(jdbc).count("DIRECTORY_MATCH")).isEqualTo(before + 1);
        assertThat(AuditFixture.entriesIn(jdbc).latest("DIRECTORY_MATCH").outcome()).isEqualTo("DENIED");
    }

    @Test
    void moreThanTheLimitPerCallIsRefused() {
        List<String> numbers = java.util.Collections.nCopies(PersonDirectory.MAX_PER_CALL + 1, idNumber);
        assertThatThrownBy(() -> directory.match(MONITORING, COUNTY, numbers)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("identityNumbers"));
    }

    @Test
    void aCallerNamesItselfAndItsPurpose() {
        assertThatThrownBy(() -> DirectoryCaller.system("", "比对")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DirectoryCaller.system("Monitoring", "比对")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DirectoryCaller.system("monitoring", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DirectoryCaller.signedIn(null, "比对")).isInstanceOf(IllegalArgumentException.class);
    }

    private long monitoringReads() {
        return jdbc.sql("select count(*) from audit.entries where action = 'DIRECTORY_READ' and actor_name = 'system:monitoring'")
                .query(Long.class).single();
    }
}
