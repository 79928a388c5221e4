package cn.wushe.care;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Alerts (预警) raised by other modules — data comparison and 政策找人 of {@code monitoring} — for
 * registered people, and the tiers they need for their rules. Joins the caller's transaction.
 */
public interface CareAlerts {

    /** Where an alert comes from. */
    enum Source {
        /** data comparison (数据比对): a department's file */
        DATA,
        /** 政策找人: a person who may be eligible */
        POLICY
    }

    /** How urgent; {@code HIGH} for a red or yellow person in hospital, a reported death. */
    enum Severity {
        HIGH, MEDIUM, LOW
    }

    /**
     * Raises an alert about a registered person unless {@code dedupKey} was raised before.
     *
     * @param regionCode the person's grid or community code, as the directory gives it
     * @param summary    what was found, in Chinese, without personal data (at most 200 characters)
     * @return whether a new alert was raised
     */
    boolean raise(UUID person, String regionCode, Source source, Severity severity, String summary, String dedupKey);

    /** One alert to raise in a batch, as {@link #raise} takes it. */
    record NewAlert(UUID person, String regionCode, Source source, Severity severity, String summary, String dedupKey) {
    }

    /**
     * Raises many alerts at once, skipping those whose {@code dedupKey} was raised before: one
     * statement, one deadline batch, one notice per owner and one audit entry per county for the batch.
     *
     * @return how many new alerts were raised
     */
    int raiseAll(java.util.List<NewAlert> alerts);

    /** The current tier code ({@code RED}, {@code YELLOW}, {@code BLUE}, {@code GREEN}) of each person who has one. */
    Map<UUID, String> tiers(Collection<UUID> people);
}
