package cn.wushe.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * A notice the shell shows at the top of the workbench (工作台) to the actor it concerns, e.g.
 * "next year's working calendar is missing". Modules offer them through {@link NoticeContributor}.
 *
 * @param level   how urgent: {@code warning} or {@code info} (Bootstrap alert colours)
 * @param text    the notice, already in Chinese (from {@code Messages.text})
 * @param href    where the actor acts on it, or {@code null}
 * @param linkText the link's text, or {@code null} without a link
 */
public record ShellNotice(String level, String text, @Nullable String href, @Nullable String linkText) {
}
