package cn.wushe.organizations.web;

import cn.wushe.documents.IssuedDocument;
import cn.wushe.organizations.internal.Incubation;
import cn.wushe.organizations.internal.OrganizationQueries;
import cn.wushe.organizations.internal.OrganizationRegister;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.units.UnitId;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of an organization's page for the bureau (ORG_MANAGE): the 1A–5A grade, the year's
 * 年报 result, each step of incubation (进驻—孵化—评估—出壳); and the abnormal list (活动异常名录)
 * for readers of the register. Each form comes back to the organization with 已完成 or the refusal.
 */
@Controller
class OrganizationRecordPages {

    private final OrganizationRegister register;
    private final OrganizationQueries queries;
    private final Incubation incubation;

    OrganizationRecordPages(OrganizationRegister register, OrganizationQueries queries, Incubation incubation) {
        this.register = register;
        this.queries = queries;
        this.incubation = incubation;
    }

    @GetMapping("/organizations/abnormal")
    @PreAuthorize("hasAuthority('ORG_VIEW')")
    String abnormal(Model model) {
        model.addAttribute("entries", queries.abnormalList(CurrentActor.get(), 200));
        return "organizations/abnormal";
    }

    @PostMapping("/organizations/{id}/grade")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    String grade(@PathVariable String id, @RequestParam(required = false) @Nullable Integer grade,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validUntil,
            RedirectAttributes redirect) {
        return act(redirect, id, unit -> {
            if (grade == null || validUntil == null) {
                throw DomainException.invalid("grade", Messages.text("organizations.organization.grade"));
            }
            register.grade(CurrentActor.get(), unit, grade, validUntil);
            return Messages.text("organizations.page.done");
        });
    }

    @PostMapping("/organizations/{id}/annual-reports")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    String annualReport(@PathVariable String id, @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String result, RedirectAttributes redirect) {
        return act(redirect, id, unit -> {
            if (year == null || result == null) {
                throw DomainException.invalid("result", Messages.text("organizations.annual.result"));
            }
            register.annualReport(CurrentActor.get(), unit, year, result);
            return Messages.text("organizations.page.done");
        });
    }

    @PostMapping("/organizations/{id}/incubation/{step}")
    @PreAuthorize("hasAuthority('ORG_MANAGE')")
    String incubation(@PathVariable String id, @PathVariable String step,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate termUntil,
            @RequestParam(required = false) @Nullable String place, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable String reason,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, id, unit -> {
            var actor = CurrentActor.get();
            switch (step) {
                case "apply" -> incubation.apply(actor, unit);
                case "admit" -> incubation.admit(actor, unit, termUntil, place);
                case "service" -> incubation.logService(actor, unit, kind, note);
                case "evaluate" -> {
                    Map<String, Boolean> checklist = new LinkedHashMap<>();
                    Incubation.CHECKLIST.forEach(item -> checklist.put(item, "true".equals(form.get("check_" + item))));
                    incubation.evaluate(actor, unit, checklist);
                }
                case "extend" -> incubation.extend(actor, unit, termUntil);
                case "exit" -> incubation.exit(actor, unit, reason);
                case "graduate" -> {
                    IssuedDocument doc = incubation.graduate(actor, unit);
                    return Messages.text("organizations.incubation.graduated", doc.serial());
                }
                default -> throw DomainException.invalid("step", Messages.text("organizations.incubation.stage"));
            }
            return Messages.text("organizations.page.done");
        });
    }

    private static String act(RedirectAttributes redirect, String id, java.util.function.Function<UnitId, String> action) {
        UnitId unit = OrganizationApi.parse(id);
        Supplier<String> run = () -> action.apply(unit);
        try {
            redirect.addFlashAttribute("notice", run.get());
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", FormRefusal.unlessPageRefused(e).message());
        }
        return "redirect:/organizations/" + unit;
    }
}
