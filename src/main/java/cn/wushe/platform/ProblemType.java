package cn.wushe.platform;

/**
 * The catalogue of refusals: every error the platform answers has one entry here, with the stable
 * slug of its problem+json {@code type} ({@code /problems/<slug>}) and the HTTP status code it is
 * answered with. A module adds its own entries here instead of inventing a slug at the throw site,
 * so the same refusal never has two names.
 *
 * <p>The status is a plain number so that domain code needs no web types; the web layer maps it.
 */
public enum ProblemType {

    /** One or more fields are wrong; nothing was written. */
    INVALID_INPUT("invalid-input", 400),
    /** The request body is not JSON of the documented shape. */
    UNREADABLE_BODY("unreadable-body", 400),
    /** An uploaded file was refused as a whole before any row was read. */
    IMPORT_FILE_REJECTED("import-file-rejected", 400),
    /** The address or a parameter cannot be read at all (bad URL encoding, control characters). */
    BAD_REQUEST("bad-request", 400),

    UNAUTHENTICATED("unauthenticated", 401),
    SESSION_EXPIRED("session-expired", 401),
    INVALID_TOKEN("invalid-token", 401),
    UNSUPPORTED_AUTHORIZATION("unsupported-authorization", 401),

    /** The object is visible to the actor, but this action is not theirs. */
    FORBIDDEN("forbidden", 403),
    /** A region named in the request lies outside the actor's scope for this action. */
    OUT_OF_SCOPE("out-of-scope", 403),
    CSRF("csrf", 403),
    PASSWORD_CHANGE_REQUIRED("password-change-required", 403),
    /** A personal access token was used to create, list or revoke tokens; only a signed-in session may. */
    TOKEN_MANAGEMENT_NEEDS_SESSION("token-management-needs-session", 403),
    /** A read-only personal access token was used for a request other than GET or HEAD. */
    READ_ONLY_TOKEN("read-only-token", 403),

    /** Absent, or outside the actor's scope: the two are indistinguishable on purpose. */
    NOT_FOUND("not-found", 404),

    /** Someone else changed the object between the actor's read and write (no If-Match was sent). */
    /** The address exists, but not for this HTTP method. */
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    /** The answer cannot be given in any format the client accepts. */
    NOT_ACCEPTABLE("not-acceptable", 406),

    CONCURRENT_MODIFICATION("concurrent-modification", 409),
    GRID_RETIRED("grid-retired", 409),
    GRID_EXISTS("grid-exists", 409),
    GRID_NUMBERS_EXHAUSTED("grid-numbers-exhausted", 409),
    USERNAME_TAKEN("username-taken", 409),
    ACCOUNT_DISABLED("account-disabled", 409),
    ACCOUNT_ENABLED("account-enabled", 409),
    ROLE_ALREADY_GRANTED("role-already-granted", 409),
    SEPARATION_OF_DUTIES("separation-of-duties", 409),
    TOO_MANY_TOKENS("too-many-tokens", 409),
    /** The identity number is already registered in the county. */
    DUPLICATE_PERSON("duplicate-person", 409),
    /** Someone of the same name and birth date is registered in the town. */
    POSSIBLE_DUPLICATE("possible-duplicate", 409),
    IMPORT_NOT_READY("import-not-ready", 409),
    /** A correction request was accepted or rejected already. */
    CORRECTION_HANDLED("correction-handled", 409),
    /** A person's record is closed (moved away, no longer in need, deceased) and takes no further change. */
    PERSON_CLOSED("person-closed", 409),
    /** No working calendar (工作日历) has been entered for a year that a working-day computation reaches. */
    CALENDAR_YEAR_MISSING("calendar-year-missing", 409),
    /** The registry changed between an import's check and its commit. */
    IMPORT_CHANGED("import-changed", 409),
    /** The document was revoked already. */
    DOCUMENT_REVOKED("document-revoked", 409),
    /** A proof of registration was asked for by someone who holds no current category (or whose record is closed). */
    NOT_ENROLLED("not-enrolled", 409),
    /** A retired unit (单位) takes no change, member or child. */
    UNIT_RETIRED("unit-retired", 409),
    /** Another active unit of the region has the name, or another unit the credit code. */
    UNIT_EXISTS("unit-exists", 409),
    /** A unit with active units reporting to it is not retired. */
    UNIT_HAS_CHILDREN("unit-has-children", 409),
    /** The account already belongs to the unit. */
    UNIT_MEMBERSHIP_EXISTS("unit-membership-exists", 409),
    /** A person's status cannot change this way (e.g. a moved-out record closed without being reopened). */
    STATUS_NOT_ALLOWED("status-not-allowed", 409),
    /** A sign-up (注册申请) was confirmed, rejected or withdrawn already. */
    SIGNUP_DECIDED("signup-decided", 409),
    /** A matter (诉求) is not in a state that allows this step (signing what is signed, closing what is closed …). */
    MATTER_STATE("matter-state", 409),
    /** A matter was returned for materials once already (一次告知): a second return is refused. */
    MATTER_RETURNED_ONCE("matter-returned-once", 409),
    /** A forward leaves the chain committee → street office → department of the matter's county. */
    MATTER_ROUTE_REFUSED("matter-route-refused", 409),
    /** The appointment slot is full, past or outside the desk hours. */
    SLOT_UNAVAILABLE("slot-unavailable", 409),
    /** An application or project cannot move this way from its status (申报状态不允许此操作). */
    APPLICATION_STATUS("application-status", 409),
    /** The round's remaining budget does not cover the award (预算不足). */
    BUDGET_EXCEEDED("budget-exceeded", 409),
    /** The organization has applied to this round already (每轮限报一项). */
    APPLICATION_EXISTS("application-exists", 409),
    /** The expert must declare conflicts first, or has a conflict with the applicant (须先申报回避). */
    CONFLICT_UNDECLARED("conflict-undeclared", 409),
    /** Outside the round's window: application closed or scoring deadline passed. */
    WINDOW_CLOSED("window-closed", 409),
    /** A department file (数据比对) with the same content was run for the county before (its SHA-256). */
    FEED_ALREADY_RUN("feed-already-run", 409),
    /** An unmasked export larger than the county's size needs a second person's approval (导出审批). */
    EXPORT_NEEDS_APPROVAL("export-needs-approval", 409),
    /** An export request was decided, downloaded or has expired already. */
    EXPORT_REQUEST_CLOSED("export-request-closed", 409),


