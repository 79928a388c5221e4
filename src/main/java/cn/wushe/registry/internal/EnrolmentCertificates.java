package cn.wushe.registry.internal;

import cn.wushe.documents.ChineseDates;
import cn.wushe.documents.DocumentKind;
import cn.wushe.documents.Documents;
import cn.wushe.documents.IssuedDocument;
import cn.wushe.documents.PrintedContent;
import cn.wushe.documents.PrintedContent.Particular;
import cn.wushe.documents.PublicClaims;
import cn.wushe.platform.Actor;
import cn.wushe.platform.ClockConfiguration;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.personal.Masking;
import cn.wushe.region.Region;
import cn.wushe.region.Regions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 在册证明: a resident downloads a proof that they are registered in the county. The categories
 * (低保, 特困, 残疾 …) tell of income and health, which PIPL counts as sensitive, so they are printed
 * on the paper the resident hands over but never published: whoever scans the QR code sees only
 * the masked name and "在册" with the date, the county and the issuer.
 */
@Service
public class EnrolmentCertificates {

    public static final DocumentKind KIND = DocumentKind.certificate("REGISTRY_ENROLMENT");
    /** A proof of a current state goes stale; three months is what offices usually accept. */
    static final int VALID_MONTHS = 3;

    private final SelfService selfService;
    private final Documents documents;
    private final Regions regions;
    private final Clock clock;

    EnrolmentCertificates(SelfService selfService, Documents documents, Regions regions, Clock clock) {
        this.selfService = selfService;
        this.documents = documents;
        this.regions = regions;
        this.clock = clock;
    }

    /** Issues the signed-in resident's proof of registration; refused when they hold no current category. */
    @Transactional
    public IssuedDocument issueForMe(Actor resident) {
        PersonView me = selfService.myRecord(resident)
                .orElseThrow(() -> DomainException.notFound(Messages.text("registry.subject.own-record")));
        List<PersonView.CategoryView> current = me.categories() == null ? List.of()
                : me.categories().stream().filter(PersonView.CategoryView::current).toList();
        if (me.closed() != null || current.isEmpty()) {
            throw new DomainException(ProblemType.NOT_ENROLLED, Messages.text("registry.certificate.not-enrolled"));
        }
        LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.ZONE));
        String countyCode = me.communityCode().substring(0, 6);
        String county = regions.find(countyCode).map(Region::name).orElse(countyCode);
        String community = county + regions.find(me.communityCode().substring(0, 9)).map(Region::name).orElse("")
                + regions.find(me.communityCode()).map(Region::name)
                        .orElse(Objects.requireNonNullElse(me.communityName(), me.communityCode()));
        String categories = String.join("、", current.stream().map(PersonView.CategoryView::name).toList());
        LocalDate since = current.stream().map(PersonView.CategoryView::startDate).min(Comparator.naturalOrder()).orElse(today);
        String issuer = Messages.text("registry.certificate.issuer", county);

        PublicClaims claims = PublicClaims.about(me.name(),
                List.of(Messages.text("registry.certificate.fact", ChineseDates.format(today))), issuer, county,
                today.plusMonths(VALID_MONTHS));
        PrintedContent content = new PrintedContent(me.name(), List.of(
                Messages.text("registry.certificate.body", me.name(), community, ChineseDates.format(today), county, categories),
                Messages.text("registry.certificate.purpose"),
                Messages.text("registry.certificate.closing")), List.of(
                new Particular(Messages.text("registry.certificate.name"), me.name()),
                new Particular(me.idDocType(), Masking.identityNumber(me.idNumber())),
                new Particular(Messages.text("registry.certificate.community"), community),
                new Particular(Messages.text("registry.certificate.categories"), categories),
                new Particular(Messages.text("registry.certificate.since"), ChineseDates.format(since))));
        return documents.issue(resident, KIND, me.communityCode(), claims, content);
    }
}
