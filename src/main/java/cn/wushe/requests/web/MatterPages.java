package cn.wushe.requests.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.platform.web.FormRefusal;
import cn.wushe.registry.RevealReasons;
import cn.wushe.requests.internal.Catalogue;
import cn.wushe.requests.internal.CatalogueItem;
import cn.wushe.requests.internal.Channel;
import cn.wushe.requests.internal.Level;
import cn.wushe.requests.internal.Matter;
import cn.wushe.requests.internal.MatterIntake;
import cn.wushe.requests.internal.MatterOutcome;
import cn.wushe.requests.internal.MatterQueries;
import cn.wushe.requests.internal.MatterRouting;
import cn.wushe.requests.internal.MatterScope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The matter pages (诉求办理): the lists, the intake form (a resident's own, or a worker's for a
 * walk-in, at home, by proxy or as a report), and the matter with its timeline and the steps the
 * reader may take. Refusals stay on the page beside the fields they name.
 */
@Controller
class MatterPages {

    private final MatterIntake intake;
    private final MatterRouting routing;
    private final MatterOutcome outcome;
    private final MatterQueries queries;
    private final MatterScope scope;
    private final Catalogue catalogue;
    private final Clock clock;

    MatterPages(MatterIntake intake, MatterRouting routing, MatterOutcome outcome, MatterQueries queries, MatterScope scope,
            Catalogue catalogue, Clock clock) {
        this.intake = intake;
        this.routing = routing;
        this.outcome = outcome;
        this.queries = queries;
        this.scope = scope;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/matters")
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(required = false) @Nullable String box, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) @Nullable String number, Model model) {
        Actor actor = CurrentActor.get();
        String chosen = box != null ? box : actor.can(Permission.MATTER_HANDLE) ? "INBOX" : "MINE";
        model.addAttribute("box", chosen);
        model.addAttribute("handles", actor.can(Permission.MATTER_HANDLE));
        model.addAttribute("submits", actor.can(Permission.MATTER_SUBMIT));
        model.addAttribute("number", number == null ? "" : number.strip());
        Page<MatterQueries.Row> result;
        try {
            result = queries.list(actor, MatterApi.filter(chosen, null, false, page, 20, number));
        } catch (DomainException e) {
            String numberError = e.fieldErrors().get("number");
            if (numberError == null) {
                throw e;
            }
            // a mistyped number: the form says so beside the field, and the list shows nothing rather than everything
            model.addAttribute("numberError", numberError);
            result = Page.counted(java.util.List.of(), 0, 0, 20);
        }
        model.addAttribute("result", result);
        model.addAttribute("moreThanCounted", MatterQueries.moreThanCounted(result));
        model.addAttribute("countLimit", MatterQueries.COUNT_LIMIT);
        model.addAttribute("now", clock.instant());
        return "requests/matters";
    }

    @GetMapping("/matters/new")
    @PreAuthorize("hasAuthority('MATTER_SUBMIT')")
    String newMatter(@RequestParam(required = false) @Nullable String item, Model model) {
        return form(model, item, Map.of(), Map.of());
    }

    private String form(Model model, @Nullable String itemCode, Map<String, String> values, Map<String, String> errors) {
        Actor actor = CurrentActor.get();
        String region = values.getOrDefault("regionCode", defaultRegion(actor));
        String county = region.length() >= 6 ? region.substring(0, 6) : "";
        CatalogueItem item = null;
        if (itemCode != null && !itemCode.isBlank()) {
            item = catalogue.activeByCode(county, itemCode).orElse(null);
        }
        boolean staff = region.length() >= 12 && actor.can(Permission.PERSON_VIEW, region);
        List<Channel> channels = new ArrayList<>();
        if (item != null) {
            for (Channel c : Channel.values()) {
                if (item.takes(c) && c.onBehalf() == staff) {
                    channels.add(c);
                }
            }
        }
        model.addAttribute("item", item);
        model.addAttribute("items", catalogue.byCategory(county));
        model.addAttribute("staff", staff);
        model.addAttribute("channels", channels);
        model.addAttribute("values", values);
        model.addAttribute("region", region);
        model.addAttribute("errors", errors);
        return "requests/matter-form";
    }

    private static String defaultRegion(Actor actor) {
        List<RegionScope> scopes = actor.scopesFor(Permission.MATTER_SUBMIT);
        return scopes.isEmpty() ? "" : scopes.get(0).code();
    }

    @PostMapping("/matters")
    @PreAuthorize("hasAuthority('MATTER_SUBMIT')")
    String submit(MultipartHttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> values.put(k, v.length == 0 ? "" : v[0]));
        String itemCode = values.get("item");
        try {
            List<Integer> conditions = new ArrayList<>();
            String[] confirmed = request.getParameterValues("conditions");
            if (confirmed != null) {
                for (String c : confirmed) {
                    conditions.add(Integer.parseInt(c));
                }
            }
            Map<String, MatterIntake.MaterialInput> materials = new LinkedHashMap<>();
            String county = values.getOrDefault("regionCode", "").length() >= 6 ? values.get("regionCode").substring(0, 6) : "";
            catalogue.activeByCode(county, itemCode == null ? "" : itemCode).ifPresent(item -> item.materials().forEach(m ->
                    materials.put(m.code(), new MatterIntake.MaterialInput("on".equals(values.get("desk-" + m.code())),
                            upload(request.getFile("file-" + m.code()))))));
            Matter m = intake.submit(CurrentActor.get(), new MatterIntake.Intake(itemCode, values.get("channel"),
                    values.get("regionCode"), values.get("description"), values.get("applicantName"),
                    values.get("applicantPhone"), values.get("personId"), values.get("proxyName"), values.get("proxyRelation"),
                    upload(request.getFile("consent")), conditions, materials, number(values.get("latitude")),
                    number(values.get("longitude"))));
            redirect.addFlashAttribute("notice", Messages.text("requests.page.submitted", m.number()));
            return "redirect:/matters/" + m.id();
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            return form(model, itemCode, values, refusal.errors());
        }
    }

    @GetMapping("/matters/{id}")
    @PreAuthorize("isAuthenticated()")
    String matter(@PathVariable String id, Model model) {
        return detail(model, MatterApi.parse(id), Map.of());
    }

    @PostMapping("/matters/{id}/reveal")
    @PreAuthorize("hasAnyAuthority('MATTER_HANDLE', 'PII_UNMASK')")
    String reveal(@PathVariable String id, @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String note, HttpServletResponse response, Model model) {
        UUID uuid = MatterApi.parse(id);
        response.setHeader("Cache-Control", "no-store");
        try {
            model.addAttribute("revealed", queries.reveal(CurrentActor.get(), uuid, reason, note));
            return detail(model, uuid, Map.of());
        } catch (DomainException e) {
            FormRefusal.unlessPageRefused(e).statusOn(response);
            model.addAttribute("revealError", e.getMessage());
            return detail(model, uuid, Map.of());
        }
    }

    private String detail(Model model, UUID id, Map<String, String> errors) {
        Actor actor = CurrentActor.get();
        MatterQueries.Detail d = queries.detail(actor, id);
        boolean handles = scope.handlesFor(actor, d.unitId());
        model.addAttribute("m", d);
        model.addAttribute("late", queries.lateNow(d));
        model.addAttribute("handles", handles);
        model.addAttribute("applicant", actor.id().equals(d.applicantUserId()));
        model.addAttribute("taker", actor.id().equals(d.submittedBy()));
        model.addAttribute("staff", actor.can(Permission.MATTER_HANDLE) || actor.can(Permission.MATTER_SUPERVISE));
        model.addAttribute("targets", handles ? routing.forwardTargets(d.regionCode(), Level.valueOf(d.level())) : List.of());
        model.addAttribute("item", catalogue.version(d.countyCode(), d.itemId()).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("mayReveal", handles || actor.can(Permission.PII_UNMASK, d.regionCode()));
        model.addAttribute("revealReasons", RevealReasons.options());
        return "requests/matter";
    }

    @PostMapping("/matters/{id}/sign")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    String sign(@PathVariable String id, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return step(id, response, model, redirect, "requests.page.signed", uuid -> routing.signFor(CurrentActor.get(), uuid));
    }

    @PostMapping("/matters/{id}/decline")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    String decline(@PathVariable String id, @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String rightUnitId, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return step(id, response, model, redirect, "requests.page.declined",
                uuid -> routing.decline(CurrentActor.get(), uuid, reason, rightUnitId));
    }

    @PostMapping("/matters/{id}/forward")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    String forward(@PathVariable String id, @RequestParam(required = false) @Nullable String targetUnitId,
            @RequestParam(required = false) @Nullable String note, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return step(id, response, model, redirect, "requests.page.forwarded",
                uuid -> routing.forward(CurrentActor.get(), uuid, targetUnitId, note));
    }

    @PostMapping("/matters/{id}/send-back")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    String sendBack(@PathVariable String id, @RequestParam(required = false) @Nullable String reason,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return step(id, response, model, redirect, "requests.page.sent-back",
                uuid -> routing.sendBack(CurrentActor.get(), uuid, reason));
    }

    @PostMapping("/matters/{id}/merge")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    String merge(@PathVariable String id, @RequestParam(required = false) @Nullable String into,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return step(id, response, model, redirect, "requests.page.merged", uuid -> routing.merge(CurrentActor.get(), uuid, into));
    }

    @PostMapping("/matters/{id}/return")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    String returnForMaterials(@PathVariable String id, @RequestParam Map<String, String> params,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        List<MatterOutcome.Problem> problems = new ArrayList<>();
        params.forEach((k, v) -> {
            if (k.startsWith("problem-") && v != null && !v.isBlank()) {
                problems.add(new MatterOutcome.Problem(k.substring("problem-".length()), v));
            }
        });
        return step(id, response, model, redirect, "requests.page.returned",
                uuid -> outcome.returnForMaterials(CurrentActor.get(), uuid, problems, params.get("note")));
    }

    @PostMapping("/matters/{id}/resubmit")
    @PreAuthorize("isAuthenticated()")
    String resubmit(@PathVariable String id, MultipartHttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Map<String, MatterIntake.Upload> files = new LinkedHashMap<>();
        request.getFileMap().forEach((name, file) -> {
            MatterIntake.Upload upload = upload(file);
            if (upload != null) {
                files.put(name, upload);
            }
        });
        return step(id, response, model, redirect, "requests.page.resubmitted",
                uuid -> outcome.resubmit(CurrentActor.get(), uuid, files, request.getParameter("note")));
    }

    @PostMapping("/matters/{id}/close")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    String close(@PathVariable String id, MultipartHttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        List<MatterIntake.Upload> files = request.getFiles("resultFiles").stream().map(MatterPages::upload)
                .filter(java.util.Objects::nonNull).toList();
        return step(id, response, model, redirect, "requests.page.closed",
                uuid -> outcome.close(CurrentActor.get(), uuid, request.getParameter("result"), files));
    }

    @PostMapping("/matters/{id}/reject")
    @PreAuthorize("hasAuthority('MATTER_HANDLE')")
    String reject(@PathVariable String id, @RequestParam(required = false) @Nullable String reason,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return step(id, response, model, redirect, "requests.page.rejected", uuid -> outcome.reject(CurrentActor.get(), uuid, reason));
    }

    @PostMapping("/matters/{id}/rate")
    @PreAuthorize("isAuthenticated()")
    String rate(@PathVariable String id, @RequestParam(required = false) @Nullable Integer rating,
            @RequestParam(required = false) @Nullable String comment, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return step(id, response, model, redirect, "requests.page.rated", uuid -> {
            if (rating == null) {
                throw DomainException.invalid("rating", Messages.text("requests.rating.range"));
            }
            return outcome.rate(CurrentActor.get(), uuid, rating, comment);
        });
    }

    @PostMapping("/matters/{id}/reopen")
    @PreAuthorize("isAuthenticated()")
    String reopen(@PathVariable String id, @RequestParam(required = false) @Nullable String reason,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return step(id, response, model, redirect, "requests.page.reopened", uuid -> outcome.reopen(CurrentActor.get(), uuid, reason));
    }

    @PostMapping("/matters/{id}/follow-ups")
    @PreAuthorize("hasAnyAuthority('MATTER_HANDLE', 'MATTER_SUPERVISE')")
    String followUp(@PathVariable String id, @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable Integer phoneRating, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return step(id, response, model, redirect, "requests.page.followed-up",
                uuid -> outcome.followUp(CurrentActor.get(), uuid, note, phoneRating));
    }

    private String step(String id, HttpServletResponse response, Model model, RedirectAttributes redirect, String noticeKey,
            java.util.function.Function<UUID, Matter> action) {
        UUID uuid = MatterApi.parse(id);
        try {
            Matter m = action.apply(uuid);
            redirect.addFlashAttribute("notice", Messages.text(noticeKey, m.number()));
            return "redirect:/matters/" + uuid;
        } catch (DomainException e) {
            FormRefusal refusal = FormRefusal.unlessPageRefused(e).statusOn(response);
            return detail(model, uuid, refusal.errors());
        }
    }

    static MatterIntake.@Nullable Upload upload(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return new MatterIntake.Upload(file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable Double number(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
