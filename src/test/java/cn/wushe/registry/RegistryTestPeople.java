package cn.wushe.registry;

import cn.wushe.region.Grids;
import cn.wushe.registry.internal.RegisteringPerson;
import cn.wushe.registry.internal.Registration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * People of the registry for other modules' tests (care, monitoring): the fixture grids and one
 * registered person at a time, as a county admin registers them. Other modules then learn of them
 * only through {@link PersonDirectory} and the registry's events, as in production.
 */
public final class RegistryTestPeople {

    public static final String COUNTY = RegionFixture.COUNTY;
    public static final String TOWN = RegionFixture.TOWN;
    public static final String DAOBEI = RegionFixture.DAOBEI;
    public static final String GONGNONG = RegionFixture.GONGNONG;
    public static final String OTHER_TOWN = RegionFixture.OTHER_TOWN;
    public static final String NEIGHBOUR_COUNTY = RegionFixture.NEIGHBOUR_COUNTY;
    public static final String NEIGHBOUR = RegionFixture.NEIGHBOUR;
    public static final String DAOBEI_GRID_1 = RegionFixture.DAOBEI_GRID_1;
    public static final String DAOBEI_GRID_2 = RegionFixture.DAOBEI_GRID_2;

    private static volatile boolean seeded;

    private RegistryTestPeople() {
    }

    /** Idempotent: the fixture grids of 道北, 工农, 尧禾 and 蒲城县. */
    public static void seedGrids(MockMvc mvc, Grids grids) throws Exception {
        if (!seeded) {
            RegionFixture.seedGrids(mvc, grids);
            seeded = true;
        }
    }

    /** A registered person and the identity number they were registered with. */
    public record Registered(PersonId id, String identityNumber) {
    }

    /** Registers a new person (a fresh name and identity number) in {@code community}, in {@code grid} unless null. */
    public static PersonId register(RegisteringPerson registering, String community, String grid) {
        return registerWithNumber(registering, community, grid).id();
    }

    /** As {@link #register}, also telling the identity number (for tests that send department files). */
    public static Registered registerWithNumber(RegisteringPerson registering, String community, String grid) {
        String number = newIdNumber(community.substring(0, 6));
        String county = community.substring(0, 6);
        var admin = RegistryFixtures.actor("care-test-admin-" + county, "COUNTY_ADMIN", java.util.Map.of(
                cn.wushe.platform.Permission.PERSON_EDIT, county, cn.wushe.platform.Permission.PERSON_VIEW, county,
                cn.wushe.platform.Permission.PERSON_SEARCH, county));
        Registration outcome = RegistryFixtures.as(admin, () -> registering.register(admin,
                RegistryFixtures.draft(RegistryFixtures.newName(), number, community, grid), true));
        if (outcome instanceof Registration.Registered registered) {
            return new Registered(registered.id(), number);
        }
        throw new AssertionError("not registered: " + outcome);
    }

    /** A valid identity number born in {@code county}. */
    public static String newIdNumber(String county) {
        String number = RegistryFixtures.newIdNumber();
        String first17 = county + number.substring(6, 17);
        return first17 + cn.wushe.platform.personal.IdentityNumber.checkCharacter(first17);
    }
}
