package cn.wushe.registry;

import org.jspecify.annotations.Nullable;

/**
 * The answer for one identity number of a {@link PersonDirectory#match} call.
 *
 * @param index   the number's position in the call's list
 * @param person  the person registered under it in the county ({@link Outcome#MATCHED} only)
 * @param status  that person's status ({@link Outcome#MATCHED} only): a match may be moved out or deceased
 * @param problem why the number is not valid, in Chinese ({@link Outcome#INVALID} only)
 */
public record IdentityMatch(int index, Outcome outcome, @Nullable PersonId person, @Nullable PersonStatus status,
        @Nullable String problem) {

    public enum Outcome {
        /** registered in the county (and, for a signed-in caller, in their view scope) */
        MATCHED,
        /** a valid number nobody in the county is registered under */
        NOT_REGISTERED,
        /** not a valid resident identity number (GB 11643): length, characters, region, date or check digit */
        INVALID
    }
}
