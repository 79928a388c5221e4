package cn.wushe.platform.web;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat's error report for a request it refused before any application code ran — an address it
 * cannot decode (malformed UTF-8, an encoded slash): instead of Tomcat's English page, problem+json
 * in Chinese under {@code /api/}, a plain Chinese page elsewhere, both with the security headers. Such
 * a request never reaches the application, so the page cannot use its templates. Errors the
 * application answered itself (anything already written) are left alone.
 */
final class ContainerErrorReport extends ErrorReportValve {

    private final SecurityHeaders headers;

    ContainerErrorReport(SecurityHeaders headers) {
        this.headers = headers;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = WebFailures.forStatus(status);
        try {
            headers.values().forEach(response::setHeader);
            String uri = request.getRequestURI();
            boolean api = uri != null && uri.startsWith("/api/");
            response.setContentType(api ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(api ? Problems.json(problem) : page(status, problem));
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing to report to
        }
    }

    private static String page(int status, ProblemDetail problem) {
        String title = HtmlUtils.htmlEscape(Messages.text("platform.error-page.title"));
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title + " - "
                + HtmlUtils.htmlEscape(Messages.text("platform.error-page.application")) + "</title></head><body>"
                + "<p>" + status + "</p><h1>" + title + "</h1><p>"
                + HtmlUtils.htmlEscape(String.valueOf(problem.getDetail())) + "</p><p><a href=\"/\">"
                + HtmlUtils.htmlEscape(Messages.text("platform.error-page.home")) + "</a></p></body></html>";
    }
}
