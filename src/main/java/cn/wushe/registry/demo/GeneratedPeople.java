package cn.wushe.registry.demo;

import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.Sex;
import cn.wushe.registry.internal.CategoryType;
import cn.wushe.registry.internal.IncomeBand;
import cn.wushe.registry.internal.PartyKind;
import cn.wushe.registry.internal.RelationToHead;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Generates plausible people in need for demo and benchmark volumes: valid identity numbers of
 * local births, common local surnames, category proportions close to a county's roster (低保 the
 * largest group, elderly living alone or empty-nest next, then disability …), ages that fit each
 * category, and households of one to three registered members. Deterministic for a seed.
 */
public final class GeneratedPeople {

    /** The author of every generated record, so demo and benchmark people can be told apart. */
    public static final UUID CREATED_BY = UUID.nameUUIDFromBytes("registry-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** A community with its grids (possibly none), where people are placed. */
    public record Place(String communityCode, boolean village, List<String> gridCodes) {
    }

    public record Category(String code, LocalDate start, String source, @Nullable String disabilityType, @Nullable Integer grade) {
    }

    public record Party(PartyKind kind, String name, String relation, @Nullable String phone) {
    }

    public record Member(UUID id, String name, String idNumber, Sex sex, LocalDate birthDate, @Nullable String phone,
            RelationToHead relation, List<Category> categories, @Nullable String health, IncomeBand income,
            List<Party> parties) {
    }

    public record Household(UUID id, String countyCode, String communityCode, @Nullable String gridCode, String address,
            List<Member> members) {

        String regionCode() {
            return gridCode != null ? gridCode : communityCode;
        }
    }

    private static final String SURNAMES = "王王王王李李李张张张刘刘杨杨赵赵雷雷党党杜孙高冯吕何马郭田陈任许薛韩";
    private static final String MALE = "建国军民志强永红德福海涛明华保平全胜文斌宏伟振兴长春世杰俊";
    private static final String FEMALE = "秀英桂兰玉梅春花淑珍丽娟小燕红霞翠芳金凤彩云巧玲雪梅";
    private static final String[] HEALTH = {"高血压", "糖尿病", "慢性支气管炎", "冠心病", "脑梗后遗症，行动不便", "关节炎", "视力差", "身体健康"};
    private static final String[] STREETS = {"解放路", "仓颉路", "杜康路", "彭衙路", "和平路", "光明巷"};
    /** Cumulative weights (of 100) of each primary category. */
    private static final Object[][] PRIMARY = {
            {"DIBAO", 30}, {"TEKUN", 6}, {"DIBAO_EDGE", 9}, {"ELDERLY_ALONE", 10}, {"EMPTY_NEST", 13},
            {"LEFT_BEHIND_CHILD", 6}, {"VULNERABLE_CHILD", 3}, {"DISABLED", 12}, {"SEVERE_MENTAL", 2},
            {"RELOCATED", 4}, {"VETERAN", 5}};

    private final Random random;
    private final LocalDate today;
    private final Set<String> usedNumbers = new HashSet<>();

    public GeneratedPeople(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    /** About {@code people} people in households spread over {@code places} (weighted towards towns' seats). */
    public List<Household> households(List<Place> places, int people) {
        List<Household> households = new ArrayList<>();
        int made = 0;
        while (made < people) {
            Place place = places.get(random.nextInt(places.size()));
            Household h = household(place, Math.min(people - made, size()));
            households.add(h);
            made += h.members().size();
        }
        return households;
    }

    private int size() {
        int r = random.nextInt(100);
        return r < 62 ? 1 : r < 92 ? 2 : 3;
    }

    private Household household(Place place, int size) {
        String grid = place.gridCodes().isEmpty() ? null : place.gridCodes().get(random.nextInt(place.gridCodes().size()));
        String address = place.village() ? (1 + random.nextInt(9)) + " 组 " + (1 + random.nextInt(60)) + " 号"
                : STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(200)) + " 号 " + (1 + random.nextInt(6)) + " 单元";
        String primary = primary();
        String surname = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        List<Member> members = new ArrayList<>();
        Member head = member(primary, surname, RelationToHead.SELF, null);
        members.add(head);
        if (size >= 2) {
            boolean elderly = age(head) >= 60;
            if (elderly || random.nextBoolean()) {
                members.add(member(elderly ? "EMPTY_NEST" : secondaryAdult(), surname, RelationToHead.SPOUSE,
                        head.sex() == Sex.MALE ? Sex.FEMALE : Sex.MALE));
            } else {
                members.add(member(random.nextBoolean() ? "LEFT_BEHIND_CHILD" : "VULNERABLE_CHILD", surname,
                        RelationToHead.CHILD, null));
            }
        }
        if (size >= 3) {
            members.add(member(random.nextBoolean() ? "LEFT_BEHIND_CHILD" : "DISABLED", surname,
                    age(head) >= 60 ? RelationToHead.GRANDCHILD : RelationToHead.CHILD, null));
        }
        return new Household(UUID.nameUUIDFromBytes(("household-" + random.nextLong()).getBytes()),
                place.communityCode().substring(0, 6), place.communityCode(), grid, address, members);
    }

    private String primary() {
        int r = random.nextInt(100);
        int sum = 0;
        for (Object[] w : PRIMARY) {
            sum += (Integer) w[1];
            if (r < sum) {
                return (String) w[0];
            }
        }
        return "DIBAO";
    }

    private String secondaryAdult() {
        return random.nextInt(3) == 0 ? "DISABLED" : "DIBAO";
    }

    private Member member(String primary, String surname, RelationToHead relation, @Nullable Sex fixedSex) {
        int age = switch (primary) {
            case "ELDERLY_ALONE", "EMPTY_NEST" -> 60 + random.nextInt(35);
            case "TEKUN" -> random.nextInt(4) == 0 ? 8 + random.nextInt(10) : 60 + random.nextInt(30);
            case "LEFT_BEHIND_CHILD", "VULNERABLE_CHILD" -> 3 + random.nextInt(15);
            case "VETERAN" -> 45 + random.nextInt(45);
            default -> 18 + random.nextInt(70);
        };
        if (relation == RelationToHead.CHILD && age >= 18 && !primary.endsWith("CHILD")) {
            age = 18 + random.nextInt(20);
        }
        Sex sex = fixedSex != null ? fixedSex : random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        LocalDate birth = today.minusYears(age).minusDays(1 + random.nextInt(364));
        List<Category> categories = new ArrayList<>();
        categories.add(category(primary));
        if (age >= 60 && !primary.equals("DIBAO") && random.nextInt(100) < 35) {
            categories.add(category("DIBAO"));
        }
        if (!primary.equals("DISABLED") && random.nextInt(100) < 12) {
            categories.add(category("DISABLED"));
        }
        if (age >= 60 && random.nextInt(100) < 40) {
            categories.add(category(primary.equals("ELDERLY_ALONE") ? "DIBAO_EDGE" : "EMPTY_NEST"));
        }
        List<Category> distinct = categories.stream()
                .filter(c -> categories.stream().filter(o -> o.code().equals(c.code())).findFirst().orElseThrow() == c).toList();
        String phone = age >= 16 && random.nextInt(100) < 75 ? phone() : null;
        List<Party> parties = new ArrayList<>();
        if (age >= 60 || age < 18) {
            String relationLabel = age >= 60 ? (random.nextBoolean() ? "儿子" : "女儿") : (random.nextBoolean() ? "父亲" : "母亲");
            parties.add(new Party(PartyKind.OBLIGOR, surname + given(relationLabel.equals("儿子") || relationLabel.equals("父亲") ? Sex.MALE : Sex.FEMALE),
                    relationLabel, phone()));
        }
        if (random.nextInt(100) < 40) {
            parties.add(new Party(PartyKind.CONTACT, name(null), random.nextBoolean() ? "邻居" : "村（居）委会委员", phone()));
        }
        IncomeBand income = switch (primary) {
            case "DIBAO", "TEKUN" -> random.nextBoolean() ? IncomeBand.NONE : IncomeBand.BELOW_DIBAO;
            case "DIBAO_EDGE" -> IncomeBand.DIBAO_TO_1_5;
            default -> IncomeBand.values()[random.nextInt(IncomeBand.values().length)];
        };
        return new Member(UUID.nameUUIDFromBytes(("person-" + random.nextLong()).getBytes()), surname + given(sex),
                idNumber(birth, sex), sex, birth, phone, relation, distinct,
                age >= 50 || primary.equals("DISABLED") ? HEALTH[random.nextInt(HEALTH.length)] : null, income, parties);
    }

    private Category category(String code) {
        LocalDate start = today.minusDays(30 + random.nextInt(3000));
        return switch (code) {
            case "DISABLED" -> new Category(code, start, "县残联", CategoryType.DISABILITY_TYPES.get(random.nextInt(6)), 1 + random.nextInt(4));
            case "VETERAN" -> new Category(code, start, "县退役军人事务局", null, null);
            case "RELOCATED" -> new Category(code, start, "县乡村振兴局", null, null);
            case "SEVERE_MENTAL" -> new Category(code, start, "县卫生健康局", null, null);
            case "ELDERLY_ALONE", "EMPTY_NEST", "LEFT_BEHIND_CHILD" -> new Category(code, start, "网格员走访摸排", null, null);
            default -> new Category(code, start, "县民政局", null, null);
        };
    }

    private int age(Member m) {
        return m.birthDate().until(today).getYears();
    }

    private String name(@Nullable Sex sex) {
        return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given(sex == null ? (random.nextBoolean() ? Sex.MALE : Sex.FEMALE) : sex);
    }

    private String given(Sex sex) {
        String chars = sex == Sex.MALE ? MALE : FEMALE;
        String first = String.valueOf(chars.charAt(random.nextInt(chars.length())));
        return random.nextInt(4) == 0 ? first : first + chars.charAt(random.nextInt(chars.length()));
    }

    private String phone() {
        String[] prefixes = {"135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "177", "180", "182", "187", "189", "199"};
        return prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
    }

    private String idNumber(LocalDate birth, Sex sex) {
        while (true) {
            int seq = random.nextInt(500) * 2 + (sex == Sex.MALE ? 1 : 0);
            String first17 = "610527" + birth.toString().replace("-", "") + String.format("%03d", seq);
            String number = first17 + IdentityNumber.checkCharacter(first17);
            if (usedNumbers.add(number)) {
                return number;
            }
        }
    }
}
