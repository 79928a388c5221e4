package cn.wushe.registry.internal;

/**
 * How much of a person's record a viewer sees (docs/registry-fields.md has the field-level matrix):
 * decided per record from the viewer's permissions whose scope contains the record's region.
 */
public enum Disclosure {
    /** PERSON_SEARCH only: masked name, masked identity number, community — to avoid registering twice. */
    SEARCH,
    /** PERSON_VIEW: the record with identity number, phone and address masked; health, income, disability grade omitted. */
    VIEW,
    /** PERSON_EDIT: what the worker who collects the record needs (phone, address, health, income); identity number masked. */
    EDIT,
    /** PII_UNMASK with a stated reason ("查看完整信息"): everything in clear, audited per call. */
    FULL,
    /** The resident themself (SELF_SERVICE, linked account): their own record in clear. */
    SELF;

    boolean atLeast(Disclosure other) {
        return ordinal() >= other.ordinal();
    }
}
