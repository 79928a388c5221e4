package cn.wushe.platform.web;

import cn.wushe.platform.Actor;
import java.util.List;

/** A module's notices for the workbench; asked once per workbench view, so it must be cheap. */
public interface NoticeContributor {

    List<ShellNotice> noticesFor(Actor actor);
}
