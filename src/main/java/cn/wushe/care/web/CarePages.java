package cn.wushe.care.web;

import cn.wushe.care.internal.Alert;
import cn.wushe.care.internal.Alerts;
import cn.wushe.care.internal.Aspect;
import cn.wushe.care.internal.AssistKind;
import cn.wushe.care.internal.Assists;
import cn.wushe.care.internal.CarePeople;
import cn.wushe.care.internal.Finding;
import cn.wushe.care.internal.Pairing;
import cn.wushe.care.internal.Pairings;
import cn.wushe.care.internal.ResourceKind;
import cn.wushe.care.internal.RiskFactor;
import cn.wushe.care.internal.Subject;
import cn.wushe.care.internal.Subjects;
import cn.wushe.care.internal.Tier;
import cn.wushe.care.internal.TierAssessment;
import cn.wushe.care.internal.TierSuggestion;
import cn.wushe.care.internal.VisitDraft;
import cn.wushe.care.internal.Visiting;
import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.Text;
import cn.wushe.platform.web.FormRefusal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Care's pages, phone first: the due list (今日/本周/逾期) with a 走访 button per person; the visit
 * form with every 五了解 preselected 正常, so a visit that finds nothing is two taps from the list;
 * a person's page (tier and assessment, pairing, visits, open 四协助 items, alerts); alerts with
 * their disposition; tier approvals.
 */
@Controller
class CarePages {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CarePeople people;
    private final Subjects subjects;
    private final Visiting visiting;
    private final TierAssessment tiers;
    private final Pairings pairings;
    private final Assists assists;
    private final Alerts alerts;
    private final cn.wushe.care.internal.CareDashboard dashboard;
    private final cn.wushe.care.internal.Casework casework;
    private final cn.wushe.care.internal.CareTeams teams;
    private final Clock clock;

    CarePages(CarePeople people, Subjects subjects, Visiting visiting, TierAssessment tiers, Pairings pairings,
            Assists assists, Alerts alerts, cn.wushe.care.internal.CareDashboard dashboard,
            cn.wushe.care.internal.Casework casework, cn.wushe.care.internal.CareTeams teams, Clock clock) {
        this.casework = casework;
        this.teams = teams;
        this.dashboard = dashboard;
        this.people = people;
        this.subjects = subjects;
        this.visiting = visiting;
        this.tiers = tiers;
        this.pairings = pairings;
        this.assists = assists;
        this.alerts = alerts;
        this.clock = clock;
    }

    static Instant endOfToday(Instant now) {
        return LocalDate.ofInstant(now, CHINA).plusDays(1).atStartOfDay(CHINA).toInstant();
    }

    @GetMapping("/care")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT')")
    String due(@RequestParam(defaultValue = "TODAY") Subjects.Due which, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Actor actor = CurrentActor.get();
        Instant now = clock.instant();
        model.addAttribute("which", which);
        model.addAttribute("tabs", List.of(Subjects.Due.TODAY, Subjects.Due.WEEK, Subjects.Due.OVERDUE, Subjects.Due.ALL,
                Subjects.Due.UNASSESSED));
        model.addAttribute("result", subjects.due(actor, which, null, now, endOfToday(now), Math.max(page, 0), 20));
        model.addAttribute("now", now);
        model.addAttribute("openAlerts", alerts.list(actor, true, 0, 1).count());
        return "care/due";
    }

    @GetMapping("/care/dashboard")
    @PreAuthorize("hasAuthority('CARE_VIEW')")
    String dashboard(Model model) {
        model.addAttribute("f", dashboard.figures(CurrentActor.get(), clock.instant()));
        model.addAttribute("tiers", Tier.values());
        return "care/dashboard";
    }

    @GetMapping("/care/people/{personId}")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT')")
    String person(@PathVariable UUID personId, Model model) {
        Actor actor = CurrentActor.get();
        Subject subject = people.forActor(actor, personId);
        return personPage(model, actor, subject, Map.of(), null);
    }

