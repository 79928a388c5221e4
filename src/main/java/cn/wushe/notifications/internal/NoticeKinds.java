package cn.wushe.notifications.internal;

import cn.wushe.notifications.NoticeKind;
import cn.wushe.notifications.NoticeKindContributor;
import cn.wushe.platform.Messages;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every kind the modules declared, checked once at start: a code used twice or a label without its key fails the start. */
@Component
public class NoticeKinds {

    private final Map<String, NoticeKind> byCode = new LinkedHashMap<>();

    NoticeKinds(ObjectProvider<NoticeKindContributor> contributors) {
        contributors.orderedStream().flatMap(c -> c.kinds().stream()).sorted(Comparator.comparing(NoticeKind::code))
                .forEach(kind -> {
                    if (byCode.putIfAbsent(kind.code(), kind) != null) {
                        throw new IllegalStateException("notice kind declared twice: " + kind.code());
                    }
                    if (!Messages.has(kind.labelKey())) {
                        throw new IllegalStateException("notice kind " + kind.code() + " has no label " + kind.labelKey());
                    }
                });
    }

    public List<NoticeKind> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<NoticeKind> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The label of a kind; a code no module declares any more (its module was removed) is shown as it is. */
    public String label(String code) {
        return find(code).map(kind -> Messages.text(kind.labelKey())).orElse(code);
    }

    void requireDeclared(NoticeKind kind) {
        if (!kind.equals(byCode.get(kind.code()))) {
            throw new IllegalArgumentException("notice kind not declared by a NoticeKindContributor: " + kind.code());
        }
    }
}