    // Attachments (附件)
    /** An uploaded attachment is not of an accepted type, or its name claims another type than its content. */
    ATTACHMENT_TYPE_REFUSED("attachment-type-refused", 415),
    /** An uploaded attachment is of an accepted type but unusable: corrupt, incomplete, or a decompression bomb. */
    ATTACHMENT_CONTENT_REFUSED("attachment-content-refused", 422),

    // Volunteering (志愿服务)
    /** The identity number already belongs to a volunteer of the county. */
    DUPLICATE_VOLUNTEER("duplicate-volunteer", 409),
    /** The activity has no free slot (名额已满). */
    ACTIVITY_FULL("activity-full", 409),
    /** The activity is cancelled, confirmed, past its cut-off or not open to the volunteer. */
    ACTIVITY_CLOSED("activity-closed", 409),
    /** A check-in was refused: forged, expired or foreign code, outside the window, too far away. */
    CHECK_IN_REFUSED("check-in-refused", 422),
    /** An activity's hours were confirmed already, or a ledger row reversed already. */
    HOURS_CONFIRMED("hours-confirmed", 409),
    /** No confirmed hours: no certificate, no export. */
    NO_CONFIRMED_HOURS("no-confirmed-hours", 409),
    /** A redemption beyond the volunteer's points balance. */
    INSUFFICIENT_POINTS("insufficient-points", 409),
    /** A redemption beyond the goods' stock. */
    OUT_OF_STOCK("out-of-stock", 409),
    /** The object's deadline is firing at this moment and did not finish in time; the request changed nothing. */
    DEADLINE_FIRING("deadline-firing", 409),
    /** A volunteering honour was decided already (awarded or declined). */
    HONOUR_DECIDED("honour-decided", 409),
    /** No awarded honour of the year and region is waiting for its certificate. */
    NOTHING_TO_CERTIFY("nothing-to-certify", 409),
    /** A team's consultation proposal was adopted or declined already. */
    PROPOSAL_DECIDED("proposal-decided", 409),
    /** The member supported this proposal already (once each). */
    ALREADY_SUPPORTED("already-supported", 409),

    /** The If-Match version is not the object's current one. */
    VERSION_MISMATCH("version-mismatch", 412),
    UPLOAD_TOO_LARGE("upload-too-large", 413),
    /** An upload is not of the expected file type (e.g. not an .xlsx workbook). */
    NOT_XLSX("not-xlsx", 415),
    /** The request body's content type is not one the address reads. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    /** The Idempotency-Key was used before for a different request. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422),
    /** An edit came without If-Match. */
    IF_MATCH_REQUIRED("if-match-required", 428),
    TOO_MANY_REQUESTS("too-many-requests", 429),
    /** Something failed on the server; the details are in the log, never in the answer. */
    SERVER_ERROR("server-error", 500),
    /** The database is down (being restarted after a crash): try again after {@code Retry-After} seconds. */
    DATABASE_UNAVAILABLE("database-unavailable", 503);

    private final String slug;
    private final int status;

    ProblemType(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    /** The last segment of the problem+json {@code type}, stable across releases. */
    public String slug() {
        return slug;
    }

    /** The HTTP status code this refusal is answered with. */
    public int status() {
        return status;
    }

    /** The problem+json {@code type} URI reference. */
    public String uri() {
        return "/problems/" + slug;
    }
}
