package cn.wushe.documents.web;

import cn.wushe.documents.internal.DocumentVerification;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 证明核验: the page a document's QR code opens, for anyone (usually WeChat's scanner on a phone).
 * Public on purpose (SecurityConfiguration.PUBLIC, ArchitectureTests.PUBLIC_PATHS): it shows only
 * the claims the document makes publicly, and only for a correctly signed serial. Each client
 * address has a small budget of checks ({@link VerificationBudget}); beyond it, 429 with Retry-After.
 */
@Controller
class VerificationPages {

    static final int TOKEN_MAX = 80;

    private final DocumentVerification verification;
    private final VerificationBudget budget;

    VerificationPages(DocumentVerification verification, VerificationBudget budget) {
        this.verification = verification;
        this.budget = budget;
    }

    @GetMapping("/verify/{token}")
    String verify(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        Optional<Duration> wait = budget.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toNanosPart() > 0 ? 1 : 0));
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            model.addAttribute("retryAfter", seconds);
            return "documents/too-many";
        }
        // a token longer than any we sign is forged without looking further
        DocumentVerification.Verification result = token.length() > TOKEN_MAX
                ? verification.verify("") : verification.verify(token);
        model.addAttribute("result", result);
        return "documents/verify";
    }
}
