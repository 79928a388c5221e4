package cn.wushe.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a notice as JSON to the county's gateway, signed (see {@link WebhookSignature}) and carrying
 * {@code Idempotency-Key: <delivery id>} so a gateway that saw an attempt whose answer was lost
 * (timeout) can drop the repeat. The body names the recipient by user id only: the gateway maps it
 * to a phone number or WeChat-work account; no name, phone or identity number leaves here.
 */
@Component
class WebhookChannel implements NotificationChannel {

    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final Webhooks webhooks;
    private final JsonMapper json;
    private final Clock clock;
    private final NotificationSettings settings;
    private final HttpClient http;

    WebhookChannel(Webhooks webhooks, JsonMapper json, Clock clock, NotificationSettings settings) {
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public Result deliver(Outbound message) {
        Optional<Webhooks.Target> target = webhooks.target(message.countyCode()).filter(Webhooks.Target::enabled);
        if (target.isEmpty()) {
            return new Result.GiveUp(null, "no enabled webhook for county " + message.countyCode());
        }
        String body = json.writeValueAsString(body(message));
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.get().url()))
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(target.get().secret(), timestamp, body))
                .header(IDEMPOTENCY_HEADER, message.deliveryId().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return outcome(status);
        } catch (IOException e) {
            return new Result.Retry(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Retry(null, "interrupted");
        }
    }

    /** 2xx delivered; 408, 429 and 5xx worth retrying; anything else (a wrong URL, a refused signature) never will be. */
    static Result outcome(int status) {
        if (status >= 200 && status < 300) {
            return new Result.Delivered(status);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new Result.Retry(status, "HTTP " + status);
        }
        return new Result.GiveUp(status, "HTTP " + status);
    }

    private static Map<String, Object> body(Outbound message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", message.deliveryId().toString());
        body.put("attempt", message.attempt());
        body.put("noticeId", message.noticeId().toString());
        body.put("recipient", Map.of("userId", message.userId().toString()));
        body.put("countyCode", message.countyCode());
        body.put("kind", message.kind());
        body.put("kindLabel", message.kindLabel());
        body.put("title", message.title());
        body.put("text", message.text());
        body.put("link", message.link());
        body.put("regionCode", message.regionCode());
        body.put("createdAt", message.createdAt().toString());
        return body;
    }
}
