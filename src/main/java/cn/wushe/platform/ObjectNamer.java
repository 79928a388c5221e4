package cn.wushe.platform;

import java.util.Collection;
import java.util.Map;

/**
 * Names a module's objects for a page of another module that holds only their ids or codes (the
 * audit log shows "人员 王*明" instead of a UUID, "城关街道" instead of 610527001). One bean per module
 * that has objects worth naming; the names of people are masked ({@code Masking.name}), since the
 * reader may not see them in clear. Each call gets one page's ids of one type: answer with one query.
 */
public interface ObjectNamer {

    /** The object type for region codes (the audit log's object region), named by the region module. */
    String REGION = "REGION";

    /**
     * @param objectType an audit object type such as {@code PERSON}, {@code HOUSEHOLD}, or {@link #REGION}
     * @return names of those {@code ids} this module knows; the others are left out
     */
    Map<String, String> names(String objectType, Collection<String> ids);
}
