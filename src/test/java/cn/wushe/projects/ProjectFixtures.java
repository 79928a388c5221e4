package cn.wushe.projects;

import cn.wushe.organizations.internal.OrganizationRegister;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.TestActor;
import cn.wushe.units.CreditCodeCivilAffairsUnitTest;
import cn.wushe.units.UnitId;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Actors and organizations the project tests share; every name and code unique per run. */
final class ProjectFixtures {

    static final String COUNTY = "610527";

    private ProjectFixtures() {
    }

    static TestActor actor(String name, String scope, Permission... permissions) {
        Map<Permission, List<RegionScope>> grants = new EnumMap<>(Permission.class);
        for (Permission p : permissions) {
            grants.put(p, List.of(new RegionScope(scope)));
        }
        return new TestActor(UUID.nameUUIDFromBytes((name + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)), name, name,
                Set.of("TEST"), grants);
    }

    static TestActor manager() {
        return actor("round_manager", COUNTY, Permission.ROUND_MANAGE, Permission.PROJECT_VIEW, Permission.ORG_VIEW,
                Permission.ORG_MANAGE, Permission.DOCUMENT_REVOKE);
    }

    static TestActor staff(UnitId organization) {
        return actor("org_staff", COUNTY, Permission.ORG_OWN).inUnits(organization.value());
    }

    /** A registered social-service organization (52…) in the county, committed by the caller's transaction. */
    static UnitId organization(OrganizationRegister register, TestActor manager, String name) {
        String org8 = "MA" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        UnitId id = UnitId.random();
        register.register(manager, id, new OrganizationRegister.NewOrganization("SOCIAL_SERVICE", name, COUNTY,
                CreditCodeCivilAffairsUnitTest.valid("52", COUNTY, org8), "李建华", "610527198003150010", null, "NONE",
                "为老服务", null, null, null), null);
        return id;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }
}
