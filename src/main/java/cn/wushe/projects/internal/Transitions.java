package cn.wushe.projects.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.ProblemType;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one way an application changes status: the move must be in {@link ApplicationStatus}'s table,
 * the row must still be in the status it was read in (a conditional update, so two racing moves
 * cannot both happen), and each move is audited exactly once in the same transaction.
 */
@Component
public class Transitions {

    static final String OBJECT_TYPE = "APPLICATION";

    private final ProjectStore store;
    private final AuditLog audit;
    private final Clock clock;

    Transitions(ProjectStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Moves {@code application} to {@code to}, setting {@code columns} too (column → value, names fixed by the caller). */
    public void move(Application application, ApplicationStatus to, Map<String, @Nullable Object> columns,
            @Nullable String reason) {
        ApplicationStatus from = application.status();
        if (!from.mayMoveTo(to)) {
            throw new DomainException(ProblemType.APPLICATION_STATUS,
                    Messages.text("projects.application.transition", from.label(), to.label()));
        }
        StringBuilder set = new StringBuilder("status = :to, version = version + 1, updated_at = :at");
        Map<String, @Nullable Object> params = new TreeMap<>(columns);
        columns.keySet().forEach(column -> set.append(", ").append(column).append(" = :").append(column));
        params.put("to", to.name());
        params.put("from", from.name());
        params.put("id", application.id());
        params.put("at", ProjectStore.ts(clock.instant()));
        int rows = store.jdbc().sql("update projects.applications set " + set + " where id = :id and status = :from")
                .params(params).update();
        if (rows != 1) {
            throw new DomainException(ProblemType.APPLICATION_STATUS,
                    Messages.text("projects.application.changed-meanwhile"));
        }
        audit.record(AuditEvent.success("APPLICATION_STATUS", OBJECT_TYPE, application.id().toString(),
                application.regionCode()).withDetail(from + "->" + to).withReason(reason));
    }
}
