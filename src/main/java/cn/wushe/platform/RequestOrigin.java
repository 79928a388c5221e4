package cn.wushe.platform;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Where the current request came from, for the audit log and the logs, without any HTTP type: the
 * web layer ({@code platform.web.RequestIdFilter}) records it for the duration of each request.
 * Outside a request (a job, a listener after commit) both are {@code null}.
 */
public final class RequestOrigin {

    /** The MDC key of the request id, printed in every log line. */
    public static final String REQUEST_ID = "requestId";
    /** The MDC key of the client's address. */
    public static final String CLIENT_IP = "clientIp";

    private RequestOrigin() {
    }

    public static @Nullable String requestId() {
        return MDC.get(REQUEST_ID);
    }

    public static @Nullable String clientIp() {
        return MDC.get(CLIENT_IP);
    }
}
