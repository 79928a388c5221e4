package cn.wushe.identity.web;

import cn.wushe.identity.internal.SecondFactors;
import cn.wushe.identity.internal.SignedInUser;
import cn.wushe.identity.internal.Totp;
import cn.wushe.identity.security.PasswordAuthenticationProvider;
import cn.wushe.identity.security.SecondFactorPending;
import cn.wushe.identity.security.SecondFactorSignIn;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.web.FormRefusal;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 两步验证 (security.md item 7): the code asked after the password, the enrolment an administrator
 * must complete at their first sign-in (QR code for the authenticator app, then ten recovery codes
 * shown once), and the account page where anyone else may turn it on.
 */
@Controller
class SecondFactorPages {

    /** The secret being enrolled, kept in the session until the app's first code confirms it. */
    static final String ENROLMENT = "wushe.second-factor.enrolment";

    private final SecondFactors secondFactors;
    private final SecondFactorSignIn signIn;

    SecondFactorPages(SecondFactors secondFactors, SecondFactorSignIn signIn) {
        this.secondFactors = secondFactors;
        this.signIn = signIn;
    }

    @GetMapping("/login/second-factor")
    @PreAuthorize("isAuthenticated()")
    String codePage(HttpServletRequest request, Model model) {
        SecondFactorPending pending = pending();
        if (pending.mustEnrol()) {
            return enrolment(request.getSession(), pending.username(), "/login/second-factor/enrol", false, model, Map.of());
        }
        model.addAttribute("mode", "code");
        model.addAttribute("errors", Map.of());
        return "identity/second-factor";
    }

    @PostMapping("/login/second-factor")
    @PreAuthorize("isAuthenticated()")
    String checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        SecondFactorPending pending = pending();
        return switch (secondFactors.complete(pending.userId(), code, request.getRemoteAddr())) {
            case SecondFactors.Passed passed -> "redirect:" + signIn.complete(passed.user(), request, response);
            case SecondFactors.Wrong wrong -> refusedCode(Messages.text("identity.second-factor.code-wrong"), response, model);
            case SecondFactors.Locked locked -> refusedCode(PasswordAuthenticationProvider.lockedMessage(locked.until()),
                    response, model);
        };
    }

    @PostMapping("/login/second-factor/enrol")
    @PreAuthorize("isAuthenticated()")
    String enrolAtSignIn(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        SecondFactorPending pending = pending();
        HttpSession session = request.getSession();
        String secret = (String) session.getAttribute(ENROLMENT);
        if (secret == null || !pending.mustEnrol()) {
            return "redirect:/login/second-factor";
        }
        try {
            List<String> codes = secondFactors.confirm(pending.userId(), secret, code);
            session.removeAttribute(ENROLMENT);
            SignedInUser user = secondFactors.signedInAfterEnrolment(pending.userId());
            return recoveryCodes(codes, signIn.complete(user, request, response), model);
        } catch (DomainException e) {
            return enrolment(session, pending.username(), "/login/second-factor/enrol", false, model,
                    FormRefusal.of(e).statusOn(response).errors());
        }
    }

    @GetMapping("/account/second-factor")
    @PreAuthorize("isAuthenticated()")
    String accountPage(@RequestParam(required = false) String start, HttpServletRequest request, Model model) {
        SignedInUser user = Views.user();
        if (start != null) {
            return enrolment(request.getSession(), user.username(), "/account/second-factor", true, model, Map.of());
        }
        model.addAttribute("mode", "status");
        model.addAttribute("enrolled", secondFactors.enrolled(user.id()));
        model.addAttribute("required", secondFactors.required(user));
        return "identity/second-factor";
    }

    @PostMapping("/account/second-factor")
    @PreAuthorize("isAuthenticated()")
    String enrolFromAccount(@RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String currentPassword, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        SignedInUser user = Views.user();
        HttpSession session = request.getSession();
        String secret = (String) session.getAttribute(ENROLMENT);
        if (secret == null) {
            return "redirect:/account/second-factor?start";
        }
        try {
            List<String> codes = secondFactors.confirm(user.id(), currentPassword, secret, code);
            session.removeAttribute(ENROLMENT);
            return recoveryCodes(codes, "/", model);
        } catch (DomainException e) {
            return enrolment(session, user.username(), "/account/second-factor", true, model,
                    FormRefusal.of(e).statusOn(response).errors());
        }
    }

    private String enrolment(HttpSession session, String username, String action, boolean askPassword, Model model,
            Map<String, String> errors) {
        String secret = (String) session.getAttribute(ENROLMENT);
        if (secret == null) {
            secret = secondFactors.start(username).secretBase32();
            session.setAttribute(ENROLMENT, secret);
        }
        String uri = Totp.uri(SecondFactors.ISSUER, username,
                Totp.fromBase32(secret));
        model.addAttribute("mode", "enrol");
        model.addAttribute("action", action);
        model.addAttribute("askPassword", askPassword);
        model.addAttribute("qr", qrDataUri(uri));
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("errors", errors);
        return "identity/second-factor";
    }

    private String refusedCode(String message, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("mode", "code");
        model.addAttribute("errors", Map.of("code", message));
        return "identity/second-factor";
    }

    private static String recoveryCodes(List<String> codes, String next, Model model) {
        model.addAttribute("mode", "codes");
        model.addAttribute("codes", codes);
        model.addAttribute("next", next);
        return "identity/second-factor";
    }

    private static SecondFactorPending pending() {
        return SecondFactorSignIn.pending()
                .orElseThrow(() -> DomainException.forbidden(Messages.text("identity.second-factor.not-pending")));
    }

    /** The otpauth URI as a PNG QR code inline (the page's policy allows {@code data:} images). */
    static String qrDataUri(String text) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.CHARACTER_SET, "UTF-8"));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
