package cn.wushe.platform.web;

import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} of any POST, the one way: the first successful answer to a key of the
 * acting user is kept (status, headers, body — the body encrypted, as it may hold personal data)
 * for {@link #KEPT} and replayed to a retry of the same request, which then changes nothing. The
 * same key with a different request is refused ({@link ProblemType#IDEMPOTENCY_KEY_REUSED}, 422).
 * Keys of different users never meet. A refusal (an exception, or an answer other than 2xx) is not
 * kept: the key is free again once the cause is fixed.
 *
 * <p>Claiming the key, the action and keeping its answer are one transaction (the action's own
 * transaction joins it), so the answer is kept exactly when the action's writes commit: a crash
 * (kill -9) in between rolls all of it back and the retry runs afresh, and no key is left claimed.
 * A retry that arrives while the first request runs waits on the key's row and then gets the first
 * answer. Work an action hands to another thread must start after the commit
 * ({@code TransactionSynchronization#afterCommit}), as the roster check does.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    /** How long an answer is replayed; a retry after this is a new request. */
    public static final Duration KEPT = Duration.ofHours(24);
    static final int MAX_KEY_LENGTH = 100;

    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final FieldCipher cipher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, JsonMapper json, FieldCipher cipher, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
        // nested: inside a caller's transaction a refusal rolls back to a savepoint, freeing the key
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /**
     * Runs {@code action} once per {@code key} of the acting user; without a key, simply runs it.
     *
     * @param operation names the endpoint, e.g. {@code POST /api/v1/people}: one key, one operation
     * @param request   what the request carries (bound body, parameters, an uploaded file's hash); only
     *                  its hash is kept, to tell a retry from a different request
     * @param bodyType  the type a replayed body is read back as ({@code Object.class} keeps it as JSON)
     */
    public <T> ResponseEntity<T> once(@Nullable String key, String operation, Object request, Class<T> bodyType,
            Supplier<ResponseEntity<T>> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw DomainException.invalid(HEADER, Messages.text("platform.idempotency.key-invalid"));
        }
        UUID actor = CurrentActor.get().id();
        String fingerprint = fingerprint(operation, request);
        return transaction.execute(status -> {
            Optional<ResponseEntity<T>> earlier = claim(actor, key, fingerprint, bodyType);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            ResponseEntity<T> response = action.get();
            if (response.getStatusCode().is2xxSuccessful()) {
                keep(actor, key, response);
            } else {
                release(actor, key); // the refusal's own writes (if any) stay; the key is free again
            }
            return response;
        });
    }

    /**
     * Claims the key, or answers with what an earlier request under it answered. Inside the caller's
     * transaction: a concurrent first request holds the key's row until it commits or rolls back,
     * and this insert waits for that outcome.
     */
    private <T> Optional<ResponseEntity<T>> claim(UUID actor, String key, String fingerprint, Class<T> bodyType) {
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 2; attempt++) {
            int claimed = jdbc.sql("""
                    insert into platform.idempotent_requests (actor_id, key, fingerprint, created_at, expires_at)
                    values (:actor, :key, :fingerprint, :now, :expires) on conflict do nothing""")
                    .param("actor", actor).param("key", key).param("fingerprint", fingerprint)
                    .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(KEPT))).update();
            if (claimed == 1) {
                forgetExpired(); // housekeeping rides on new keys, which are rare: no scheduler needed
                return Optional.empty();
            }
            Optional<Kept> kept = jdbc.sql("""
                    select fingerprint, status, headers, body, expires_at from platform.idempotent_requests
                    where actor_id = :actor and key = :key""").param("actor", actor).param("key", key)
                    .query((rs, n) -> new Kept(rs.getString("fingerprint"), rs.getInt("status"),
                            rs.getString("headers"), rs.getString("body"), rs.getTimestamp("expires_at").toInstant()))
                    .optional();
            if (kept.isEmpty()) {
                continue; // released meanwhile: claim again
            }
            Kept k = kept.get();
            if (!k.expiresAt().isAfter(now)) {
                jdbc.sql("delete from platform.idempotent_requests where actor_id = :actor and key = :key and expires_at <= :now")
                        .param("actor", actor).param("key", key).param("now", Timestamp.from(now)).update();
                continue;
            }
            if (!k.fingerprint().equals(fingerprint)) {
                throw new DomainException(ProblemType.IDEMPOTENCY_KEY_REUSED, Messages.text("platform.idempotency.key-reused"),
                        Map.of(HEADER, Messages.text("platform.idempotency.key-reused")));
            }
            return Optional.of(replay(k, bodyType));
        }
        throw new IllegalStateException("Idempotency-Key row vanished twice while being claimed");
    }

    private <T> ResponseEntity<T> replay(Kept kept, Class<T> bodyType) {
        HttpHeaders headers = new HttpHeaders();
        json.readValue(kept.headers() == null ? "{}" : kept.headers(), HEADERS).forEach(headers::addAll);
        T body = kept.body() == null ? null : json.readValue(cipher.decrypt(kept.body()), bodyType);
        return ResponseEntity.status(kept.status()).headers(headers).body(body);
    }

    private void keep(UUID actor, String key, ResponseEntity<?> response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaders().forEach(headers::put);
        Object body = response.getBody();
        jdbc.sql("""
                update platform.idempotent_requests set status = :status, headers = :headers, body = :body
                where actor_id = :actor and key = :key""")
                .param("status", response.getStatusCode().value()).param("headers", json.writeValueAsString(headers))
                .param("body", body == null ? null : cipher.encrypt(json.writeValueAsString(body)))
                .param("actor", actor).param("key", key).update();
    }

    private void release(UUID actor, String key) {
        jdbc.sql("delete from platform.idempotent_requests where actor_id = :actor and key = :key")
                .param("actor", actor).param("key", key).update();
    }

    /** Drops answers that are no longer replayed. */
    int forgetExpired() {
        return jdbc.sql("delete from platform.idempotent_requests where expires_at <= :now")
                .param("now", Timestamp.from(clock.instant())).update();
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Kept(String fingerprint, int status, @Nullable String headers, @Nullable String body,
            Instant expiresAt) {
    }
}
