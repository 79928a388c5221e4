package cn.wushe.scheduling;

import java.util.regex.Pattern;

/**
 * Which deadline: at most one per kind and object, so scheduling the same reference again moves it.
 *
 * @param kind       what falls due, named by the owning module, e.g. {@code care.visit-due} or
 *                   {@code requests.time-limit}
 * @param objectType the owning module's object type, e.g. {@code person} or {@code matter}
 * @param objectId   the object's id
 */
public record DeadlineRef(String kind, String objectType, String objectId) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.-]{0,63}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public DeadlineRef {
        if (!NAME.matcher(kind).matches() || !NAME.matcher(objectType).matches()) {
            throw new IllegalArgumentException("deadline kind and object type are lower-case names: " + kind + ", " + objectType);
        }
        if (!ID.matcher(objectId).matches()) {
            throw new IllegalArgumentException("deadline object id is not an id: " + objectId);
        }
    }

    /** The db-scheduler task instance id; the separator cannot occur in the parts. */
    public String instanceId() {
        return kind + "|" + objectType + "|" + objectId;
    }

    public static DeadlineRef fromInstanceId(String instanceId) {
        String[] parts = instanceId.split("\\|", 3);
        return new DeadlineRef(parts[0], parts[1], parts[2]);
    }
}
