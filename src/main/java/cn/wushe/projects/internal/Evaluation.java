package cn.wushe.projects.internal;

import cn.wushe.platform.Messages;

/** The third-party evaluation of a finished project (第三方评估): 优秀, 良好, 合格, 不合格. */
public enum Evaluation {
    EXCELLENT, GOOD, PASS, FAIL;

    public String label() {
        return Messages.text("projects.evaluation." + name());
    }
}
