package cn.wushe.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The registry as other modules ask it about people (人员目录), without reading {@code registry.*}:
 * a small record per person by id, and the bulk match of another department's identity numbers
 * through the blind index. Every call names its caller and purpose ({@link DirectoryCaller}) and a
 * county (6 digits, an existing county of the region tree; anything else is refused with
 * {@code invalid-input} on field {@code countyCode}), works without a signed-in user, and writes
 * one audit entry per call (not per person) with the counts. A {@link DirectoryCaller#signedIn}
 * caller sees only what their PERSON_VIEW scope holds; a {@link DirectoryCaller#system} caller the
 * whole county.
 *
 * <p>What a neighbour learns of changes comes as events: {@link PersonRegistered},
 * {@link PersonRevised}, {@link PersonStatusChanged}, {@link PeopleImported} (docs/architecture.md).
 */
public interface PersonDirectory {

    /** Ids or identity numbers per call at most; more is refused (split the call). */
    int MAX_PER_CALL = 10_000;

    /** The person if registered in {@code countyCode} (and, for a signed-in caller, in their view scope). */
    Optional<DirectoryEntry> find(DirectoryCaller caller, String countyCode, PersonId id);

    /** The people among {@code ids} registered in {@code countyCode} (and in scope), in no particular order. */
    List<DirectoryEntry> findAll(DirectoryCaller caller, String countyCode, Collection<PersonId> ids);

    /**
     * Matches identity numbers (居民身份证号码, GB 11643) against the people registered in
     * {@code countyCode}: one {@link IdentityMatch} per input, in input order. Each number is
     * validated first (an invalid one is never looked up); the numbers themselves never reach the
     * database or the audit log, only their blind index.
     */
    List<IdentityMatch> match(DirectoryCaller caller, String countyCode, List<String> identityNumbers);

    /** The most people one {@link #select} hands back; a rule that finds more is too broad to be a lead. */
    int MAX_SELECTED = 100_000;

    /**
     * The people 在册 in {@code countyCode} (and in scope) that {@code criteria} describe, found in
     * one query in the database (政策找人), at most {@link #MAX_SELECTED}, in id order.
     */
    List<DirectoryEntry> select(DirectoryCaller caller, String countyCode, PersonCriteria criteria);

    /**
     * The category catalogue (困难类别: code and Chinese name, e.g. {@code DIBAO} 低保), in display
     * order, retired ones flagged; for forms that pick categories (政策找人). No personal data, not audited.
     */
    List<CategoryName> categories();
}
