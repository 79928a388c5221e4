package cn.wushe.platform.web;

import java.util.Map;

/**
 * The security headers (CSP and the rest) every page and API answer carries, published by the
 * security configuration so that answers written outside its filter chain — the container's own
 * error report — carry them too.
 */
public record SecurityHeaders(Map<String, String> values) {

    public SecurityHeaders {
        values = Map.copyOf(values);
    }
}