    private String personPage(Model model, Actor actor, Subject subject, Map<String, String> errors, @Nullable String problem) {
        UUID personId = subject.personId();
        model.addAttribute("s", subject);
        model.addAttribute("now", clock.instant());
        model.addAttribute("history", tiers.history(personId));
        model.addAttribute("pending", tiers.pending(personId).orElse(null));
        model.addAttribute("pairing", pairings.active(personId).orElse(null));
        model.addAttribute("visits", visiting.ofPerson(personId, 10));
        model.addAttribute("assists", assists.ofPerson(personId));
        model.addAttribute("alerts", alerts.ofPerson(personId));
        model.addAttribute("factors", RiskFactor.values());
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("consents", Pairing.ConsentHow.values());
        model.addAttribute("aspects", Aspect.values());
        model.addAttribute("mayVisit", visiting.mayVisit(actor, subject));
        model.addAttribute("mayManage", actor.can(Permission.CARE_MANAGE, subject.regionCode()));
        model.addAttribute("mayApprove", actor.can(Permission.CARE_TIER_APPROVE, subject.regionCode()));
        boolean mayCasework = actor.can(Permission.CASEWORK, subject.regionCode());
        model.addAttribute("mayCasework", mayCasework);
        model.addAttribute("cases", mayCasework ? casework.ofPerson(actor, personId) : List.of());
        model.addAttribute("teams", teams.list(actor, personId, 0, 20).items());
        model.addAttribute("teamTypes", teams.types(actor).stream().filter(t -> t.countyCode().equals(subject.countyCode())).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "care/person";
    }

    @GetMapping("/care/people/{personId}/visit")
    @PreAuthorize("hasAuthority('CARE_VISIT')")
    String visitForm(@PathVariable UUID personId, Model model) {
        Actor actor = CurrentActor.get();
        Subject subject = people.forActor(actor, personId);
        if (!visiting.mayVisit(actor, subject)) {
            throw DomainException.forbidden(Messages.text("care.visit.action-record"));
        }
        return visitPage(model, subject, Map.of(), Map.of(), null);
    }

    private String visitPage(Model model, Subject subject, Map<String, String> typed, Map<String, String> errors,
            @Nullable String problem) {
        model.addAttribute("s", subject);
        model.addAttribute("aspects", Aspect.values());
        model.addAttribute("findings", Finding.values());
        model.addAttribute("kinds", AssistKind.values());
        model.addAttribute("resourceKinds", ResourceKind.values());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("clientKey", typed.getOrDefault("clientKey", UUID.randomUUID().toString()));
        return "care/visit";
    }

    @PostMapping("/care/people/{personId}/visit")
    @PreAuthorize("hasAuthority('CARE_VISIT')")
    String visit(@PathVariable UUID personId, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        Subject subject = people.forActor(actor, personId);
        Map<String, String> typed = form.toSingleValueMap();
        Map<Aspect, Finding> findings = new EnumMap<>(Aspect.class);
        for (Aspect aspect : Aspect.values()) {
            String value = typed.get(aspect.field());
            findings.put(aspect, value == null ? Finding.OK : parse(Finding.class, value, Finding.OK));
        }
        List<VisitDraft.AssistDraft> items = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        String kind = Text.trimToNull(typed.get("assistKind"));
        if (kind != null) {
            BigDecimal value = null;
            String rawValue = Text.trimToNull(typed.get("valueYuan"));
            if (rawValue != null) {
                try {
                    value = new BigDecimal(rawValue);
                } catch (NumberFormatException e) {
                    errors.put("valueYuan", Messages.text("care.assist.value-invalid"));
                }
            }
            String resourceKind = Text.trimToNull(typed.get("resourceKind"));
            items.add(new VisitDraft.AssistDraft(parse(AssistKind.class, kind, AssistKind.HAZARD), typed.get("description"),
                    resourceKind == null ? null : parse(ResourceKind.class, resourceKind, ResourceKind.GOODS), null,
                    typed.get("providerText"), value));
        }
        if (!errors.isEmpty()) {
            return visitPage(model, subject, typed, errors, null);
        }
        try {
            visiting.record(actor, personId, new VisitDraft(null, findings, typed.get("notes"), null, null, items, List.of()));
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e);
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            refusal.fieldErrors().forEach((k, v) -> fieldErrors.put(k.replace("assists[0].", ""), v));
            return visitPage(model, subject, typed, fieldErrors, refusal.general());
        }
        redirect.addFlashAttribute("notice", Messages.text("care.visit.recorded", subject.maskedName()));
        return "redirect:/care";
    }

