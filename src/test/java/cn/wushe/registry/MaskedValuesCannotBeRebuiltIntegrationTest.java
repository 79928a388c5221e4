package cn.wushe.registry;

import static cn.wushe.registry.RegionFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.wushe.audit.AuditFixture;
import cn.wushe.platform.Permission;
import cn.wushe.platform.TestActor;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.InvalidIdentityNumber;
import cn.wushe.platform.personal.Sex;
import cn.wushe.registry.internal.PersonDraft;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue [S] 3, "masking that cannot be undone": the hidden middle of a masked identity number (居民身份证,
 * 港澳/台湾居民居住证, 外国人永久居留身份证 in both forms) is the birth date. For every role, every page,
 * API answer and export that shows a masked number is read as an attacker would: every date written
 * on it (in any usual form) is put into the hidden digits, and none may give back the true number;
 * and what a masked view shows instead (the age, never the birth year) leaves at least
 * {@value #MIN_CANDIDATES} valid numbers. The visit-list export (issue [U] 9) is read the same way, and it discloses per row
 * exactly what the exporter's person page shows — never more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaskedValuesCannotBeRebuiltIntegrationTest extends RegistryIntegrationTestBase {

    static final int MIN_CANDIDATES = 10;
    static final String SURNAME = "司马";

    static final Map<String, TestActor> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("grid worker", RegistryFixtures.actor("mask-grid", "GRID_WORKER", Map.of(Permission.PERSON_EDIT, DAOBEI_GRID_1,
                Permission.PERSON_VIEW, DAOBEI, Permission.PERSON_SEARCH, TOWN, Permission.PERSON_EXPORT, DAOBEI)));
        ROLES.put("community worker", RegistryFixtures.actor("mask-community", "COMMUNITY_WORKER", Map.of(
                Permission.PERSON_EDIT, DAOBEI, Permission.PERSON_VIEW, DAOBEI, Permission.PERSON_SEARCH, TOWN,
                Permission.PERSON_EXPORT, DAOBEI)));
        ROLES.put("sibling community worker", RegistryFixtures.actor("mask-sibling", "COMMUNITY_WORKER", Map.of(
                Permission.PERSON_EDIT, GONGNONG, Permission.PERSON_VIEW, GONGNONG, Permission.PERSON_SEARCH, TOWN,
                Permission.PERSON_EXPORT, GONGNONG)));
        ROLES.put("town station", RegistryFixtures.actor("mask-town", "TOWN_STATION", Map.of(Permission.PERSON_VIEW, TOWN,
                Permission.PERSON_SEARCH, TOWN, Permission.PII_UNMASK, TOWN, Permission.PERSON_EXPORT, TOWN)));
        ROLES.put("county admin", RegistryFixtures.actor("mask-county", "COUNTY_ADMIN", Map.of(Permission.PERSON_EDIT, COUNTY,
                Permission.PERSON_VIEW, COUNTY, Permission.PERSON_SEARCH, COUNTY, Permission.PII_UNMASK, COUNTY,
                Permission.PERSON_EXPORT, COUNTY)));
    }

    record Registered(PersonId id, UUID household, IdentityNumber number, String name) {
    }

    final List<Registered> people = new ArrayList<>();

    @BeforeEach
    void registerOneOfEachDocument() {
        if (!people.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now();
        List<String> numbers = List.of(eighteen("610527"), eighteen("810000"), eighteen("830000"), eighteen("961156"),
                oldForeigner());
        List<IdDocumentType> types = List.of(IdDocumentType.RESIDENT_ID, IdDocumentType.HK_MACAO_RESIDENCE_PERMIT,
                IdDocumentType.TAIWAN_RESIDENCE_PERMIT, IdDocumentType.FOREIGNER_PERMANENT_RESIDENCE,
                IdDocumentType.FOREIGNER_PERMANENT_RESIDENCE);
        for (int i = 0; i < numbers.size(); i++) {
            String name = SURNAME + RegistryFixtures.newName();
            PersonDraft d = RegistryFixtures.draft(name, numbers.get(i), DAOBEI, i % 2 == 0 ? DAOBEI_GRID_1 : DAOBEI_GRID_2);
            d = new PersonDraft(d.name(), types.get(i), d.idNumber(), i == 4 ? Sex.MALE : null, d.phone(), d.communityCode(),
                    d.gridCode(), d.addressDetail(), null, null, d.categories(), d.health(), d.incomeBand(), d.obligors(),
                    d.contacts());
            PersonId id = register(RegistryFixtures.COUNTY_ADMIN, d);
            UUID household = jdbc.sql("select household_id from registry.people where id = :id").param("id", id.value())
                    .query(UUID.class).single();
            people.add(new Registered(id, household, IdentityNumber.parse(types.get(i), numbers.get(i), today), name));
        }
    }

    @Test
    void noMaskedViewOrExportOfAnyRoleRebuildsAMaskedIdentityNumber() throws Exception {
        int judged = 0;
        for (Map.Entry<String, TestActor> role : ROLES.entrySet()) {
            for (Map.Entry<String, String> view : views(role.getValue()).entrySet()) {
                String where = role.getKey() + ": " + view.getKey();
                for (Registered p : people) {
                    assertThat(view.getValue()).as("%s shows no number in clear without a reveal", where)
                            .doesNotContain(p.number().value());
                    if (view.getValue().contains(p.number().masked())) {
                        judged++;
                        assertThat(rebuiltFromDatesOn(view.getValue(), p.number())).as("%s rebuilds %s", where, p.number())
                                .isFalse();
                    }
                }
            }
        }
        assertThat(judged).as("masked numbers judged").isGreaterThan(100);
        for (Registered p : people) {
            assertThat(candidatesGivenAge(p.number())).as("numbers left by the age of %s", p.number())
                    .isGreaterThanOrEqualTo(MIN_CANDIDATES);
        }
    }

    @Test
    void theVisitListDisclosesPerRowWhatTheScreenShowsAndRecordsItsPurpose() throws Exception {
        TestActor grid = ROLES.get("grid worker");
        String rows = String.join("\n", RosterFiles.read(visitList(grid, "道北社区入户走访")).stream().map(Object::toString).toList());
        assertThat(rows).contains("用途：道北社区入户走访");
        for (Registered p : people) {
            String screen = body(grid, get("/people/" + p.id()));
            boolean editable = screen.contains("13812345678");
            assertThat(rows).as("name as on screen").contains(p.name());
            String line = rows.lines().filter(l -> l.contains(p.number().masked())).findFirst().orElseThrow();
            assertThat(line.contains("13812345678")).as("phone clear exactly where the screen shows it").isEqualTo(editable);
            assertThat(line.contains("道北路 12 号 3 单元")).as("address clear exactly where the screen shows it").isEqualTo(editable);
        }
        assertThat(AuditFixture.entriesIn(jdbc).latest("PERSON_EXPORT").detail()).contains("masked=as-on-screen");
        assertThat(AuditFixture.entriesIn(jdbc).latest("PERSON_EXPORT").reason()).isEqualTo("道北社区入户走访");
        // the sibling community's worker sees these people only masked (search): her list shows them masked
        String sibling = RosterFiles.read(visitList(ROLES.get("sibling community worker"), "工农社区入户走访")).toString();
        assertThat(sibling).doesNotContain(SURNAME);
        // no purpose, no file
        MockHttpServletResponse refused = mvc.perform(page(grid, post("/people/export-visit.xlsx").param("name", SURNAME)
                .param("purpose", "走访"))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("请填写导出用途");
    }

    @Test
    void theVisitListOfAnotherCountysExporterHoldsNoneOfThesePeople() throws Exception {
        TestActor neighbour = RegistryFixtures.actor("mask-neighbour", "COUNTY_ADMIN", Map.of(Permission.PERSON_EDIT,
                NEIGHBOUR_COUNTY, Permission.PERSON_VIEW, NEIGHBOUR_COUNTY, Permission.PERSON_EXPORT, NEIGHBOUR_COUNTY));
        assertThat(RosterFiles.read(visitList(neighbour, "蒲城县入户走访"))).hasSize(2);
    }

    private byte[] visitList(TestActor actor, String purpose) throws Exception {
        MockHttpServletResponse r = mvc.perform(page(actor, post("/people/export-visit.xlsx").param("name", SURNAME)
                .param("purpose", purpose))).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        return r.getContentAsByteArray();
    }

    /** Every page, API answer and export a role can open about these people without a reveal, as text. */
    private Map<String, String> views(TestActor actor) throws Exception {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("list page", body(actor, get("/people").param("name", SURNAME)));
        views.put("list API", body(actor, get("/api/v1/people").param("name", SURNAME).param("size", "100")));
        views.put("masked export", xlsx(actor, get("/people/export.xlsx").param("name", SURNAME)));
        views.put("API export", xlsx(actor, get("/api/v1/people/export").param("name", SURNAME)));
        views.put("visit list", xlsx(actor, post("/people/export-visit.xlsx").param("name", SURNAME).param("purpose", "入户走访核对")));
        for (Registered p : people) {
            views.put("person page " + p.number().type(), body(actor, get("/people/" + p.id())));
            views.put("person API " + p.number().type(), body(actor, get("/api/v1/people/" + p.id())));
            views.put("history " + p.number().type(), body(actor, get("/people/" + p.id() + "/history")));
            views.put("history API " + p.number().type(), body(actor, get("/api/v1/people/" + p.id() + "/history")));
            views.put("household page " + p.number().type(), body(actor, get("/households/" + p.household())));
            views.put("household API " + p.number().type(), body(actor, get("/api/v1/households/" + p.household())));
            views.put("lookup API " + p.number().type(), body(actor, post("/api/v1/people/lookup")
                    .contentType("application/json").content("{\"query\":\"" + p.number().value() + "\"}")));
            views.put("search page " + p.number().type(), body(actor, post("/people/search").param("q", p.number().value())));
        }
        return views;
    }

    private String body(TestActor actor, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse r = mvc.perform(page(actor, request)).andReturn().getResponse();
        r.setCharacterEncoding("UTF-8");
        return r.getStatus() == 200 ? r.getContentAsString() : "";
    }

    private String xlsx(TestActor actor, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse r = mvc.perform(page(actor, request)).andReturn().getResponse();
        return r.getStatus() == 200 ? RosterFiles.read(r.getContentAsByteArray()).toString() : "";
    }

    private static MockHttpServletRequestBuilder page(TestActor actor, MockHttpServletRequestBuilder request) {
        return request.with(authentication(actor.authentication())).with(csrf());
    }

    private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");
    private static final Pattern COMPACT_DATE = Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");
    private static final Pattern MONTH_DAY = Pattern.compile("(?<![\\d-])(\\d{1,2})\\s*[-/月]\\s*(\\d{1,2})日?(?![\\d-])");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19\\d{2}|20\\d{2})(?!\\d)");

    /**
     * Whether some date written on the view, put into the masked digits, gives the true number: every
     * full date, and every year combined with every month and day, in the forms people write them.
     */
    static boolean rebuiltFromDatesOn(String view, IdentityNumber number) {
        List<LocalDate> dates = new ArrayList<>();
        for (Pattern p : List.of(FULL_DATE, COMPACT_DATE)) {
            Matcher m = p.matcher(view);
            while (m.find()) {
                date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), dates);
            }
        }
        List<Integer> years = new ArrayList<>();
        Matcher y = YEAR.matcher(view);
        while (y.find()) {
            years.add(Integer.parseInt(y.group(1)));
        }
        Matcher md = MONTH_DAY.matcher(view);
        while (md.find()) {
            for (int year : years.stream().distinct().toList()) {
                date(year, Integer.parseInt(md.group(1)), Integer.parseInt(md.group(2)), dates);
            }
        }
        return dates.stream().distinct().anyMatch(d -> filled(number, d).equals(number.value()));
    }

    private static void date(int year, int month, int day, List<LocalDate> into) {
        try {
            into.add(LocalDate.of(year, month, day));
        } catch (java.time.DateTimeException e) {
            // not a date
        }
    }

    /** Valid numbers that agree with the masked one and with the age shown beside it. */
    static long candidatesGivenAge(IdentityNumber number) {
        LocalDate today = LocalDate.now();
        LocalDate birth = number.birthDate();
        int age = Period.between(birth, today).getYears();
        long valid = 0;
        // the birthdays giving this age today: a year of days, whatever the date (the birth year as well
        // would leave only the days after today's date for a holder born late in the year)
        for (LocalDate d = today.minusYears(age + 1L).plusDays(1); !d.isAfter(today.minusYears(age)); d = d.plusDays(1)) {
            String masked = number.masked();
            String candidate = filled(number, d);
            try {
                IdentityNumber c = new IdentityNumber(number.type(), candidate);
                if (c.masked().equals(masked)) {
                    valid += number.value().length() == 15 ? 31 : 1; // the old card hides its two province digits too
                }
            } catch (InvalidIdentityNumber e) {
                // the check character rules it out
            }
        }
        return valid;
    }

    /** The number with its birth-date digits replaced by {@code date}. */
    private static String filled(IdentityNumber number, LocalDate date) {
        String v = number.value();
        if (v.length() == 15) {
            return v.substring(0, 5) + date.format(DateTimeFormatter.ofPattern("yyMMdd")) + v.substring(11);
        }
        return v.substring(0, 6) + date.format(DateTimeFormatter.BASIC_ISO_DATE) + v.substring(14);
    }

    private static String eighteen(String issuer) {
        var r = java.util.concurrent.ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1935, 1, 1).plusDays(r.nextInt(25_000));
        String first17 = issuer + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", r.nextInt(1000));
        return first17 + IdentityNumber.checkCharacter(first17);
    }

    private static String oldForeigner() {
        var r = java.util.concurrent.ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(15_000));
        return "USA61" + birth.format(DateTimeFormatter.ofPattern("yyMMdd")) + String.format("%04d", r.nextInt(10_000));
    }
}
