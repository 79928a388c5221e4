package cn.wushe.requests.web;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import cn.wushe.requests.internal.MonthlyFigures;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 诉求月度统计 per unit: the page, its Excel download and the same figures as JSON. */
@Controller
class FiguresPages {

    private final MonthlyFigures figures;
    private final Clock clock;

    FiguresPages(MonthlyFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/matters/figures")
    @PreAuthorize("hasAuthority('MATTER_SUPERVISE')")
    String page(@RequestParam(required = false) @Nullable String month, Model model) {
        YearMonth chosen = month(month);
        model.addAttribute("figures", figures.of(CurrentActor.get(), county(CurrentActor.get()), chosen));
        model.addAttribute("previous", chosen.minusMonths(1));
        model.addAttribute("next", chosen.plusMonths(1));
        return "requests/figures";
    }

    @GetMapping("/matters/figures.xlsx")
    @PreAuthorize("hasAuthority('MATTER_SUPERVISE')")
    void excel(@RequestParam(required = false) @Nullable String month, HttpServletResponse response) {
        YearMonth chosen = month(month);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(Messages.text("requests.figures.sheet", chosen.toString()) + ".xlsx", StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        try {
            figures.export(CurrentActor.get(), county(CurrentActor.get()), chosen, response.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/matter-figures")
    @PreAuthorize("hasAuthority('MATTER_SUPERVISE')")
    @ResponseBody
    @Operation(summary = "诉求月度统计：各单位受理数、响应率、解决率、满意率、按时办结率、平均办理工作日等（次月 1 日冻结）")
    MonthlyFigures.Figures api(@RequestParam(required = false) @Nullable String month) {
        return figures.of(CurrentActor.get(), county(CurrentActor.get()), month(month));
    }

    private YearMonth month(@Nullable String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(clock.instant().atZone(cn.wushe.platform.ClockConfiguration.ZONE));
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("month", Messages.text("requests.figures.month-invalid"));
        }
    }

    private static String county(Actor actor) {
        List<RegionScope> scopes = actor.scopesFor(Permission.MATTER_SUPERVISE);
        if (scopes.isEmpty()) {
            throw DomainException.notFound(Messages.text("requests.object.figures"));
        }
        return scopes.get(0).code().substring(0, 6);
    }
}
