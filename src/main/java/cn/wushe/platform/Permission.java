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
    /** See people under care (关爱对象), their tiers, visits, pairings and alerts. */
    CARE_VIEW,
    /** Record visits (走访) and legwork (摸排) on the people of the scope, or of the households one is paired with. */
    CARE_VISIT,
    /** Assess tiers, pair visitors, own and close alerts (关爱管理). */
    CARE_MANAGE,
    /** Approve a tier change to or from red (红色等级审批). */
    CARE_TIER_APPROVE,
    /** Run cases, crisis interventions, groups and community activities (个案、危机干预、小组、社区活动). */
    CASEWORK,
    /** Set a county's visit cycles, crisis hours and data-comparison rules (关爱设置). */
    CARE_SETTINGS,
    /** Upload department files and run data comparison and 政策找人 (数据比对). */
    MONITORING_RUN,
    /** Bring a resident's matter (诉求、办事) in: their own as a resident, on a walk-in's behalf as a worker. */
    MATTER_SUBMIT,
    /** Sign for, handle, forward, return and close the matters sitting at one's unit (单位). */
    MATTER_HANDLE,
    /** See and follow up the matters of one's reach: a unit lead its unit (and a street office its town), the county its county. */
    MATTER_SUPERVISE,
    /** Keep the county's service catalogue (服务事项目录); the catalogue keeper also oversees every matter of the county. */
    MATTER_CATALOGUE,
    /** The region where matters' files (materials, notices) may be read; which matters, the requests module decides. */
    MATTER_VIEW,
    /** A volunteer's own profile, activities, check-in, hours, points and certificates (志愿者本人). */
    VOLUNTEER_SELF,
    /** See volunteers, teams and their hours (志愿者查看). */
    VOLUNTEER_VIEW,
    /** Organize activities and services, check people in and confirm their hours (活动组织). */
    ACTIVITY_MANAGE,
    /** Redeem points for goods at a community's points store (积分超市兑换). */
    POINTS_REDEEM,
    /** Nominate and decide yearly volunteer honours (表彰). */
    HONOUR_AWARD,
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
    /** Confirm the social organizations reporting to a community (报到) and see their projects (社区). */
    ORG_CHECKIN_CONFIRM,
    /** See backups and their progress, start one now (system admin 系统管理员). */
    BACKUP_MANAGE,
}
