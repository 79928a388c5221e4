package cn.wushe.registry;

import cn.wushe.platform.Actor;
import java.util.regex.Pattern;

/**
 * Who asks the {@link PersonDirectory}, and why; the audit entry of each call names both.
 * {@code system("monitoring", "死亡数据比对")} for a module acting on its own (a scheduled job, an
 * event listener: no signed-in user, county-wide), {@code signedIn(actor, purpose)} for a module
 * serving a user's request (the user's PERSON_VIEW scope applies).
 */
public sealed interface DirectoryCaller {

    /** Short, because it is written into every audit entry. */
    int MAX_PURPOSE = 100;

    String purpose();

    /** A module acting as the system; {@code module} is its package name, e.g. {@code monitoring}. */
    static DirectoryCaller system(String module, String purpose) {
        return new SystemCaller(module, purpose);
    }

    /** A module acting for the signed-in {@code actor}. */
    static DirectoryCaller signedIn(Actor actor, String purpose) {
        return new ActorCaller(actor, purpose);
    }

    record SystemCaller(String module, String purpose) implements DirectoryCaller {

        private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

        public SystemCaller {
            if (module == null || !MODULE.matcher(module).matches()) {
                throw new IllegalArgumentException("a system caller names its module in lower case, e.g. monitoring");
            }
            purpose = checked(purpose);
        }
    }

    record ActorCaller(Actor actor, String purpose) implements DirectoryCaller {

        public ActorCaller {
            if (actor == null) {
                throw new IllegalArgumentException("a signed-in caller needs its actor; use system(...) without one");
            }
            purpose = checked(purpose);
        }
    }

    private static String checked(String purpose) {
        if (purpose == null || purpose.isBlank() || purpose.strip().length() > MAX_PURPOSE) {
            throw new IllegalArgumentException("a directory caller states its purpose in 1 to " + MAX_PURPOSE + " characters");
        }
        return purpose.strip();
    }
}
