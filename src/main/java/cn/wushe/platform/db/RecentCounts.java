package cn.wushe.platform.db;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figures that take seconds to count and are read by many at once (a station's dashboard, a county's
 * live monthly figures on a big screen), kept per key: for {@link #FRESH_FOR} as counted; after that
 * shown while one recount runs behind them, up to {@link #SHOWN_WHILE_RECOUNTING} old; older ones counted
 * while the caller waits (a screen opened in the morning must not show last night's figures). Callers
 * of one key share one count. Counts run one at a time per instance, on its own thread, each in a
 * read-only transaction, so figures never take more than one connection and one core from the work.
 *
 * @param <V> the figures
 */
public final class RecentCounts<V> implements AutoCloseable {

    /** How long figures are served as counted. */
    public static final Duration FRESH_FOR = Duration.ofMinutes(1);
    /**
     * How old figures may be and still be shown while a recount runs behind them; older ones are
     * counted while the caller waits.
     */
    public static final Duration SHOWN_WHILE_RECOUNTING = Duration.ofMinutes(10);

    /** Figures and the moment they were counted for. */
    public record Counted<V>(V value, Instant asOf) {
    }

    private final int maxKeys;
    private final TransactionTemplate readOnly;
    private final Map<String, Counted<V>> recent = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Counted<V>>> counting = new ConcurrentHashMap<>();
    private final ExecutorService recounts;

    /**
     * Figures fresh for {@link #FRESH_FOR}, shown while recounted up to {@link #SHOWN_WHILE_RECOUNTING}.
     *
     * @param name    the counting thread's name
     * @param maxKeys beyond this many keys the kept figures are simply dropped (keys are views or
     *                county-months: a few hundred)
     */
    public RecentCounts(String name, int maxKeys, PlatformTransactionManager transactions) {
        this.maxKeys = maxKeys;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.recounts = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name(name).factory());
    }

    /** The figures of {@code key} as of {@code now} by the rules above; {@code count} counts them for a moment. */
    public Counted<V> get(String key, Instant now, Function<Instant, V> count) {
        Counted<V> known = recent.get(key);
        if (known != null && within(known, now, FRESH_FOR)) {
            return known;
        }
        CompletableFuture<Counted<V>> recount = recount(key, now, count);
        if (known != null && within(known, now, SHOWN_WHILE_RECOUNTING)) {
            return known;
        }
        try {
            return recount.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static boolean within(Counted<?> known, Instant now, Duration age) {
        return !known.asOf().isAfter(now) && !known.asOf().isBefore(now.minus(age));
    }

    /** The key's count under way, or a new one: one per key at a time. */
    private CompletableFuture<Counted<V>> recount(String key, Instant now, Function<Instant, V> count) {
        CompletableFuture<Counted<V>> mine = new CompletableFuture<>();
        CompletableFuture<Counted<V>> running = counting.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        recounts.execute(() -> {
            try {
                Counted<V> counted = new Counted<>(Objects.requireNonNull(readOnly.execute(tx -> count.apply(now))), now);
                if (recent.size() > maxKeys) {
                    recent.clear();
                }
                recent.put(key, counted);
                mine.complete(counted);
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            } finally {
                counting.remove(key, mine);
            }
        });
        return mine;
    }

    @Override
    public void close() {
        recounts.shutdownNow();
    }
}
