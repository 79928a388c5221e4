package cn.wushe.monitoring.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.care.CareAlerts;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Page;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.registry.DirectoryCaller;
import cn.wushe.registry.DirectoryEntry;
import cn.wushe.registry.IdentityMatch;
import cn.wushe.registry.PersonDirectory;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.PersonStatus;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a department file (数据比对) for one county, in one transaction: refused whole when the same
 * content ran before (SHA-256); each row {@code identity number,value} checked (a wrong value or a
 * number that is not GB 11643 is a rejected row with its reason, the rest go on), matched through
 * {@link PersonDirectory#match} in calls of 10,000, and the county's {@link ComparisonRules} applied:
 * <ul>
 * <li>hospital stay longer than the limit for a red or yellow person → high alert;</li>
 * <li>income above the 低保 line for someone holding 低保 → medium alert;</li>
 * <li>death of someone still 在册 → high alert; a household change → low alert;</li>
 * <li>disability grade 1–2 for someone without the 残疾人 category → 政策找人 alert "may be eligible".</li>
 * </ul>
 * Alerts are keyed by the file and line, so nothing is raised twice.
 */
@Service
public class FeedComparison {

    public static final int MAX_ROWS = 1_000_000;

    private final PersonDirectory directory;
    private final CareAlerts alerts;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final CountyRules countyRules;
    private final FeedFiles files;

    FeedComparison(PersonDirectory directory, CareAlerts alerts, JdbcClient jdbc, AuditLog audit, Clock clock,
            CountyRules countyRules, FeedFiles files) {
        this.countyRules = countyRules;
        this.files = files;
        this.directory = directory;
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    record Row(int line, String identityNumber, String value) {
    }

    @Transactional
    public FeedRun run(Actor actor, @Nullable String countyCode, @Nullable FeedKind kind, @Nullable String fileName,
            byte[] content) {
        requireCounty(actor, countyCode);
        if (kind == null) {
            throw DomainException.invalid("kind", Messages.text("monitoring.kind-required"));
        }
        if (content.length == 0) {
            throw DomainException.invalid("file", Messages.text("monitoring.file-empty"));
        }
        String sha = sha256(content);
        if (jdbc.sql("select exists (select 1 from monitoring.feed_runs where county_code = :county and sha256 = :sha)")
                .param("county", countyCode).param("sha", sha).query(Boolean.class).single()) {
            throw DomainException.conflict(ProblemType.FEED_ALREADY_RUN, "file", Messages.text("monitoring.already-run"));
        }
        List<FeedRun.Reject> rejects = new ArrayList<>();
        List<Row> rows = parse(files.lines(content), kind, rejects);
        int unreadable = rejects.size();
        ComparisonRules rules = countyRules.of(countyCode);
        DirectoryCaller caller = DirectoryCaller.system("monitoring", Messages.text("monitoring.directory.purpose", kind.label()));
        Map<String, IdentityMatch> byNumber = matchEach(caller, countyCode, rows);
        Map<PersonId, List<Row>> matched = new HashMap<>();
        int notRegistered = 0;
        for (Row row : rows) {
            IdentityMatch m = byNumber.get(row.identityNumber());
            switch (m.outcome()) {
                case MATCHED -> matched.computeIfAbsent(m.person(), p -> new ArrayList<>()).add(row);
                case NOT_REGISTERED -> notRegistered++;
                case INVALID -> rejects.add(new FeedRun.Reject(row.line(), Messages.text("monitoring.reject.identity", m.problem())));
            }
        }
        rejects.sort(Comparator.comparingInt(FeedRun.Reject::line));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        keepFacts(countyCode, kind, matched, id, now);
        int raised = 0;
        List<PersonId> ids = new ArrayList<>(matched.keySet());
        String runKey = "feed:" + countyCode + ":" + sha + ":";
        for (int from = 0; from < ids.size(); from += PersonDirectory.MAX_PER_CALL) {
            List<PersonId> chunk = ids.subList(from, Math.min(ids.size(), from + PersonDirectory.MAX_PER_CALL));
            // only the hospital rule looks at the tier: other files do not ask care about 100,000 people
            Map<UUID, String> tiers = kind == FeedKind.HOSPITAL_STAY ? alerts.tiers(chunk.stream().map(PersonId::value).toList())
                    : Map.of();
            Map<PersonId, Row> judged = new HashMap<>();
            for (PersonId person : chunk) {
                Row row = decisive(kind, matched.get(person));
                if (mayCallForAlert(kind, rules, tiers.get(person.value()), row)) {
                    judged.put(person, row);
                }
            }
            if (judged.isEmpty()) {
                continue;
            }
            List<CareAlerts.NewAlert> found = new ArrayList<>();
            for (DirectoryEntry entry : directory.findAll(caller, countyCode, judged.keySet())) {
                CareAlerts.NewAlert alert = apply(kind, rules, entry, judged.get(entry.id()), runKey);
                if (alert != null) {
                    found.add(alert);
                }
            }
            raised += alerts.raiseAll(found);
        }
        int matchedRows = matched.values().stream().mapToInt(List::size).sum();
        jdbc.sql("""
                insert into monitoring.feed_runs (county_code, id, kind, sha256, file_name, rows_total, matched, not_registered,
                    alerts, rejected, run_by, run_at)
                values (:county, :id, :kind, :sha, :name, :rows, :matched, :unregistered, :alerts, :rejected, :by, :at)""")
                .param("county", countyCode).param("id", id).param("kind", kind.name()).param("sha", sha)
                .param("name", fileName == null || fileName.isBlank() ? "-" : fileName.strip())
                .param("rows", rows.size() + unreadable).param("matched", matchedRows)
                .param("unregistered", notRegistered).param("alerts", raised).param("rejected", rejects.size())
                .param("by", actor.id()).param("at", Timestamp.from(now)).update();
        if (!rejects.isEmpty()) {
            jdbc.sql("""
                    insert into monitoring.feed_rejects (county_code, run_id, line, reason)
                    select :county, :id, r.line, r.reason from unnest(cast(:lines as int[]), cast(:reasons as text[])) as r(line, reason)""")
                    .param("county", countyCode).param("id", id)
                    .param("lines", rejects.stream().map(FeedRun.Reject::line).toArray(Integer[]::new))
                    .param("reasons", rejects.stream().map(FeedRun.Reject::reason).toArray(String[]::new)).update();
        }
        audit.record(AuditEvent.success("MONITORING_FEED_RUN", "FEED_RUN", id.toString(), countyCode)
                .withDetail(kind.name() + " rows " + rows.size() + ", matched " + matchedRows + ", alerts " + raised
                        + ", rejected " + rejects.size()));
        return find(actor, id).orElseThrow();
    }

    /**
     * Each distinct number of the file asked of the directory once: a file listing a person's every
     * stay asks about them once, not per stay.
     */
    private Map<String, IdentityMatch> matchEach(DirectoryCaller caller, String countyCode, List<Row> rows) {
        List<String> numbers = rows.stream().map(Row::identityNumber).distinct().toList();
        Map<String, IdentityMatch> byNumber = new HashMap<>(numbers.size() * 2);
        for (int from = 0; from < numbers.size(); from += PersonDirectory.MAX_PER_CALL) {
            List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + PersonDirectory.MAX_PER_CALL));
            for (IdentityMatch m : directory.match(caller, countyCode, chunk)) {
                byNumber.put(chunk.get(m.index()), m);
            }
        }
        return byNumber;
    }

    /**
     * Of a person's rows in one file, the one the rules judge: the longest stay, the highest income,
     * the lowest disability grade, the latest date. A file listing five stays of one person gives
     * their worker one alert, not five.
     */
    static Row decisive(FeedKind kind, List<Row> rows) {
        Comparator<Row> stronger = switch (kind) {
            case HOSPITAL_STAY -> Comparator.comparingInt(r -> Integer.parseInt(r.value()));
            case INCOME -> Comparator.comparing(r -> new BigDecimal(r.value()));
            case DISABILITY_GRADE -> Comparator.comparingInt((Row r) -> Integer.parseInt(r.value())).reversed();
            case DEATH, HOUSEHOLD_CHANGE -> Comparator.comparing(r -> LocalDate.parse(r.value()));
        };
        // ties go to the first such row, so the alert names the line a reader meets first
        return rows.stream().reduce((a, b) -> stronger.compare(b, a) > 0 ? b : a).orElseThrow();
    }

    /**
     * Whether the row, by its value and the person's tier alone, may call for an alert: the directory
     * is asked about the person's categories and status only then (most rows of a file call for none).
     */
    static boolean mayCallForAlert(FeedKind kind, ComparisonRules rules, @Nullable String tier, Row row) {
        return switch (kind) {
            case HOSPITAL_STAY -> Integer.parseInt(row.value()) > rules.maxStayDays() && ("RED".equals(tier) || "YELLOW".equals(tier));
            case INCOME -> new BigDecimal(row.value()).compareTo(rules.dibaoLineYuan()) > 0;
            case DISABILITY_GRADE -> Integer.parseInt(row.value()) <= 2;
            case DEATH, HOUSEHOLD_CHANGE -> true;
        };
    }

    /** The alert a row that {@link #mayCallForAlert may call for one} calls for, given what the directory holds, or null. */
    private static CareAlerts.@Nullable NewAlert apply(FeedKind kind, ComparisonRules rules, DirectoryEntry entry, Row row,
            String runKey) {
        UUID person = entry.id().value();
        String region = entry.regionCode();
        String key = runKey + row.line();
        boolean active = entry.status() == PersonStatus.ACTIVE;
        return switch (kind) {
            case HOSPITAL_STAY -> new CareAlerts.NewAlert(person, region, CareAlerts.Source.DATA, CareAlerts.Severity.HIGH,
                    Messages.text("monitoring.alert.hospital", Integer.parseInt(row.value())), key);
            case INCOME -> entry.categories().contains("DIBAO")
                    ? new CareAlerts.NewAlert(person, region, CareAlerts.Source.DATA, CareAlerts.Severity.MEDIUM,
                            Messages.text("monitoring.alert.income", rules.dibaoLineYuan().toPlainString()), key) : null;
            case DEATH -> active
                    ? new CareAlerts.NewAlert(person, region, CareAlerts.Source.DATA, CareAlerts.Severity.HIGH,
                            Messages.text("monitoring.alert.death"), key) : null;
            case HOUSEHOLD_CHANGE -> active
                    ? new CareAlerts.NewAlert(person, region, CareAlerts.Source.DATA, CareAlerts.Severity.LOW,
                            Messages.text("monitoring.alert.household"), key) : null;
            case DISABILITY_GRADE -> !entry.categories().contains("DISABLED") && active
                    ? new CareAlerts.NewAlert(person, region, CareAlerts.Source.POLICY, CareAlerts.Severity.MEDIUM,
                            Messages.text("monitoring.alert.disability", Integer.parseInt(row.value())), key) : null;
        };
    }

    /**
     * Rows of the file (CSV or the first sheet of an .xlsx, as {@link FeedFiles} reads them): a
     * header line (not starting with a digit) and blank lines are skipped; bad values rejected.
     */
    static List<Row> parse(List<FeedFiles.Line> lines, FeedKind kind, List<FeedRun.Reject> rejects) {
        List<Row> rows = new ArrayList<>();
        if (lines.size() > MAX_ROWS + 1) {
            throw DomainException.invalid("file", Messages.text("monitoring.too-many-rows", MAX_ROWS));
        }
        for (int i = 0; i < lines.size(); i++) {
            FeedFiles.Line line = lines.get(i);
            List<String> cells = line.cells();
            if (cells.stream().allMatch(String::isBlank) || (i == 0 && !startsWithDigit(cells.get(0)))) {
                continue;
            }
            if (cells.size() < 2) {
                rejects.add(new FeedRun.Reject(line.number(), Messages.text("monitoring.reject.columns")));
                continue;
            }
            String value = FeedFiles.value(kind, cells.get(1).strip());
            Optional<String> problem = checkValue(kind, value);
            if (problem.isPresent()) {
                rejects.add(new FeedRun.Reject(line.number(), problem.get()));
                continue;
            }
            rows.add(new Row(line.number(), cells.get(0).strip(), value));
        }
        return rows;
    }

    private static boolean startsWithDigit(String cell) {
        String text = cell.strip();
        return !text.isEmpty() && Character.isDigit(text.charAt(0));
    }

    /** The latest value of each matched person's fact of this kind, for 政策找人's feed-fact rules. */
    private void keepFacts(String countyCode, FeedKind kind, Map<PersonId, List<Row>> matched, UUID runId, Instant now) {
        if (matched.isEmpty()) {
            return;
        }
        List<PersonId> people = new ArrayList<>(matched.keySet());
        jdbc.sql("""
                insert into monitoring.person_facts (county_code, person_id, kind, value, observed_at, run_id)
                select :county, f.person, :kind, f.value, :now, :run from unnest(cast(:people as uuid[]), cast(:values as text[]))
                    as f(person, value)
                on conflict (county_code, person_id, kind) do update set value = excluded.value,
                    observed_at = excluded.observed_at, run_id = excluded.run_id""")
                .param("county", countyCode).param("kind", kind.name()).param("now", Timestamp.from(now)).param("run", runId)
                .param("people", people.stream().map(PersonId::toString).toArray(String[]::new))
                .param("values", people.stream().map(p -> matched.get(p).getLast().value()).toArray(String[]::new)).update();
    }

    static void requireCounty(Actor actor, @Nullable String countyCode) {
        if (countyCode == null || !countyCode.matches("[0-9]{6}")) {
            throw DomainException.invalid("countyCode", Messages.text("monitoring.county-required"));
        }
        if (!actor.can(Permission.MONITORING_RUN, countyCode)) {
            throw DomainException.notFound(Messages.text("monitoring.subject.county", countyCode));
        }
    }

    private static Optional<String> checkValue(FeedKind kind, String value) {
        try {
            switch (kind) {
                case HOSPITAL_STAY -> {
                    int days = Integer.parseInt(value);
                    if (days < 0 || days > 3660) {
                        return Optional.of(Messages.text("monitoring.reject.days"));
                    }
                }
                case INCOME -> {
                    if (new BigDecimal(value).signum() < 0) {
                        return Optional.of(Messages.text("monitoring.reject.income"));
                    }
                }
                case DEATH, HOUSEHOLD_CHANGE -> LocalDate.parse(value);
                case DISABILITY_GRADE -> {
                    int grade = Integer.parseInt(value);
                    if (grade < 1 || grade > 4) {
                        return Optional.of(Messages.text("monitoring.reject.grade"));
                    }
                }
            }
            return Optional.empty();
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.of(Messages.text("monitoring.reject.value." + kind.name()));
        }
    }

    public Optional<FeedRun> find(Actor actor, UUID id) {
        var scope = ScopeFilter.predicate(actor, Permission.MONITORING_RUN, "r.county_code", "r.county_code");
        Optional<FeedRun> run = jdbc.sql("select r.* from monitoring.feed_runs r where r.id = :id and " + scope.sql())
                .params(scope.params()).param("id", id).query((rs, n) -> row(rs, List.of())).optional();
        return run.map(r -> new FeedRun(r.id(), r.countyCode(), r.kind(), r.sha256(), r.fileName(), r.rows(), r.matched(),
                r.notRegistered(), r.alerts(), r.rejected(), r.runBy(), r.runAt(), jdbc.sql("""
                        select line, reason from monitoring.feed_rejects where county_code = :county and run_id = :id
                        order by line limit 1000""").param("county", r.countyCode()).param("id", id)
                        .query((rs, n) -> new FeedRun.Reject(rs.getInt(1), rs.getString(2))).list()));
    }

    public Page<FeedRun> list(Actor actor, int page, int size) {
        var scope = ScopeFilter.predicate(actor, Permission.MONITORING_RUN, "r.county_code", "r.county_code");
        long total = jdbc.sql("select count(*) from monitoring.feed_runs r where " + scope.sql()).params(scope.params())
                .query(Long.class).single();
        List<FeedRun> items = jdbc.sql("select r.* from monitoring.feed_runs r where " + scope.sql()
                        + " order by r.run_at desc limit :limit offset :offset")
                .params(scope.params()).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> row(rs, List.of())).list();
        return Page.counted(items, total, page, size);
    }

    private static FeedRun row(ResultSet rs, List<FeedRun.Reject> rejects) throws SQLException {
        return new FeedRun(rs.getObject("id", UUID.class), rs.getString("county_code"), FeedKind.valueOf(rs.getString("kind")),
                rs.getString("sha256"), rs.getString("file_name"), rs.getInt("rows_total"), rs.getInt("matched"),
                rs.getInt("not_registered"), rs.getInt("alerts"), rs.getInt("rejected"), rs.getObject("run_by", UUID.class),
                rs.getTimestamp("run_at").toInstant(), rejects);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
