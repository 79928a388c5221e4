package cn.wushe.platform.web;

import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.db.DatabaseWatch;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the embedded database is down, every request but the health probes is answered at once
 * with 503 problem+json and {@code Retry-After}, instead of waiting for a connection and failing
 * with a 500 later. Runs right after the request id, before security (which reads tokens from the
 * database).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "10";

    private final ObjectProvider<DatabaseWatch> watch;

    DatabaseUnavailableFilter(ObjectProvider<DatabaseWatch> watch) {
        this.watch = watch;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DatabaseWatch database = watch.getIfAvailable();
        if (database == null || database.up() || request.getRequestURI().startsWith("/actuator/health")) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        Problems.write(response, ProblemType.DATABASE_UNAVAILABLE, Problems.titleFor(503),
                Messages.text("platform.problem.database-unavailable"));
    }
}
