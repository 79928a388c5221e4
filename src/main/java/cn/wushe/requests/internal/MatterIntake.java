package cn.wushe.requests.internal;

import cn.wushe.attachments.AttachedTo;
import cn.wushe.attachments.Attachments;
import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.BlindIndex;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.Text;
import cn.wushe.platform.personal.PhoneNumber;
import cn.wushe.registry.DirectoryCaller;
import cn.wushe.registry.PersonDirectory;
import cn.wushe.registry.PersonId;
import cn.wushe.units.Unit;
import cn.wushe.units.UnitKind;
import cn.wushe.units.Units;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一门式受理: takes a matter in through any channel — self-service or appointment by a confirmed
 * resident, desk, at-home, proxy or a grid worker's report on someone's behalf — checks the item,
 * the channel, every condition and material (all refusals named at once), numbers it per county and
 * year, places it at the community's committee and writes its deadlines, materials, timeline and
 * audit entry in one transaction.
 */
@Component
public class MatterIntake {

    public static final String OBJECT_TYPE = "matter";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String CONSENT = "proxy-consent";

    /** A file brought with the intake. */
    public record Upload(String fileName, byte[] content) {
    }

    /** One required material: its file, or seen at the desk (staff channels only). */
    public record MaterialInput(boolean seenAtDesk, @Nullable Upload file) {
    }

    /**
     * What an intake carries. For self-service and appointment the applicant is the signed-in
     * resident; otherwise name and phone are typed in (a report names its reporter).
     */
    public record Intake(@Nullable String item, @Nullable String channel, @Nullable String regionCode,
            @Nullable String description, @Nullable String applicantName, @Nullable String applicantPhone,
            @Nullable String personId, @Nullable String proxyName, @Nullable String proxyRelation,
            @Nullable Upload consent, List<Integer> conditionsConfirmed, Map<String, MaterialInput> materials,
            @Nullable Double latitude, @Nullable Double longitude) {

        public Intake {
            conditionsConfirmed = conditionsConfirmed == null ? List.of() : List.copyOf(conditionsConfirmed);
            materials = materials == null ? Map.of() : Map.copyOf(materials);
        }
    }

