package cn.wushe.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;

/**
 * Spring caches test contexts, and every cached context keeps its db-scheduler polling the one
 * test database with its own (movable) clock. A context idle in the cache would then fire another
 * test's deadlines at its own time, e.g. mark a matter overdue whose test clock stands at 81 % of
 * the limit. Before each test class only the scheduler of the class's own context runs; the others
 * pause (and resume when their context is used again). Registered in META-INF/spring.factories.
 */
public final class OneSchedulerAtATime implements TestExecutionListener, Ordered {

    private static final Set<Scheduler> KNOWN = Collections.newSetFromMap(new WeakHashMap<>());

    @Override
    public int getOrder() {
        // after the context is loaded for dependency injection
        return new DependencyInjectionTestExecutionListener().getOrder() + 1;
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        Scheduler own = context.getBeanProvider(Scheduler.class).getIfAvailable();
        synchronized (KNOWN) {
            for (Scheduler other : KNOWN) {
                if (other != own && !other.getSchedulerState().isPaused() && !other.getSchedulerState().isShuttingDown()) {
                    other.pause();
                }
            }
            if (own != null) {
                KNOWN.add(own);
                if (own.getSchedulerState().isPaused()) {
                    own.resume();
                }
            }
        }
    }
}
