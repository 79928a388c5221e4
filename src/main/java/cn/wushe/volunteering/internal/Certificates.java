package cn.wushe.volunteering.internal;

import cn.wushe.documents.DocumentKind;
import cn.wushe.documents.Documents;
import cn.wushe.documents.IssuedDocument;
import cn.wushe.documents.PrintedContent;
import cn.wushe.documents.PublicClaims;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 志愿服务记录证明 of the volunteer's confirmed hours, issued by the documents service: the public
 * verification shows the masked name and the hours, the paper the full name and the masked number.
 */
@Service
public class Certificates {

    public static final DocumentKind VOLUNTEER_HOURS = DocumentKind.certificate("VOLUNTEER_HOURS");

    private final JdbcClient jdbc;
    private final Activities activities;
    private final Volunteers volunteers;
    private final HoursLedger ledger;
    private final Documents documents;
    private final Clock clock;
    private final Regions regions;

    Certificates(JdbcClient jdbc, Activities activities, Volunteers volunteers, HoursLedger ledger, Documents documents,
            Clock clock, Regions regions) {
        this.regions = regions;
        this.jdbc = jdbc;
        this.activities = activities;
        this.volunteers = volunteers;
        this.ledger = ledger;
        this.documents = documents;
        this.clock = clock;
    }

    /** The signed-in volunteer's certificate of all confirmed hours; refused when there are none. */
    @Transactional
    public IssuedDocument issueOwn(Actor actor) {
        Volunteers.Ref me = activities.self(actor);
        long minutes = ledger.totalMinutes(me.countyCode(), me.id());
        if (minutes <= 0) {
            throw DomainException.conflict(ProblemType.NO_CONFIRMED_HOURS, "hours", Messages.text("volunteering.certificate.no-hours"));
        }
        LocalDate today = LocalDate.now(clock.withZone(Times.CHINA));
        LocalDate first = jdbc.sql("""
                select min(period_start) from volunteering.hours_ledger where county_code = :county and volunteer_id = :id
                  and kind = 'CONFIRMED' and minutes > 0""").param("county", me.countyCode()).param("id", me.id())
                .query(java.sql.Timestamp.class).optional().map(t -> LocalDate.ofInstant(t.toInstant(), Times.CHINA)).orElse(today);
        String hours = HoursFormat.hours(minutes);
        List<String> facts = List.of(Messages.text("volunteering.certificate.fact-hours", hours),
                Messages.text("volunteering.certificate.fact-period", first.toString(), today.toString()));
        PublicClaims claims = PublicClaims.about(me.realName(), facts, Messages.text("volunteering.certificate.issuer"),
                regions.find(me.communityCode()).map(Region::fullName).orElse(me.communityCode()), null);
        PrintedContent content = new PrintedContent(me.realName(),
                List.of(Messages.text("volunteering.certificate.body", me.realName(), first.toString(), today.toString(), hours)),
                List.of(new PrintedContent.Particular(Messages.text("volunteering.certificate.name"), me.realName()),
                        new PrintedContent.Particular(Messages.text("volunteering.certificate.id-number"),
                                volunteers.maskedIdentityNumber(me)),
                        new PrintedContent.Particular(Messages.text("volunteering.certificate.hours"), hours)));
        IssuedDocument issued = documents.issue(actor, VOLUNTEER_HOURS, me.communityCode(), claims, content);
        jdbc.sql("""
                insert into volunteering.certificates (county_code, serial, volunteer_id, minutes, period_from, period_to, issued_at)
                values (:county, :serial, :id, :minutes, :from, :to, :at)""")
                .param("county", me.countyCode()).param("serial", issued.serial()).param("id", me.id())
                .param("minutes", minutes).param("from", first).param("to", today).param("at", Times.ts(clock.instant()))
                .update();
        return issued;
    }
}
