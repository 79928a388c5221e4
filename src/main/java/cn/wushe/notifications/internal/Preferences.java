package cn.wushe.notifications.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.notifications.NoticeKind;
import cn.wushe.platform.Actor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which kinds reach a user on which channel (通知设置). Only what a user turned off is stored, so a
 * kind added later reaches everyone until they choose otherwise. The inbox of a mandatory kind
 * cannot be turned off. A change is audited with what was turned off and on.
 */
@Service
public class Preferences {

    /** One kind with the channels it reaches the user on. */
    public record Choice(NoticeKind kind, String label, boolean inbox, boolean webhook) {
    }

    /** "kind code/channel" pairs. */
    public record Switch(String kind, Channel channel) {

        String text() {
            return kind + "/" + channel;
        }
    }

    private final JdbcClient jdbc;
    private final NoticeKinds kinds;
    private final AuditLog audit;

    Preferences(JdbcClient jdbc, NoticeKinds kinds, AuditLog audit) {
        this.jdbc = jdbc;
        this.kinds = kinds;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Choice> of(Actor actor) {
        Set<Switch> off = optOuts(actor);
        return kinds.all().stream()
                .map(kind -> new Choice(kind, kinds.label(kind.code()),
                        kind.mandatory() || !off.contains(new Switch(kind.code(), Channel.INBOX)),
                        !off.contains(new Switch(kind.code(), Channel.WEBHOOK))))
                .toList();
    }

    /**
     * Replaces the user's choices by {@code enabled}: every declared kind and channel not in it is
     * turned off, except a mandatory kind's inbox. Unknown kinds in {@code enabled} are ignored.
     */
    @Transactional
    public void choose(Actor actor, Set<Switch> enabled) {
        Set<Switch> before = optOuts(actor);
        Set<Switch> after = new HashSet<>();
        for (NoticeKind kind : kinds.all()) {
            for (Channel channel : Channel.values()) {
                Switch s = new Switch(kind.code(), channel);
                boolean locked = kind.mandatory() && channel == Channel.INBOX;
                if (!locked && !enabled.contains(s)) {
                    after.add(s);
                }
            }
        }
        Set<String> turnedOff = texts(after, before);
        Set<String> turnedOn = texts(before, after);
        if (turnedOff.isEmpty() && turnedOn.isEmpty()) {
            return;
        }
        jdbc.sql("delete from notifications.opt_outs where user_id = :user").param("user", actor.id()).update();
        for (Switch s : after) {
            jdbc.sql("insert into notifications.opt_outs (user_id, kind, channel) values (:user, :kind, :channel)")
                    .param("user", actor.id()).param("kind", s.kind()).param("channel", s.channel().name())
                    .update();
        }
        audit.record(AuditEvent.success("NOTIFICATION_PREFERENCES_CHANGE", "USER", actor.id().toString(), null)
                .withDetail("off: " + String.join(",", turnedOff) + "; on: " + String.join(",", turnedOn)));
    }

    private Set<Switch> optOuts(Actor actor) {
        return new HashSet<>(jdbc.sql("select kind, channel from notifications.opt_outs where user_id = :user")
                .param("user", actor.id())
                .query((rs, n) -> new Switch(rs.getString("kind"), Channel.valueOf(rs.getString("channel"))))
                .list());
    }

    private static Set<String> texts(Set<Switch> in, Set<Switch> notIn) {
        List<Switch> only = new ArrayList<>(in);
        only.removeAll(notIn);
        return new TreeSet<>(only.stream().map(Switch::text).toList());
    }
}
