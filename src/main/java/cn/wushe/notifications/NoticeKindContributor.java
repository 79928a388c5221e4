package cn.wushe.notifications;

import java.util.List;

/** The kinds of notice a module sends; each sending module declares one bean. */
public interface NoticeKindContributor {

    List<NoticeKind> kinds();
}
