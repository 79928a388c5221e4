package cn.wushe.platform;

/**
 * What a role may do. A role grants a permission within a region scope (see {@link Actor}); the
 * purpose-specific permissions (search, view, edit) may reach further or less far than the role
 * assignment's own region, as DHIS2 separates capture, search and view scopes.
 */
public enum Permission {
    /** Browse the region tree and see grids. */
    GRID_VIEW,
    /** Create, edit and retire grids. */
    GRID_EDIT,
    /** Manage user accounts (system admin 系统管理员). */
    USER_MANAGE,
    /** Assign roles with scopes (security admin 安全管理员). */
    ROLE_MANAGE,
    /** Read and verify the audit log (audit admin 审计管理员). */
    AUDIT_READ,
    /** Find people town-wide in a minimal masked projection to avoid registering someone twice. */
    PERSON_SEARCH,
    /** See people's records. */
    PERSON_VIEW,
    /** Register and edit people and households. */
    PERSON_EDIT,
    /** Reveal masked sensitive fields with a stated reason. */
    PII_UNMASK,
    /** Import rosters and export lists. */
    PERSON_IMPORT,
    PERSON_EXPORT,
    /** A resident's access to their own record. */
    SELF_SERVICE,
    /** Revoke an issued document (certificate, receipt) so its QR code reports it revoked. */
    DOCUMENT_REVOKE,
    /** Register, change and retire organizational units (单位) inside the region scope. */
    UNIT_MANAGE,
    /** Enter and correct the working calendar (工作日历) and a county's office hours (system admin). */
    CALENDAR_MANAGE,
    /** Confirm or reject residents' and volunteers' own sign-ups (注册审核) in the community they named. */
    SIGNUP_CONFIRM,
    /** See the scheduled-task queue: pending, late and failing deadlines (system admin 系统管理员). */
    TASK_VIEW,
    /** See backups and their progress, start one now (system admin 系统管理员). */
    BACKUP_MANAGE,
}
