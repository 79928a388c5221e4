package cn.wushe.requests.internal;

import cn.wushe.platform.Messages;

/** What a notice about a matter says (title and text keyed by the constant); never personal data, only the number and the unit. */
enum News {
    RECEIVED, DECLINED, SENT_BACK, RESUBMITTED, REOPENED, FORWARDED, MERGED, RETURNED, CLOSED, WARNING, OVERDUE,
    SIGN_OVERDUE, LEVEL_OVERDUE, REJECTED;

    String title(String number) {
        return Messages.text("requests.news.title." + name(), number);
    }

    String text(String number, String unit) {
        return Messages.text("requests.news.text." + name(), number, unit);
    }
}
