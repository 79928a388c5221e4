/**
 * Residents' matters (诉求与办事): the service catalogue and its public 导办 guide, one-stop intake,
 * routing community → street office → department by unit, 一次告知, 限时办结 on the working calendar,
 * closing, rating and monthly figures. No other module calls it yet; it offers pages and the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Requests 诉求办事",
        allowedDependencies = { "platform", "platform :: *", "audit", "region", "units", "identity", "calendar",
                "scheduling", "notifications", "attachments", "documents", "registry" })
@org.jspecify.annotations.NullMarked
package cn.wushe.requests;