    @PostMapping("/care/people/{personId}/tier")
    @PreAuthorize("hasAuthority('CARE_MANAGE')")
    String assess(@PathVariable UUID personId, @RequestParam(required = false) @Nullable List<String> factors,
            @RequestParam(required = false) @Nullable String tier, @RequestParam(required = false) @Nullable String reason,
            Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        Subject subject = people.forActor(actor, personId);
        List<RiskFactor> chosen = factors == null ? List.of()
                : factors.stream().map(f -> parse(RiskFactor.class, f, null)).filter(java.util.Objects::nonNull).toList();
        Tier target = Text.trimToNull(tier) == null ? null : parse(Tier.class, tier, null);
        try {
            var change = tiers.assess(actor, personId, chosen, target, reason);
            redirect.addFlashAttribute("notice", change.status() == cn.wushe.care.internal.TierChange.Status.PENDING
                    ? Messages.text("care.tier.requested", change.to().label())
                    : Messages.text("care.tier.set", change.to().label(), TierSuggestion.suggest(chosen).label()));
            return "redirect:/care/people/" + personId;
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e);
            return personPage(model, actor, subject, refusal.fieldErrors(), refusal.general());
        }
    }

    @PostMapping("/care/people/{personId}/pairing")
    @PreAuthorize("hasAuthority('CARE_MANAGE')")
    String pair(@PathVariable UUID personId, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        Subject subject = people.forActor(actor, personId);
        Map<String, String> typed = form.toSingleValueMap();
        Map<String, String> errors = new LinkedHashMap<>();
        UUID worker = "on".equals(typed.get("meAsWorker")) ? actor.id() : uuid(typed.get("socialWorker"), "socialWorker", errors);
        List<UUID> volunteers = new ArrayList<>();
        String rawVolunteers = Text.trimToNull(typed.get("volunteers"));
        if (rawVolunteers != null) {
            for (String part : rawVolunteers.split("[\\s,，]+")) {
                UUID id = uuid(part, "volunteers", errors);
                if (id != null) {
                    volunteers.add(id);
                }
            }
        }
        LocalDate consentOn = null;
        String rawDate = Text.trimToNull(typed.get("consentOn"));
        if (rawDate != null) {
            try {
                consentOn = LocalDate.parse(rawDate);
            } catch (java.time.format.DateTimeParseException e) {
                errors.put("consentOn", Messages.text("care.pairing.consent-on-invalid"));
            }
        }
        if (!errors.isEmpty()) {
            return personPage(model, actor, subject, errors, null);
        }
        String how = Text.trimToNull(typed.get("consentHow"));
        try {
            pairings.pair(actor, personId, new Pairings.PairingDraft(worker, volunteers, typed.get("consentBy"), consentOn,
                    how == null ? null : parse(Pairing.ConsentHow.class, how, null), typed.get("reason")));
            redirect.addFlashAttribute("notice", Messages.text("care.pairing.saved"));
            return "redirect:/care/people/" + personId;
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e);
            return personPage(model, actor, subject, refusal.fieldErrors(), refusal.general());
        }
    }

    @PostMapping("/care/assists/{id}/close")
    @PreAuthorize("hasAuthority('CARE_VISIT')")
    String closeAssist(@PathVariable UUID id, @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        var assist = assists.close(CurrentActor.get(), id, outcome, version);
        redirect.addFlashAttribute("notice", Messages.text("care.assist.closed-done", assist.kind().label()));
        return "redirect:/care/people/" + assist.personId();
    }

    @GetMapping("/care/approvals")
    @PreAuthorize("hasAuthority('CARE_TIER_APPROVE')")
    String approvals(Model model) {
        model.addAttribute("changes", tiers.awaiting(CurrentActor.get()));
        return "care/approvals";
    }

    @PostMapping("/care/tier-changes/{id}/decision")
    @PreAuthorize("hasAuthority('CARE_TIER_APPROVE')")
    String decide(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean approve,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        var change = tiers.decide(CurrentActor.get(), id, approve, note);
        redirect.addFlashAttribute("notice", Messages.text(approve ? "care.tier.approved" : "care.tier.rejected",
                change.to().label()));
        return "redirect:/care/approvals";
    }

    @GetMapping("/care/alerts")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT')")
    String alertList(@RequestParam(defaultValue = "true") boolean open, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("open", open);
        model.addAttribute("now", clock.instant());
        model.addAttribute("result", alerts.list(CurrentActor.get(), open, Math.max(page, 0), 20));
        return "care/alerts";
    }

    @GetMapping("/care/alerts/new")
    @PreAuthorize("hasAuthority('CARE_VISIT')")
    String newAlert(Model model) {
        return legworkPage(model, CurrentActor.get(), Map.of(), Map.of(), null);
    }

    private String legworkPage(Model model, Actor actor, Map<String, String> typed, Map<String, String> errors,
            @Nullable String problem) {
        String home = actor.scopesFor(Permission.CARE_VISIT).stream().map(cn.wushe.platform.RegionScope::code)
                .filter(c -> c.length() >= 12).findFirst().orElse("");
        model.addAttribute("typed", typed);
        model.addAttribute("home", typed.getOrDefault("regionCode", home));
        model.addAttribute("severities", Alert.Severity.values());
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "care/alert-new";
    }

    @PostMapping("/care/alerts")
    @PreAuthorize("hasAuthority('CARE_VISIT')")
    String raise(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        Map<String, String> typed = form.toSingleValueMap();
        String severity = typed.get("severity");
        try {
            Alert alert = alerts.raiseFromLegwork(actor, null, typed.get("subjectText"), typed.get("regionCode"),
                    severity == null ? Alert.Severity.MEDIUM : parse(Alert.Severity.class, severity, Alert.Severity.MEDIUM),
                    typed.get("summary"));
            redirect.addFlashAttribute("notice", Messages.text("care.alert.raised"));
            return "redirect:/care/alerts/" + alert.id();
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e);
            return legworkPage(model, actor, typed, refusal.fieldErrors(), refusal.general());
        }
    }

    @GetMapping("/care/alerts/{id}")
    @PreAuthorize("hasAnyAuthority('CARE_VIEW', 'CARE_VISIT')")
    String alert(@PathVariable UUID id, Model model) {
        return alertPage(model, CurrentActor.get(), id, Map.of(), null);
    }

    private String alertPage(Model model, Actor actor, UUID id, Map<String, String> errors, @Nullable String problem) {
        Alert alert = alerts.visible(actor, id).orElseThrow(() -> DomainException.notFound(Messages.text("care.subject.alert")));
        model.addAttribute("a", alert);
        model.addAttribute("now", clock.instant());
        model.addAttribute("subject", alert.personId() == null ? null : subjects.find(alert.personId()).orElse(null));
        model.addAttribute("mayAct", Alerts.mayAct(actor, alert));
        model.addAttribute("dispositions", Alert.Disposition.values());
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "care/alert";
    }

    @PostMapping("/care/alerts/{id}/visited")
    @PreAuthorize("hasAnyAuthority('CARE_VISIT', 'CARE_MANAGE')")
    String alertVisited(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        alerts.markVisited(CurrentActor.get(), id, version);
        redirect.addFlashAttribute("notice", Messages.text("care.alert.visited-done"));
        return "redirect:/care/alerts/" + id;
    }

    @PostMapping("/care/alerts/{id}/close")
    @PreAuthorize("hasAnyAuthority('CARE_VISIT', 'CARE_MANAGE')")
    String closeAlert(@PathVariable UUID id, @RequestParam(required = false) @Nullable String disposition,
            @RequestParam(required = false) @Nullable String reason, @RequestParam(defaultValue = "-1") long version,
            Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        try {
            alerts.close(actor, id, Text.trimToNull(disposition) == null ? null
                    : parse(Alert.Disposition.class, disposition, null), reason, version);
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e);
            return alertPage(model, actor, id, refusal.fieldErrors(), refusal.general());
        }
        redirect.addFlashAttribute("notice", Messages.text("care.alert.closed-done"));
        return "redirect:/care/alerts/" + id;
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String code, @Nullable E fallback) {
        try {
            return Enum.valueOf(type, code.strip());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static @Nullable UUID uuid(@Nullable String raw, String field, Map<String, String> errors) {
        String text = Text.trimToNull(raw);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            errors.put(field, Messages.text("care.pairing.user-id-invalid"));
            return null;
        }
    }
}
