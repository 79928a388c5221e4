package cn.wushe.scheduling.internal;

import cn.wushe.scheduling.DeadlineHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Which {@link DeadlineHandler} owns a deadline kind, and the single listener that hands a firing
 * to it. The firing's event publication is the outbox: it commits with the fired-deadline record,
 * and this listener completes it only when the owner's {@code onDue} committed, so a handler that
 * throws (or a node that dies) leaves it to be delivered again.
 *
 * <p>Handlers are looked up lazily: they schedule deadlines, and the scheduler that fires them
 * needs this class, so resolving them in the constructor would be a cycle.
 */
@Component
public class DeadlineOwners implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DeadlineOwners.class);
    private static final String ANY = ".*";

    private final ObjectProvider<DeadlineHandler> handlers;
    private volatile @Nullable Map<String, DeadlineHandler> byKind;

    DeadlineOwners(ObjectProvider<DeadlineHandler> handlers) {
        this.handlers = handlers;
    }

    /** Refuses to start when two handlers claim the same kind. */
    @Override
    public void afterSingletonsInstantiated() {
        byKind();
    }

    /** The owner of {@code kind}: an exact claim first, then the longest prefix claim. */
    public Optional<DeadlineHandler> owner(String kind) {
        Map<String, DeadlineHandler> owners = byKind();
        DeadlineHandler exact = owners.get(kind);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (int dot = kind.lastIndexOf('.'); dot > 0; dot = kind.lastIndexOf('.', dot - 1)) {
            DeadlineHandler prefix = owners.get(kind.substring(0, dot) + ANY);
            if (prefix != null) {
                return Optional.of(prefix);
            }
        }
        return Optional.empty();
    }

    /** What the fired-deadline record keeps as the owner: the handler's class. */
    static String name(DeadlineHandler handler) {
        return ClassUtils.getUserClass(handler).getName();
    }

    @ApplicationModuleListener
    void deliver(DeadlineFired fired) {
        String kind = fired.due().deadline().kind();
        // owned when it fired; none now means a release dropped the handler: stay failed and be retried
        DeadlineHandler owner = owner(kind).orElseThrow(() -> new IllegalStateException(
                "no deadline handler owns kind " + kind + " any more; the delivery stays incomplete"));
        owner.onDue(fired.due());
    }

    private Map<String, DeadlineHandler> byKind() {
        Map<String, DeadlineHandler> owners = byKind;
        if (owners == null) {
            synchronized (this) {
                owners = byKind;
                if (owners == null) {
                    owners = collect(handlers.orderedStream().toList());
                    byKind = owners;
                }
            }
        }
        return owners;
    }

    private static Map<String, DeadlineHandler> collect(List<DeadlineHandler> all) {
        Map<String, DeadlineHandler> owners = new HashMap<>();
        for (DeadlineHandler handler : all) {
            for (String kind : handler.kinds()) {
                DeadlineHandler other = owners.putIfAbsent(kind, handler);
                if (other != null) {
                    throw new IllegalStateException("deadline kind " + kind + " is claimed by both " + name(other)
                            + " and " + name(handler) + "; a kind has one owner");
                }
            }
        }
        log.debug("deadline kinds and their owners: {}", owners.keySet());
        return Map.copyOf(owners);
    }
}
