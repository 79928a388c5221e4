package cn.wushe.documents.web;

import cn.wushe.documents.internal.DocumentVerification;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import cn.wushe.platform.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 证明核验: the page a document's QR code opens, for anyone (usually WeChat's scanner on a phone).
 * Public on purpose (SecurityConfiguration.PUBLIC, ArchitectureTests.PUBLIC_PATHS): it shows only
 * the claims the document makes publicly, and only for a correctly signed serial. Each client
 * address has a small budget of checks (20 at once, then one every 6 seconds, so a
 * phone scanning a stack of certificates is never refused but nobody walks the serial space);
 * beyond it, 429 with Retry-After on the page of its own.
 */
@Controller
class VerificationPages {

    static final int TOKEN_MAX = 80;

    private final DocumentVerification verification;
    private final RateLimits limits;
    private final RateLimits.Budget budget;

    VerificationPages(DocumentVerification verification, RateLimits limits,
            @Value("${wushe.documents.verify.burst:20}") int burst,
            @Value("${wushe.documents.verify.per-minute:10}") int perMinute) {
        this.verification = verification;
        this.limits = limits;
        this.budget = RateLimits.Budget.of("documents.verify", burst, Duration.ofMinutes(1).dividedBy(perMinute))
                .shownOn("documents/too-many");
    }

    @GetMapping("/verify/{token}")
    String verify(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        limits.take(budget, request.getRemoteAddr());
        // a token longer than any we sign is forged without looking further
        DocumentVerification.Verification result = token.length() > TOKEN_MAX
                ? verification.verify("") : verification.verify(token);
        model.addAttribute("result", result);
        return "documents/verify";
    }
}