    private final Catalogue catalogue;
    private final Matters matters;
    private final MatterClock matterClock;
    private final Units units;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final Attachments attachments;
    private final PersonDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    MatterIntake(Catalogue catalogue, Matters matters, MatterClock matterClock, Units units, FieldCipher cipher,
            BlindIndex blindIndex, Attachments attachments, PersonDirectory directory, AuditLog audit, Clock clock) {
        this.catalogue = catalogue;
        this.matters = matters;
        this.matterClock = matterClock;
        this.units = units;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.attachments = attachments;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Matter submit(Actor actor, Intake in) {
        return submit(actor, in, clock.instant());
    }

    /** The intake as taken at {@code now}: the demo's open matters come in days ago through this same path. */
    Matter submit(Actor actor, Intake in, Instant now) {
        Channel channel = Channel.fromCode(in.channel())
                .orElseThrow(() -> DomainException.invalid("channel", Messages.text("requests.intake.channel-unknown")));
        String region = in.regionCode() == null ? "" : in.regionCode().strip();
        if (!region.matches("\\d{12}(\\d{3})?")) {
            throw DomainException.invalid("regionCode", Messages.text("requests.intake.region-invalid"));
        }
        if (!actor.can(Permission.MATTER_SUBMIT, region)) {
            throw DomainException.outOfScope(Map.of("regionCode", Messages.text("requests.intake.region-out-of-scope")));
        }
        String county = region.substring(0, 6);
        CatalogueItem item = catalogue.forIntake(county, in.item());
        if (!item.takes(channel)) {
            throw DomainException.invalid("channel", Messages.text("requests.intake.channel-not-offered", item.name(), channel.label()));
        }
        boolean staff = actor.can(Permission.PERSON_VIEW, region);
        if (channel.onBehalf() && !staff) {
            throw DomainException.invalid("channel", Messages.text("requests.intake.channel-staff-only", channel.label()));
        }
        if (!channel.onBehalf() && !actor.can(Permission.SELF_SERVICE, region)) {
            throw DomainException.invalid("channel", Messages.text("requests.intake.channel-resident-only", channel.label()));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String description = Text.trimToNull(in.description());
        if (description == null) {
            errors.put("description", Messages.text("requests.intake.description-required"));
        } else if (description.length() > 1000) {
            errors.put("description", Messages.text("requests.intake.description-too-long"));
        }
        String name;
        PhoneNumber phone = null;
        if (channel.onBehalf() && channel != Channel.REPORT) {
            name = Text.trimToNull(in.applicantName());
            if (name == null || name.length() > 50) {
                errors.put("applicantName", Messages.text("requests.intake.name-required"));
            }
            String rawPhone = Text.trimToNull(in.applicantPhone());
            String problem = rawPhone == null ? Messages.text("requests.intake.phone-required") : PhoneNumber.problem(rawPhone);
            if (problem != null) {
                errors.put("applicantPhone", problem);
            } else {
                phone = PhoneNumber.mobileOrLandline(rawPhone);
            }
        } else {
            name = actor.displayName();
        }
        if (channel == Channel.PROXY) {
            if (Text.trimToNull(in.proxyName()) == null) {
                errors.put("proxyName", Messages.text("requests.intake.proxy-name-required"));
            }
            if (Text.trimToNull(in.proxyRelation()) == null) {
                errors.put("proxyRelation", Messages.text("requests.intake.proxy-relation-required"));
            }
            if (in.consent() == null || in.consent().content().length == 0) {
                errors.put("consent", Messages.text("requests.intake.consent-required"));
            }
        }
        if (channel == Channel.REPORT && (in.latitude() == null || in.longitude() == null
                || Math.abs(in.latitude()) > 90 || Math.abs(in.longitude()) > 180)) {
            errors.put("position", Messages.text("requests.intake.position-required"));
        }
        for (int i = 0; i < item.conditions().size(); i++) {
            if (!in.conditionsConfirmed().contains(i)) {
                errors.put("conditions[" + i + "]", Messages.text("requests.intake.condition-missing", item.conditions().get(i)));
            }
        }
        for (CatalogueItem.Material material : item.materials()) {
            MaterialInput given = in.materials().get(material.code());
            boolean provided = given != null && ((given.file() != null && given.file().content().length > 0)
                    || (given.seenAtDesk() && channel.onBehalf()));
            if (!provided) {
                errors.put("materials." + material.code(), Messages.text("requests.intake.material-missing", material.name()));
            }
        }
        UUID personId = null;
        if (Text.trimToNull(in.personId()) != null) {
            try {
                PersonId person = PersonId.of(in.personId().strip());
                if (directory.find(DirectoryCaller.signedIn(actor, "requests.intake"), county, person).isEmpty()) {
                    errors.put("personId", Messages.text("requests.intake.person-unknown"));
                } else {
                    personId = person.value();
                }
            } catch (RuntimeException e) {
                errors.put("personId", Messages.text("requests.intake.person-unknown"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Unit committee = committeeOf(region.substring(0, 12));
        boolean signedAtIntake = channel.onBehalf() && actor.unitIds().contains(committee.id().value())
                && actor.can(Permission.MATTER_HANDLE, region);
        Instant due = matterClock.addWorkingDays(now, item.totalDays(), county);
        Instant levelDue = matterClock.addWorkingDays(now, item.communityDays(), county);
        Instant signDue = signedAtIntake ? null : matterClock.addWorkingDays(now, MatterClock.SIGN_DAYS, county);
        Matter m = new Matter(county, UUID.randomUUID(), null,
                item.id(), item.code(), item.version(), item.urgent(), region, channel,
                channel.onBehalf() ? null : actor.id(), actor.id(), now,
                signedAtIntake ? MatterStatus.HANDLING : MatterStatus.AWAITING_SIGN, Level.COMMUNITY,
                committee.id().value(), now, signDue, levelDue, due);
        List<Matters.IntakeEvent> timeline = new ArrayList<>();
        timeline.add(new Matters.IntakeEvent(TimelineKind.SUBMITTED, null, committee.id().value(), channel.label()));
        if (signedAtIntake) {
            timeline.add(new Matters.IntakeEvent(TimelineKind.SIGNED, committee.id().value(), null, null));
        }
        List<Matters.IntakeMaterial> seen = new ArrayList<>();
        for (CatalogueItem.Material material : item.materials()) {
            MaterialInput given = in.materials().get(material.code());
            if (given.file() == null || given.file().content().length == 0) {
                seen.add(new Matters.IntakeMaterial(material.code(), material.name(), Matters.SEEN_AT_DESK, null));
            }
        }
        String proxyName = Text.trimToNull(in.proxyName());
        matters.insert(m, new Matters.Applicant(cipher.encrypt(name), phone == null ? null : cipher.encrypt(phone.digits()),
                phone == null ? null : blindIndex.of(PhoneNumber.BLIND_INDEX_PURPOSE, phone.digits()), personId,
                channel == Channel.PROXY && proxyName != null ? cipher.encrypt(proxyName) : null,
                channel == Channel.PROXY ? Text.trimToNull(in.proxyRelation()) : null), description, in.latitude(),
                in.longitude(), actor.id(), actor.displayName(), timeline, seen);
        // the clock before the files: a refused file (its content not what its name claims) rolls the deadline back with the intake
        matterClock.started(m);
        // files belong to the matter, so they are stored once its row exists; their lines go in one statement
        AttachedTo owner = new AttachedTo(OBJECT_TYPE, m.id.toString());
        List<Matters.IntakeMaterial> attached = new ArrayList<>();
        for (CatalogueItem.Material material : item.materials()) {
            MaterialInput given = in.materials().get(material.code());
            if (given.file() != null && given.file().content().length > 0) {
                UUID attachment = attachments.store(actor, owner, given.file().fileName(), given.file().content()).id().value();
                attached.add(new Matters.IntakeMaterial(material.code(), material.name(), Matters.ATTACHED, attachment));
            }
        }
        if (channel == Channel.PROXY && in.consent() != null) {
            UUID attachment = attachments.store(actor, owner, in.consent().fileName(), in.consent().content()).id().value();
            attached.add(new Matters.IntakeMaterial(CONSENT, Messages.text("requests.intake.consent"), Matters.ATTACHED, attachment));
        }
        matters.materials(m, attached);
        if (!signedAtIntake) {
            matterClock.notifyUnit(m, committee.id().value(), Permission.MATTER_HANDLE, RequestsNoticeKinds.RECEIVED,
                    News.RECEIVED);
        }
        audit.record(AuditEvent.success("MATTER_SUBMIT", "MATTER", m.id.toString(), region)
                .withDetail(m.number + " " + item.code() + " " + channel.name()));
        return m;
    }

    /** The community's committee (居委会/村委会), where every matter starts. */
    Unit committeeOf(String communityCode) {
        return units.ofKind(UnitKind.COMMUNITY_COMMITTEE, communityCode).stream()
                .filter(u -> u.regionCode().equals(communityCode)).findFirst()
                .orElseThrow(() -> new DomainException(ProblemType.MATTER_ROUTE_REFUSED,
                        Messages.text("requests.intake.no-committee")));
    }
}
