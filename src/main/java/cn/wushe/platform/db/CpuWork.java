package cn.wushe.platform.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Pure CPU work of a large batch (SM4 encryption, HMAC-SM3 blind indexes, COPY lines) spread over
 * the machine's cores while the database work stays on the caller's thread and transaction. The
 * function must not touch the database, the security context or shared mutable state.
 */
@Component
public class CpuWork implements DisposableBean {

    /** Below this many items one thread is quicker than handing work over. */
    private static final int MIN_PARALLEL = 256;

    private final int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private final ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, threads - 1),
            Thread.ofPlatform().daemon().name("registry-cpu-", 0).factory());

    /** {@code items} mapped through {@code f}, in order; the caller's thread takes a share of the work. */
    public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
        if (threads == 1 || items.size() < MIN_PARALLEL) {
            return items.stream().<R>map(f).toList();
        }
        int chunk = (items.size() + threads - 1) / threads;
        List<Future<List<R>>> others = new ArrayList<>();
        for (int from = chunk; from < items.size(); from += chunk) {
            List<T> part = items.subList(from, Math.min(items.size(), from + chunk));
            others.add(executor.submit(() -> part.stream().<R>map(f).toList()));
        }
        List<R> out = new ArrayList<>(items.size());
        try {
            out.addAll(items.subList(0, chunk).stream().<R>map(f).toList());
            for (Future<List<R>> other : others) {
                out.addAll(other.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            others.forEach(other -> other.cancel(false));
        }
        return out;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
