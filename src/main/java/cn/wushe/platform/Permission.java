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
    // Social organizations and projects (社会组织与项目, issue 15)
    /** See the register of social organizations and filed community organizations (社会组织名录). */
    ORG_VIEW,
    /** Register, change and deregister organizations; file community organizations (备案) in a town. */
    ORG_MANAGE,
    /** An organization's own staff: its record, its applications and projects, nothing of others. */
    ORG_OWN,
    /** Open and run funding rounds (公益创投、微项目、政府购买服务): standards, criteria, experts, decisions, confirmation. */
    ROUND_MANAGE,
    /** Score the applications an expert (评审专家) is assigned, inside the scoring window; no export. */
    APPLICATION_SCORE,
    /** See funded projects, their reports and instalments in the region scope. */
    PROJECT_VIEW,
    /** Evaluate a project at acceptance (第三方评估) when assigned to it. */
    PROJECT_EVALUATE,
}
