package cn.wushe.platform.web;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import java.io.IOException;
import java.net.URI;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem+json bodies built from the {@link ProblemType} catalogue, the one way for
 * controllers ({@link #of}) and for security filters outside Spring MVC ({@link #write}).
 */
public final class Problems {

    private Problems() {
    }

    /** A problem of the catalogue's type and status, titled by its status, with a Chinese detail. */
    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        problem.setType(URI.create(type.uri()));
        problem.setTitle(titleFor(type.status()));
        return problem;
    }

    /** Writes a problem+json body from a servlet filter (401, 403, 429), where no controller advice runs. */
    public static void write(HttpServletResponse response, ProblemType type, String title, String detail)
            throws IOException {
        response.setStatus(type.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + json(title)
                + "\",\"status\":" + type.status() + ",\"detail\":\"" + json(detail) + "\"}");
    }

    /** {@code problem} as problem+json text, for where no message converter runs (the container's error report). */
    static String json(ProblemDetail problem) {
        return "{\"type\":\"" + json(String.valueOf(problem.getType())) + "\",\"title\":\""
                + json(String.valueOf(problem.getTitle())) + "\",\"status\":" + problem.getStatus()
                + ",\"detail\":\"" + json(String.valueOf(problem.getDetail())) + "\"}";
    }

    /** The Chinese title of a status, shared by every problem of that status. */
    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> Messages.text("platform.problem.invalid-input");
            case 401 -> Messages.text("platform.problem.unauthenticated");
            case 403 -> Messages.text("platform.problem.forbidden");
            case 404 -> Messages.text("platform.problem.not-found");
            case 405 -> Messages.text("platform.problem.method-not-allowed");
            case 409 -> Messages.text("platform.problem.conflict");
            case 412 -> Messages.text("platform.problem.precondition-failed");
            case 413 -> Messages.text("platform.problem.too-large");
            case 415 -> Messages.text("platform.problem.unsupported-media-type");
            case 422 -> Messages.text("platform.problem.unprocessable");
            case 428 -> Messages.text("platform.problem.precondition-required");
            case 429 -> Messages.text("platform.problem.too-many-requests");
            case 503 -> Messages.text("platform.problem.unavailable");
            default -> status >= 500 ? Messages.text("platform.problem.server-error") : Messages.text("platform.problem.failed");
        };
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
