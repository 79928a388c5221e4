package cn.wushe.notifications.web;

import cn.wushe.notifications.internal.Inbox;
import cn.wushe.notifications.internal.InboxWatcher;
import cn.wushe.notifications.internal.NotificationSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open inbox streams of this node (one per open page, at most {@code maxStreamsPerUser} per
 * user: the oldest is closed for a new one). Pushes the unread count to a user's streams after a
 * transaction that changed their inbox committed, a heartbeat comment to every stream so proxies
 * keep idle ones open, and closes a session's streams when it ends (logout, timeout, disabled
 * account). A stream lives at most {@link #LIFETIME}; the browser then reconnects, which passes the
 * session checks again. A notice committed on another node reaches the page at its next reconnect
 * (one node today; LISTEN/NOTIFY would carry it across nodes).
 */
@Component
class InboxStreams implements InboxWatcher, SmartLifecycle {

    static final String EVENT = "unread";
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private record Stream(SseEmitter emitter, String sessionId) {
    }

    private final Map<UUID, Deque<Stream>> byUser = new ConcurrentHashMap<>();
    private final Inbox inbox;
    private final NotificationSettings settings;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("inbox-heartbeat").factory());

    InboxStreams(Inbox inbox, NotificationSettings settings) {
        this.inbox = inbox;
        this.settings = settings;
        long every = settings.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    SseEmitter open(UUID userId, String sessionId) {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        Stream stream = new Stream(emitter, sessionId);
        List<Stream> evicted = new ArrayList<>();
        byUser.compute(userId, (id, existing) -> {
            Deque<Stream> streams = existing == null ? new ArrayDeque<>() : existing;
            synchronized (streams) {
                streams.addLast(stream);
                while (streams.size() > settings.maxStreamsPerUser()) {
                    evicted.add(streams.removeFirst());
                }
            }
            return streams;
        });
        evicted.forEach(s -> s.emitter().complete());
        Runnable remove = () -> remove(userId, stream);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(userId, stream, inbox.unreadCount(userId));
        return emitter;
    }

    @Override
    public void inboxChanged(Collection<UUID> userIds) {
        List<UUID> watched = userIds.stream().filter(byUser::containsKey).toList();
        if (!watched.isEmpty()) {
            // off the committing thread: a slow browser must not hold up the business request
            Thread.ofVirtual().start(() -> watched.forEach(this::push));
        }
    }

    int openStreams(UUID userId) {
        Deque<Stream> streams = byUser.get(userId);
        if (streams == null) {
            return 0;
        }
        synchronized (streams) {
            return streams.size();
        }
    }

    @EventListener
    void sessionEnded(SessionDestroyedEvent event) {
        String sessionId = event.getId();
        byUser.forEach((user, streams) -> snapshot(streams).stream()
                .filter(s -> s.sessionId().equals(sessionId))
                .forEach(s -> {
                    remove(user, s);
                    s.emitter().complete();
                }));
    }

    private void push(UUID userId) {
        Deque<Stream> streams = byUser.get(userId);
        if (streams == null) {
            return;
        }
        long count = inbox.unreadCount(userId);
        snapshot(streams).forEach(s -> send(userId, s, count));
    }

    private void beat() {
        byUser.forEach((user, streams) -> snapshot(streams).forEach(s -> {
            try {
                s.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                remove(user, s);
            }
        }));
    }

    private void send(UUID userId, Stream stream, long count) {
        try {
            stream.emitter().send(SseEmitter.event().name(EVENT).data(badge(count)));
        } catch (IOException | IllegalStateException e) {
            remove(userId, stream);
        }
    }

    /** The badge's text: empty (hidden) at zero, capped so it stays one short word. */
    static String badge(long count) {
        return count == 0 ? "" : count > 99 ? "99+" : Long.toString(count);
    }

    private void remove(UUID userId, Stream stream) {
        byUser.computeIfPresent(userId, (id, streams) -> {
            synchronized (streams) {
                streams.remove(stream);
                return streams.isEmpty() ? null : streams;
            }
        });
    }

    private static List<Stream> snapshot(Deque<Stream> streams) {
        synchronized (streams) {
            return List.copyOf(streams);
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Closes every stream before the web server's graceful shutdown (a later phase) starts waiting
     * for active requests: an open stream would otherwise hold each shutdown for its whole timeout.
     */
    @Override
    public void stop() {
        running = false;
        heartbeat.shutdownNow();
        byUser.values().forEach(streams -> snapshot(streams).forEach(s -> s.emitter().complete()));
        byUser.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
