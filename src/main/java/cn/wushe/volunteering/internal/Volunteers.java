package cn.wushe.volunteering.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.identity.VolunteerSignUps;
import cn.wushe.platform.Actor;
import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.ScopeFilter.SqlPredicate;
import cn.wushe.platform.Text;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.platform.personal.InvalidIdentityNumber;
import cn.wushe.platform.personal.Masking;
import cn.wushe.platform.personal.PhoneNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer profiles (志愿者档案): opened from a confirmed volunteer sign-up or entered by a worker;
 * one per identity number per county. Lists show the identity number masked beside the age (never
 * the birth date) and the phone masked; the clear values need {@code PII_UNMASK} and a reason.
 */
@Service
public class Volunteers {

    public static final int MAX_PAGE_SIZE = 100;

    /** What a worker types to enter a volunteer. */
    public record NewVolunteer(@Nullable String realName, @Nullable String identityNumber, @Nullable String phone,
            @Nullable String communityCode, @Nullable List<String> skills, @Nullable String availability,
            @Nullable Boolean backbone, @Nullable Boolean partyMember, @Nullable String sendingEmployer) {
    }

    /** A volunteer as lists and details show them: masked identity number with the age, masked phone. */
    public record VolunteerView(UUID id, String realName, String communityCode, String maskedIdentityNumber, int age,
            @Nullable String maskedPhone, List<String> skills, @Nullable String availability, boolean backbone,
            int starLevel, long confirmedMinutes, @Nullable UUID userId) {

        public String hours() {
            return HoursFormat.hours(confirmedMinutes);
        }
    }

    /** The clear values, for a worker who stated a reason. */
    public record Revealed(String identityNumber, @Nullable String phone) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final AuditLog audit;
    private final Clock clock;
    private final VolunteerSignUps signUps;

