package cn.wushe.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description at {@code /v3/api-docs}: bearer tokens, the problem+json error
 * responses every operation can give (one {@code Problem} schema), the declared tags, and a
 * description per operation naming who may call it and how the region scope applies, so that a
 * client generator accepts the document and clients see the rules without reading code.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** Sorted, so that the description (and docs/openapi.json) is the same on every start. */
    private static final Map<String, String> ERRORS = new TreeMap<>(Map.of(
            "400", "输入有误（errors 列出每个字段的中文说明）",
            "401", "未登录或令牌无效",
            "403", "对可见对象无权执行此操作",
            "404", "不存在或不在管辖范围内"));

    /** One per API controller (springdoc names a tag after its controller); the scope note goes into each operation's description. */
    private record ApiTag(String description, String scopeNote) {
    }

    private static final String SCOPED = "Region-bound: only objects inside the caller's region scope (管辖范围) exist for "
            + "the caller; one outside it answers 404, a forbidden action on a visible one 403.";

    /** Sorted, so that the description is the same on every start. A tag missing here stays undeclared and fails OpenApiDescriptionTest. */
    private static final Map<String, ApiTag> TAGS = new TreeMap<>(Map.of(
            "audit-api-controller", new ApiTag("Audit log (审计日志): entries and hash-chain verification, for the audit admin.", SCOPED),
            "export-api", new ApiTag("Roster export (导出): the filtered people list as .xlsx, masked unless a reason is given.", SCOPED),
            "grid-api", new ApiTag("Grids (网格) under communities: list, read, create, change, retire.", SCOPED),
            "import-api", new ApiTag("Roster import (Excel 导入): upload, check, review rows, commit or discard.", SCOPED),
            "people-api", new ApiTag("People in need (困难群众, 摸底建册): list, register, read, revise, reveal, look up.", SCOPED),
            "region-api", new ApiTag("Administrative regions (区划): China's tree of region codes.",
                    "Not region-bound: the region tree is the same for every signed-in caller."),
            "registry-api", new ApiTag("Registry details (摸底建册): households, categories, change history, corrections.", SCOPED),
            "role-admin-api", new ApiTag("Role grants (角色授权) with region scope, for the security admin.", SCOPED),
            "token-api", new ApiTag("Personal access tokens (个人访问令牌) of the signed-in user.",
                    "Not region-bound: acts on the caller's own tokens only. From a signed-in session only: a request "
                            + "authenticated by a bearer token is refused (403 /problems/token-management-needs-session)."),
            "user-admin-api", new ApiTag("User accounts (用户管理), for the system admin.", SCOPED)));

    static { // Map.of takes ten entries at most: further tags are added here
        TAGS.put("document-api", new ApiTag("Issued documents (证明与回执): revocation of a document whose QR code "
                + "then reports it revoked.", SCOPED));
        TAGS.put("unit-api", new ApiTag("Organizational units (单位): departments, street offices, social-work stations, "
                + "committees, social organizations, charities, companies; list, read, register, change, retire.", SCOPED));
        TAGS.put("calendar-api", new ApiTag("Working calendar (工作日历): holidays and make-up working days (调休) per year, "
                + "working-day and office-hour arithmetic, county office hours.",
                "Not region-bound for reading: the calendar and office hours are the same facts for every signed-in caller. "
                        + "Changing a county's own year or office hours needs CALENDAR_MANAGE in that county (404 outside it); "
                        + "the national year needs CALENDAR_MANAGE anywhere."));
        TAGS.put("attachment-api", new ApiTag("Attachments (附件): photos and files of any object — upload (checked by content, "
                + "images re-encoded without location metadata), list, read content and thumbnail, delete.",
                "Region-bound through the owning object: the owner's module decides who sees it (outside scope 404) and who may "
                        + "attach or delete (otherwise 403); every read and change is audited."));
        TAGS.put("sign-up-review-api", new ApiTag("Residents' and volunteers' own sign-ups (注册审核): list, read, "
                + "confirm (grants the RESIDENT or VOLUNTEER role) or reject with a reason, for community workers.", SCOPED));
        TAGS.put("organization-api", new ApiTag("Social organizations (社会组织): the register with credit codes, community "
                + "organizations filed with their town (备案), changes, deregistration, 1A–5A grades, annual reports.",
                SCOPED + " Organization staff (ORG_OWN) see their own organization only."));
        TAGS.put("round-api", new ApiTag("Funding rounds (公益创投、微项目、政府购买服务): budget, standards, criteria, "
                + "applications, expert assignment, decisions and budget-safe confirmation.",
                SCOPED + " Organization staff see and edit their own applications only; reviewers see assigned ones in the window."));
        TAGS.put("project-api", new ApiTag("Funded projects (项目): reports, instalments, evaluation and acceptance (结项验收).",
                SCOPED + " Organization staff see their own projects only (404 on others)."));
        // f2 (issue 15): bundles, external funds, library, awards
        TAGS.put("bundle-api", new ApiTag("Street bundles (街道打包、社区落地): the communities of one purchased project, each "
                + "with its targets, report and acceptance.", SCOPED + " Organization staff report on their own projects only."));
        TAGS.put("fund-api", new ApiTag("External funds (外部资金: 省级、基金会项目): funder, amount, period and the funder's "
                + "report schedule, beside the round projects.", SCOPED + " Organization staff see their own funds only."));
        TAGS.put("library-api", new ApiTag("The project library (项目库): search by text, field, region and cost per "
                + "beneficiary, nomination, yearly re-check and exit, and communities' orders (点单) into prefilled drafts.",
                SCOPED + " An order needs PROJECT_VIEW or ROUND_MANAGE over the ordering community (404 elsewhere)."));
        TAGS.put("award-api", new ApiTag("一站一品 brands and yearly selections (优秀社会组织、优秀案例、优秀项目): nominations, "
                + "committee scores, publicity with objections, certificates and the compiled PDF (汇编).", SCOPED));
        // f3 (issue 15): round publicity with objections
        TAGS.put("publicity-api", new ApiTag("Round publicity (项目公示): the recommendations under publicity, objections (异议) "
                + "by anyone signed in, the county's answers; an upheld objection stops the award.",
                "Listing and filing are not region-bound (public information, no person); reading and answering objections "
                        + "follow the application's region (404 elsewhere)."));
        TAGS.put("organization-community-api", new ApiTag("Organizations and communities: 报到 (an organization reports "
                + "to a community with its services, the community confirms or declines), residents per community kept by the "
                + "county, community organizations per 10,000 residents.", SCOPED
                + " A community confirms only reports to itself (ORG_CHECKIN_CONFIRM); an organization reports only itself."));
        TAGS.put("inbox-api", new ApiTag("The caller's own inbox (我的通知): notices newest first, unread count, mark read.",
                "Not region-bound: own inbox only; another user's notice is not found (404)."));
        // s-auth (issue 10)
        TAGS.put("security-policy-api", new ApiTag("County security policy (安全策略): whether every account of the county "
                + "must sign in with a second factor (TOTP), for the county's security admin.",
                "County-bound: only the security admin (ROLE_MANAGE) of that county may change it (otherwise 403)."));
        TAGS.put("care-api", new ApiTag("Care (关爱走访): due visits, people under care with tiers and pairings, visits with "
                + "五了解 and 四协助, tier approval, alerts (预警→走访→处置).", SCOPED
                + " A volunteer sees only the households paired with them."));
        TAGS.put("care-teams-api", new ApiTag("Care teams (关爱帮扶小组, e.g. 五位一体): county team types with a follow-up "
                + "form and cycle, teams around a person under care, member contacts (phone encrypted), follow-ups.", SCOPED
                + " Team types belong to the county of the caller's CARE_SETTINGS grant."));
        TAGS.put("casework-api", new ApiTag("Casework beyond cases (care): groups (小组) with members, meetings and "
                + "closing, community activities (社区活动), crises (危机干预) with contacts, safety plan and de-escalation.",
                SCOPED + " Needs CASEWORK over the region; contents only for the group's or case's people (403 on writing)."));
        TAGS.put("matter-api", new ApiTag("Residents' matters (诉求): intake through every channel, sign for, decline, forward "
                + "community → street office → department, send back, merge, 一次告知 return, resubmit, close, rate, reopen, "
                + "follow-up calls.",
                "Unit- and region-bound: a resident sees their own matters, a taker those they took in, a unit's staff those "
                        + "sitting at or routed through their unit inside their MATTER_HANDLE region, a street office's lead its "
                        + "town, the county administrator the county; anything else is not found (404). A step on a visible "
                        + "matter by someone not at its unit is forbidden (403)."));
        TAGS.put("appointment-api", new ApiTag("错时服务 and appointments (预约办理): a community's desk hours incl. evenings "
                + "and weekends, free slots with their places, booking, cancelling, attendance and no-shows.",
                "Desk hours and free slots are public facts of a community (not region-bound). Booking needs MATTER_SUBMIT over "
                        + "the community (403 elsewhere); setting hours and recording attendance need MATTER_HANDLE over it "
                        + "(403 / 404 elsewhere); a booking is cancelled only by its holder (404 for anybody else)."));
        TAGS.put("figures-pages", new ApiTag("Monthly figures of matters (诉求月度统计) per unit: received, response, resolution, "
                + "satisfaction and on-time rates, average working days, returns, reopenings; frozen on the 1st.",
                "Unit-bound: the county administrator sees every unit of the county, a unit's lead their own units; anybody "
                        + "else is not found (404)."));
        TAGS.put("catalogue-api", new ApiTag("The service catalogue (服务事项目录): versioned items with materials, conditions, "
                + "time limits per level and channels; read by every signed-in user, kept by the county administrator.",
                "Not region-bound for reading (public facts, also shown by the 导办 guide); publishing and retiring need "
                        + "MATTER_CATALOGUE over the county (403 otherwise)."));
        TAGS.put("volunteer-api", new ApiTag("Volunteers (志愿者): masked lists and entry for workers, reveal with a reason, "
                + "the volunteer's own profile, hours and certificate, the points store (积分超市).", SCOPED));
        TAGS.put("activity-api", new ApiTag("Volunteer activities (志愿活动): publish, enrol with slots and waitlist, "
                + "check in by signed QR code and geofence, organizer check-in, one-step confirmation of hours.", SCOPED));
        // s2 (issue 10)
        TAGS.put("export-approval-api", new ApiTag("Four-eyes export (导出审批): an unmasked export above the county's size "
                + "is requested, approved by another person at the same or a higher scope, then downloaded once.", SCOPED));
        TAGS.put("monitoring-api", new ApiTag("Data comparison (数据比对): department files matched against the registry "
                + "by identity number; the county's rules raise care alerts; a file runs once (SHA-256).", SCOPED));
        TAGS.put("monitoring-rules-api", new ApiTag("County comparison rules (比对规则) and typed 政策找人 rules (category held or "
                + "lacking, age, household size, a department's figure), run daily in the database; hits become care alerts.",
                "County-bound: only the county admin holding MONITORING_RUN for that county (others: 404)."));
        // e3 (issue 14)
        TAGS.put("consultation-api", new ApiTag("Team consultation board (志愿服务协商): members propose activities, comment "
                + "and support once; whoever runs the team adopts (a draft activity) or declines with a reason.", SCOPED));
        TAGS.put("team-party-api", new ApiTag("Volunteer teams' members and leader (志愿服务队) and party members reporting to "
                + "their community (双报到): own declaration, the community's list and confirmation, the sending unit's summary.",
                SCOPED));
        // e4 (issue 14)
        TAGS.put("hours-report-api", new ApiTag("Service reported without check-in (补报时长): the volunteer reports a past "
                + "service of an activity; its organizer confirms it into the hours ledger or declines it with a reason.",
                SCOPED));
        TAGS.put("honour-api", new ApiTag("Yearly honours (优秀志愿者, 优秀志愿服务队): nominated from the year's confirmed hours "
                + "or by hand with a reason, awarded or declined, certificates issued in one batch (a ZIP of PDFs).", SCOPED));
    }

    private static final Pattern AUTHORITIES = Pattern.compile("'([A-Z_]+)'");

    @Bean
    OpenAPI wusheOpenApi() {
        return new OpenAPI()
                .info(new Info().title("五社联动 API").version("v1")
                        .description("Wushe community co-governance platform. Errors are RFC 9457 problem+json."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("个人访问令牌 wst_…"))
                        .addSchemas("GeoJsonGeometry", geoJsonGeometrySchema()))
                .security(List.of(new SecurityRequirement().addList("bearer")));
    }

    /** Added here rather than in the OpenAPI bean: springdoc drops schemas no operation refers to before customizers run. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            api.getComponents().addSchemas("Problem", problemSchema());
            api.getPaths().values().forEach(path -> path.readOperations().forEach(op ->
                    ERRORS.forEach((status, description) -> op.getResponses().computeIfAbsent(status,
                            s -> new ApiResponse().description(description).content(new Content().addMediaType(
                                    "application/problem+json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))))));
        };
    }

    /** Declares every tag an operation uses that is catalogued in {@link #TAGS}. */
    @Bean
    OpenApiCustomizer declaredTags() {
        return api -> api.setTags(api.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .flatMap(op -> op.getTags() == null ? java.util.stream.Stream.empty() : op.getTags().stream())
                .distinct().sorted().filter(TAGS::containsKey)
                .map(name -> new Tag().name(name).description(TAGS.get(name).description()))
                .toList());
    }

    /** The summary (Chinese, from {@code @Operation}) followed by who may call the operation and how its scope applies. */
    @Bean
    OperationCustomizer operationDescriptions() {
        return (operation, handler) -> {
            if (operation.getDescription() != null) {
                return operation;
            }
            StringBuilder text = new StringBuilder();
            if (operation.getSummary() != null) {
                text.append(operation.getSummary()).append(". ");
            }
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            text.append(rule == null ? "Open to every caller." : whoMayCall(rule.value()));
            String tag = operation.getTags() == null || operation.getTags().isEmpty() ? null : operation.getTags().getFirst();
            if (tag != null && TAGS.containsKey(tag)) {
                text.append(' ').append(TAGS.get(tag).scopeNote());
            }
            return operation.description(text.toString());
        };
    }

    /** {@code hasAuthority('X')} → "Requires the authority X."; several authorities → "Requires one of …". */
    static String whoMayCall(String expression) {
        List<String> authorities = AUTHORITIES.matcher(expression).results().map(m -> m.group(1)).toList();
        if (expression.contains("isAuthenticated()") || authorities.isEmpty()) {
            return "Requires a signed-in caller (" + expression + ").";
        }
        return authorities.size() == 1 ? "Requires the authority " + authorities.getFirst() + "."
                : "Requires one of the authorities " + String.join(", ", authorities) + ".";
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    /** A GeoJSON geometry (RFC 7946), e.g. a grid's boundary; coordinates are [longitude, latitude]. */
    private static Schema<?> geoJsonGeometrySchema() {
        return typed("object").description("GeoJSON 几何对象（RFC 7946），坐标为 [经度, 纬度]")
                .addProperty("type", typed("string")._enum(List.of("Polygon", "MultiPolygon")))
                .addProperty("coordinates", typed("array").items(new Schema<>()))
                .required(List.of("type", "coordinates"));
    }

    /** A schema of one JSON type, written as OpenAPI 3.1 writes it ({@code types}); {@code type} alone is dropped in 3.1. */
    private static Schema<Object> typed(String type) {
        return new Schema<Object>().type(type).types(Set.of(type));
    }

    private static Schema<?> problemSchema() {
        Schema error = typed("object").description("一个字段的错误，message 为中文说明")
                .addProperty("field", typed("string"))
                .addProperty("message", typed("string"));
        return typed("object").description("RFC 9457 problem details")
                .addProperty("type", typed("string").format("uri-reference"))
                .addProperty("title", typed("string"))
                .addProperty("status", typed("integer"))
                .addProperty("detail", typed("string"))
                .addProperty("instance", typed("string").format("uri-reference"))
                .addProperty("errors", typed("array").items(error));
    }
}
