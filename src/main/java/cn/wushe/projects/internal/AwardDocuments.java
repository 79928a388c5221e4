package cn.wushe.projects.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.documents.DocumentKind;
import cn.wushe.documents.Documents;
import cn.wushe.documents.IssuedDocument;
import cn.wushe.documents.PrintedContent;
import cn.wushe.documents.PublicClaims;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.region.Regions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a selection leaves on paper: after publicity each winner's certificate (closing the
 * selection), then the compiled PDF (汇编) of the winners, both through {@code documents}; and the
 * winners for the public page. Organizations, titles and summaries only: no person.
 */
@Service
public class AwardDocuments {

    public static final DocumentKind CERTIFICATE = DocumentKind.certificate("AWARD_CERTIFICATE");
    public static final DocumentKind COMPILATION = DocumentKind.receipt("AWARD_COMPILATION");

    private final Awards awards;
    private final ProjectStore store;
    private final Documents documents;
    private final Regions regions;
    private final AuditLog audit;

    AwardDocuments(Awards awards, ProjectStore store, Documents documents, Regions regions, AuditLog audit) {
        this.awards = awards;
        this.store = store;
        this.documents = documents;
        this.regions = regions;
        this.audit = audit;
    }

    /** After publicity: issues each winner's certificate (PDF, QR code) and closes the selection. */
    @Transactional
    public Awards.Selection close(Actor actor, UUID selectionId) {
        Awards.Selection s = awards.managed(actor, selectionId, "PUBLICITY");
        if (s.publicityUntil() != null && !awards.today().isAfter(s.publicityUntil())) {
            throw new DomainException(ProblemType.WINDOW_CLOSED, Messages.text("projects.award.publicity-running",
                    s.publicityUntil().toString()));
        }
        String region = regionName(s.countyCode());
        for (Awards.Nomination n : awards.nominations(selectionId)) {
            if (!n.winner()) {
                continue;
            }
            String title = Messages.text("projects.award.title", s.year(), s.categoryLabel());
            IssuedDocument doc = documents.issue(actor, CERTIFICATE, s.countyCode(),
                    new PublicClaims(n.nominee(), List.of(shorten(title, 60)), issuer(region), region, null),
                    new PrintedContent(n.nominee(), List.of(Messages.text("projects.award.certificate-body", n.nominee(),
                            n.ownerName(), title)), List.of(
                            new PrintedContent.Particular(Messages.text("projects.award.owner-label"), n.ownerName()),
                            new PrintedContent.Particular(Messages.text("projects.award.rank-label"), String.valueOf(n.rank())))));
            store.jdbc().sql("update projects.award_nominations set certificate_serial = :serial where id = :id")
                    .param("serial", doc.serial()).param("id", n.id()).update();
        }
        store.jdbc().sql("update projects.award_selections set status = 'CLOSED' where id = :id").param("id", selectionId).update();
        audit.record(AuditEvent.success("AWARD_CLOSE", "AWARD", selectionId.toString(), s.countyCode()));
        return awards.selection(actor, selectionId);
    }

    /** The compiled PDF (汇编) of a closed selection's winners: names, organizations, scores and summaries. */
    @Transactional
    public IssuedDocument compilation(Actor actor, UUID selectionId) {
        Awards.Selection s = awards.selection(actor, selectionId);
        if (!s.status().equals("CLOSED")) {
            throw new DomainException(ProblemType.APPLICATION_STATUS, Messages.text("projects.award.not-closed"));
        }
        String region = regionName(s.countyCode());
        String title = Messages.text("projects.award.title", s.year(), s.categoryLabel());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(Messages.text("projects.award.compilation-intro", region, title));
        List<PrintedContent.Particular> rows = new ArrayList<>();
        for (Awards.Nomination n : awards.nominations(selectionId)) {
            if (n.winner()) {
                paragraphs.add(Messages.text("projects.award.compilation-entry", n.rank(), n.nominee(), n.ownerName(),
                        n.summary()));
                rows.add(new PrintedContent.Particular(n.nominee(), n.ownerName() + " · "
                        + Messages.text("projects.award.mean", n.meanScore())));
            }
        }
        IssuedDocument doc = documents.issue(actor, COMPILATION, s.countyCode(),
                new PublicClaims(shorten(title, 40), List.of(Messages.text("projects.award.compilation-fact", rows.size())),
                        issuer(region), region, null),
                new PrintedContent(title, paragraphs, rows));
        audit.record(AuditEvent.success("AWARD_COMPILE", "AWARD", selectionId.toString(), s.countyCode())
                .withDetail(doc.serial()));
        return doc;
    }

    /** Closed selections' winners of a county for the public page. */
    public List<Map.Entry<Awards.Selection, List<Awards.Nomination>>> publicWinners(String countyCode) {
        return store.jdbc().sql("select s.* from projects.award_selections s where s.county_code = :c and s.status <> 'NOMINATING' "
                        + "order by s.year desc, s.category").param("c", countyCode).query(Awards::selection).list().stream()
                .map(s -> Map.entry(s, awards.nominations(s.id()).stream().filter(Awards.Nomination::winner).toList())).toList();
    }

    private String regionName(String county) {
        return regions.find(county).map(r -> r.fullName()).orElse(county);
    }

    private static String issuer(String region) {
        return Messages.text("projects.award.issuer", region);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