    Volunteers(JdbcClient jdbc, FieldCipher cipher, BlindIndex index, AuditLog audit, Clock clock,
            VolunteerSignUps signUps) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.audit = audit;
        this.clock = clock;
        this.signUps = signUps;
    }

    /** The signed-in volunteer's own profile, opened from their confirmed sign-up on first use. */
    @Transactional
    public Optional<VolunteerView> own(Actor actor) {
        Optional<VolunteerView> existing = byUser(actor.id());
        if (existing.isPresent() || !actor.can(Permission.VOLUNTEER_SELF)) {
            return existing;
        }
        return signUps.confirmedVolunteer(actor.id()).flatMap(applicant -> {
            openFromSignUp(applicant);
            return byUser(actor.id());
        });
    }

    /** Opens the profile of a confirmed sign-up; nothing when it exists (a repeated event) or the number is taken. */
    @Transactional
    public boolean openFromSignUp(VolunteerSignUps.Applicant applicant) {
        String county = applicant.communityCode().substring(0, 6);
        int rows = jdbc.sql("""
                insert into volunteering.volunteers (county_code, id, user_id, community_code, real_name, id_number_enc,
                    id_number_bidx, id_type, phone_enc, phone_bidx, birth_year, source, created_at)
                values (:county, :id, :user, :community, :name, :idEnc, :idIdx, :idType, :phoneEnc, :phoneIdx, :birthYear,
                    'SIGN_UP', :at)
                on conflict do nothing""")
                .param("county", county).param("id", UUID.randomUUID()).param("user", applicant.userId())
                .param("community", applicant.communityCode()).param("name", applicant.realName())
                .param("idEnc", cipher.encrypt(applicant.identityNumber().value()))
                .param("idIdx", identityIndex(applicant.identityNumber().value()))
                .param("idType", applicant.identityNumber().type().name())
                .param("phoneEnc", cipher.encrypt(applicant.mobile().digits()))
                .param("phoneIdx", index.of(PhoneNumber.BLIND_INDEX_PURPOSE, applicant.mobile().digits()))
                .param("birthYear", applicant.identityNumber().birthDate().getYear())
                .param("at", Times.ts(clock.instant())).update();
        if (rows == 1) {
            audit.record(AuditEvent.success("VOLUNTEER_OPEN", "VOLUNTEER", applicant.userId().toString(),
                    applicant.communityCode()));
        }
        return rows == 1;
    }

    /** A worker enters a volunteer of a community inside their {@code ACTIVITY_MANAGE} scope. */
    @Transactional
    public UUID register(Actor actor, NewVolunteer input) {
        return register(actor, input, "WORKER");
    }

    /** As {@link #register(Actor, NewVolunteer)}, recording where the entry came from ({@code WORKER}, {@code IMPORT}). */
    @Transactional
    public UUID register(Actor actor, NewVolunteer input, String source) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = Text.trimToNull(input.realName());
        if (name == null || name.length() > 50) {
            errors.put("realName", Messages.text("volunteering.volunteer.name-required"));
        }
        IdentityNumber number = null;
        try {
            number = IdentityNumber.parse(IdDocumentType.RESIDENT_ID, input.identityNumber(), LocalDate.now(clock.withZone(Times.CHINA)));
        } catch (InvalidIdentityNumber e) {
            errors.put("identityNumber", e.getMessage());
        }
        PhoneNumber phone = null;
        String rawPhone = Text.trimToNull(input.phone());
        if (rawPhone != null) {
            String problem = PhoneNumber.problem(rawPhone);
            if (problem != null) {
                errors.put("phone", problem);
            } else {
                phone = PhoneNumber.mobile(rawPhone);
            }
        }
        String community = Text.trimToNull(input.communityCode());
        if (community == null || !community.matches("[0-9]{12}")) {
            errors.put("communityCode", Messages.text("volunteering.volunteer.community-required"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (!actor.can(Permission.ACTIVITY_MANAGE, community)) {
            throw DomainException.outOfScope(Map.of("communityCode", Messages.text("volunteering.volunteer.out-of-scope")));
        }
        UUID id = UUID.randomUUID();
        try {
            insert(id, null, community, name, number, phone, input, source);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict(ProblemType.DUPLICATE_VOLUNTEER, "identityNumber",
                    Messages.text("volunteering.volunteer.duplicate"));
        }
        audit.record(AuditEvent.success("VOLUNTEER_REGISTER", "VOLUNTEER", id.toString(), community));
        return id;
    }

    void insert(UUID id, @Nullable UUID userId, String community, String name, IdentityNumber number,
            @Nullable PhoneNumber phone, NewVolunteer input, String source) {
        jdbc.sql("""
                insert into volunteering.volunteers (county_code, id, user_id, community_code, real_name, id_number_enc,
                    id_number_bidx, id_type, phone_enc, phone_bidx, birth_year, skills, availability, backbone,
                    party_member, sending_employer, source, created_at)
                values (:county, :id, :user, :community, :name, :idEnc, :idIdx, :idType, :phoneEnc, :phoneIdx, :birthYear,
                    :skills, :availability, :backbone, :party, :employer, :source, :at)""")
                .param("county", community.substring(0, 6)).param("id", id).param("user", userId)
                .param("community", community).param("name", name)
                .param("idEnc", cipher.encrypt(number.value())).param("idIdx", identityIndex(number.value()))
                .param("idType", number.type().name())
                .param("phoneEnc", phone == null ? null : cipher.encrypt(phone.digits()))
                .param("phoneIdx", phone == null ? null : index.of(PhoneNumber.BLIND_INDEX_PURPOSE, phone.digits()))
                .param("birthYear", number.birthDate().getYear())
                .param("skills", skills(input.skills())).param("availability", Text.trimToNull(input.availability()))
                .param("backbone", Boolean.TRUE.equals(input.backbone())).param("party", Boolean.TRUE.equals(input.partyMember()))
                .param("employer", Text.trimToNull(input.sendingEmployer()))
                .param("source", source).param("at", Times.ts(clock.instant())).update();
    }

    String identityIndex(String number) {
        return index.of(IdentityNumber.BLIND_INDEX_PURPOSE, number);
    }

    private static String[] skills(@Nullable List<String> skills) {
        return skills == null ? new String[0]
                : skills.stream().map(Text::trimToNull).filter(s -> s != null && s.length() <= 20).distinct().limit(10)
                        .toArray(String[]::new);
    }

    /** Volunteers inside the actor's {@code VOLUNTEER_VIEW} scope, by community and name. */
    @Transactional(readOnly = true)
    public Page<VolunteerView> page(Actor actor, @Nullable String community, @Nullable String q, int page, int size) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.VOLUNTEER_VIEW, "v.county_code", "v.community_code");
        StringBuilder where = new StringBuilder(scope.sql());
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        if (community != null) {
            where.append(" and v.community_code = :community");
            params.put("community", community);
        }
        String query = Text.trimToNull(q);
        if (query != null) {
            where.append(" and v.real_name like :q");
            params.put("q", query.replace("%", "").replace("_", "") + "%");
        }
        long total = jdbc.sql("select count(*) from volunteering.volunteers v where " + where).params(params)
                .query(Long.class).single();
        List<VolunteerView> items = jdbc.sql(SELECT + " where " + where
                + " order by v.community_code, v.real_name, v.id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query(this::view).list();
        audit.recordAccess(AuditEvent.success("VOLUNTEER_LIST", "VOLUNTEER", null, community)
                .withDetail(Messages.text("volunteering.audit.listed", items.size())));
        return Page.counted(items, total, page, size);
    }

    /** One volunteer in the actor's {@code VOLUNTEER_VIEW} scope; 404 outside it. */
    @Transactional(readOnly = true)
    public VolunteerView detail(Actor actor, UUID id) {
        SqlPredicate scope = ScopeFilter.predicate(actor, Permission.VOLUNTEER_VIEW, "v.county_code", "v.community_code");
        VolunteerView view = jdbc.sql(SELECT + " where v.id = :id and " + scope.sql()).param("id", id)
                .params(scope.params()).query(this::view).optional()
                .orElseThrow(() -> DomainException.notFound(Messages.text("volunteering.volunteer.not-found")));
        audit.recordAccess(AuditEvent.success("VOLUNTEER_VIEW", "VOLUNTEER", id.toString(), view.communityCode()));
        return view;
    }

    /** The clear identity number and phone, with {@code PII_UNMASK} over the volunteer's community and a reason. */
    @Transactional
    public Revealed reveal(Actor actor, UUID id, @Nullable String reason) {
        VolunteerView view = detail(actor, id);
        if (!actor.can(Permission.PII_UNMASK, view.communityCode())) {
            throw DomainException.forbidden(Messages.text("volunteering.volunteer.unmask-forbidden"));
        }
        String why = Text.trimToNull(reason);
        if (why == null || why.length() > 200) {
            throw DomainException.invalid("reason", Messages.text("volunteering.volunteer.reason-required"));
        }
        Revealed revealed = jdbc.sql("select id_number_enc, phone_enc from volunteering.volunteers where county_code = :county and id = :id")
                .param("county", view.communityCode().substring(0, 6)).param("id", id)
                .query((rs, n) -> new Revealed(cipher.decrypt(rs.getString(1)),
                        rs.getString(2) == null ? null : cipher.decrypt(rs.getString(2)))).single();
        audit.record(AuditEvent.success("VOLUNTEER_UNMASK", "VOLUNTEER", id.toString(), view.communityCode()).withReason(why));
        return revealed;
    }

    Optional<VolunteerView> byUser(UUID userId) {
        return jdbc.sql(SELECT + " where v.user_id = :user").param("user", userId).query(this::view).optional();
    }

    /** The volunteer's county, community and account, for the use cases that act on one by id. */
    record Ref(UUID id, String countyCode, String communityCode, @Nullable UUID userId, String realName) {
    }

    Optional<Ref> ref(UUID id) {
        return jdbc.sql("select id, county_code, community_code, user_id, real_name from volunteering.volunteers where id = :id")
                .param("id", id).query((rs, n) -> new Ref(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5))).optional();
    }

    Optional<Ref> refOfUser(UUID userId) {
        return jdbc.sql("select id, county_code, community_code, user_id, real_name from volunteering.volunteers where user_id = :user")
                .param("user", userId).query((rs, n) -> new Ref(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5))).optional();
    }

    /** The masked identity number of one volunteer, for the printed certificate. */
    String maskedIdentityNumber(Ref ref) {
        return jdbc.sql("select id_number_enc from volunteering.volunteers where county_code = :county and id = :id")
                .param("county", ref.countyCode()).param("id", ref.id())
                .query((rs, n) -> Masking.identityNumber(cipher.decrypt(rs.getString(1)))).single();
    }

    private static final String SELECT = """
            select v.id, v.real_name, v.community_code, v.id_number_enc, v.id_type, v.phone_enc, v.skills, v.availability,
                v.backbone, v.star_level, v.user_id,
                coalesce((select sum(h.minutes) from volunteering.hours_ledger h
                          where h.county_code = v.county_code and h.volunteer_id = v.id), 0) as minutes
            from volunteering.volunteers v""";

    private VolunteerView view(ResultSet rs, int row) throws SQLException {
        String number = cipher.decrypt(rs.getString("id_number_enc"));
        String phoneEnc = rs.getString("phone_enc");
        LocalDate birth = new IdentityNumber(IdDocumentType.valueOf(rs.getString("id_type")), number).birthDate();
        int age = Period.between(birth, LocalDate.now(clock.withZone(Times.CHINA))).getYears();
        java.sql.Array skills = rs.getArray("skills");
        return new VolunteerView(rs.getObject("id", UUID.class), rs.getString("real_name"), rs.getString("community_code"),
                Masking.identityNumber(number), age, phoneEnc == null ? null : Masking.phone(cipher.decrypt(phoneEnc)),
                skills == null ? List.of() : Arrays.asList((String[]) skills.getArray()), rs.getString("availability"),
                rs.getBoolean("backbone"), rs.getInt("star_level"), rs.getLong("minutes"),
                rs.getObject("user_id", UUID.class));
    }
}
