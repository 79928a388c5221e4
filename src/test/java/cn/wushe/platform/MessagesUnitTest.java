package cn.wushe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wushe.audit.AuditEvent;
import cn.wushe.documents.internal.DocumentVerification;
import cn.wushe.identity.internal.Role;
import cn.wushe.identity.internal.TokenScope;
import cn.wushe.platform.personal.IdDocumentType;
import cn.wushe.platform.personal.Sex;
import cn.wushe.registry.ClosingReason;
import cn.wushe.registry.PersonStatus;
import cn.wushe.registry.internal.CorrectableField;
import cn.wushe.registry.internal.Correction;
import cn.wushe.registry.internal.IncomeBand;
import cn.wushe.registry.internal.PartyKind;
import cn.wushe.registry.internal.RelationToHead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The wording rule held by a test (docs/architecture.md, "User-facing wording"): every key the code
 * and the templates read is in {@code messages.properties}, every key there is read, none is written
 * twice, and the converted modules keep no Chinese string literal outside the few files listed here.
 */
class MessagesUnitTest {

    private static final Path MAIN_JAVA = Path.of("src/main/java");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path MESSAGES = Path.of("src/main/resources/messages.properties");

    private static final Pattern JAVA_KEY = Pattern.compile("Messages\\.(?:text|has)\\(\\s*\"([^\"]+)\"");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([^}(]+)");
    private static final Pattern TEMPLATE_MSG_KEY = Pattern.compile("#messages\\.msg(?:OrNull)?\\(\\s*'([^']+)'");
    /** A string literal shaped like a key, e.g. passed to a helper that reads it with Messages.text. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[A-Za-z0-9_-]+)+)\"");
    private static final Pattern CHINESE_LITERAL = Pattern.compile("\"[^\"\\n]*\\p{IsHan}[^\"\\n]*\"");

    /** Key families built from an enum's constants, each checked constant by constant. */
    private static final Map<String, List<? extends Enum<?>>> ENUM_FAMILIES = Map.ofEntries(
            Map.entry("identity.role.", List.of(Role.values())),
            Map.entry("calendar.source.", constants("cn.wushe.calendar.internal.CalendarYear$Source")),
            Map.entry("identity.token.scope.", List.of(TokenScope.values())),
            Map.entry("identity.signup.kind.", List.of(cn.wushe.identity.internal.SignUpKind.values())),
            Map.entry("identity.signup.status.", List.of(cn.wushe.identity.internal.SignUpStatus.values())),
            Map.entry("platform.scope-level.", List.of(ScopeLevel.values())),
            Map.entry("audit.outcome.", List.of(AuditEvent.Outcome.values())),
            Map.entry("platform.sex.", List.of(Sex.values())),
            Map.entry("platform.id-document.", List.of(IdDocumentType.values())),
            Map.entry("platform.id-document.number.", List.of(IdDocumentType.values())),
            Map.entry("registry.closure.reason.", List.of(ClosingReason.values())),
            Map.entry("registry.status.", List.of(PersonStatus.values())),
            Map.entry("registry.reveal-reason.", List.of(cn.wushe.registry.internal.RevealReason.values())),
            Map.entry("registry.relation.", List.of(RelationToHead.values())),
            Map.entry("registry.income-band.", List.of(IncomeBand.values())),
            Map.entry("registry.party-kind.", List.of(PartyKind.values())),
            Map.entry("registry.correctable-field.", List.of(CorrectableField.values())),
            Map.entry("registry.correction.status.", List.of(Correction.Status.values())),
            Map.entry("registry.import-status.", constants("cn.wushe.registry.imports.ImportStatus")),
            Map.entry("registry.row-outcome.", constants("cn.wushe.registry.imports.RowOutcome")),
            Map.entry("registry.column.", constants("cn.wushe.registry.imports.RosterColumn")),
            Map.entry("registry.column.hint.", constants("cn.wushe.registry.imports.RosterColumn")),
            Map.entry("documents.verify.state.", List.of(DocumentVerification.State.values())),
            Map.entry("documents.verify.explain.", List.of(DocumentVerification.State.values())),
            Map.entry("units.kind.", List.of(cn.wushe.units.UnitKind.values())),
            Map.entry("organizations.kind.", List.of(cn.wushe.organizations.OrganizationKind.values())),
            Map.entry("projects.status.", constants("cn.wushe.projects.internal.ApplicationStatus")),
            Map.entry("projects.evaluation.", constants("cn.wushe.projects.internal.Evaluation")),
            Map.entry("projects.round.kind.", constants("cn.wushe.projects.internal.Round$Kind")),
            Map.entry("projects.round.status.", constants("cn.wushe.projects.internal.Round$Status")),
            Map.entry("projects.fund.kind.", constants("cn.wushe.projects.internal.ExternalFunds$FunderKind")),
            Map.entry("projects.award.category.", constants("cn.wushe.projects.internal.Awards$Category")),
            Map.entry("projects.award.status.", constants("cn.wushe.projects.internal.Awards$Stage")),
            Map.entry("projects.objection.status.", constants("cn.wushe.projects.internal.Objections$Status")),
            Map.entry("organizations.checkin.status.", constants("cn.wushe.organizations.internal.CommunityCheckins$Status")),
            Map.entry("organizations.party.", constants("cn.wushe.organizations.internal.OrganizationRecord$PartyStatus")),
            Map.entry("attachments.kind.", constants("cn.wushe.attachments.AttachmentKind")),
            Map.entry("attachments.sniffed.", constants("cn.wushe.attachments.internal.Sniffed")),
            Map.entry("care.tier.", List.of(cn.wushe.care.internal.Tier.values())),
            Map.entry("care.tier-change.", List.of(cn.wushe.care.internal.TierChange.Status.values())),
            Map.entry("care.factor.", List.of(cn.wushe.care.internal.RiskFactor.values())),
            Map.entry("care.finding.", List.of(cn.wushe.care.internal.Finding.values())),
            Map.entry("care.aspect.", List.of(cn.wushe.care.internal.Aspect.values())),
            Map.entry("care.assist.", List.of(cn.wushe.care.internal.AssistKind.values())),
            Map.entry("care.resource.", List.of(cn.wushe.care.internal.ResourceKind.values())),
            Map.entry("care.consent.", List.of(cn.wushe.care.internal.Pairing.ConsentHow.values())),
            Map.entry("care.severity.", List.of(cn.wushe.care.internal.Alert.Severity.values())),
            Map.entry("care.alert-source.", List.of(cn.wushe.care.internal.Alert.Source.values())),
            Map.entry("care.alert-status.", List.of(cn.wushe.care.internal.Alert.Status.values())),
            Map.entry("care.alert-level.", List.of(cn.wushe.care.internal.AlertLevel.values())),
            Map.entry("care.disposition.", List.of(cn.wushe.care.internal.Alert.Disposition.values())),
            Map.entry("care.due.", List.of(cn.wushe.care.internal.Subjects.Due.values())),
            Map.entry("care.category.", List.of(cn.wushe.care.internal.KnownCategory.values())),
            Map.entry("requests.channel.", constants("cn.wushe.requests.internal.Channel")),
            Map.entry("requests.level.", constants("cn.wushe.requests.internal.Level")),
            Map.entry("requests.status.", constants("cn.wushe.requests.internal.MatterStatus")),
            Map.entry("requests.timeline.", constants("cn.wushe.requests.internal.TimelineKind")),
            Map.entry("requests.news.title.", constants("cn.wushe.requests.internal.News")),
            Map.entry("requests.news.text.", constants("cn.wushe.requests.internal.News")),
            Map.entry("care.case.note-kind.", List.of(cn.wushe.care.internal.CaseFile.NoteKind.values())),
            Map.entry("monitoring.kind.", List.of(cn.wushe.monitoring.internal.FeedKind.values())),
            Map.entry("monitoring.reject.value.", List.of(cn.wushe.monitoring.internal.FeedKind.values())));

    /**
     * Key families read with a code recorded as a string by many modules ({@code #messages.msgOrNull});
     * a code without a key is shown as it is, so a key here is optional and never reported unused.
     */
    private static final Set<String> OPEN_FAMILIES = Set.of("audit.action.", "audit.object.",
            "documents.kind.");

    /** Every module: none keeps Chinese literals outside {@code messages.properties} (a new one included). */
    private static final List<Path> CONVERTED = modules();

    /** Files whose Chinese literals are data, not wording; each with the reason. */
    private static final Map<String, String> DATA_FILES = Map.of(
            "cn/wushe/identity/internal/DemoAccounts.java", "display names of the demo accounts",
            "cn/wushe/region/internal/DemoGrids.java", "names of the demo grids, read from community names",
            "cn/wushe/registry/demo/GeneratedPeople.java", "generated demo people: names, addresses, health notes, relatives",
            "cn/wushe/registry/demo/DemoPeople.java", "\u6751 (village) as it occurs in community names, to tell villages from communities",
            "cn/wushe/registry/demo/BulkLoad.java", "the history row of generated people and a developer's exception message",
            "cn/wushe/platform/web/OpenApiConfiguration.java", "OpenAPI descriptions for API clients, left as annotation values are",
            "cn/wushe/units/internal/DemoUnits.java", "names of the demo units of 白水县",
            "cn/wushe/organizations/internal/DemoOrganizations.java", "names and leaders of the demo organizations of 白水县",
            "cn/wushe/projects/internal/DemoProjects.java", "titles, experts and criteria of the demo rounds of 白水县",
            "cn/wushe/calendar/internal/YearText.java", "the words of the State Council notice the parser reads (放假, 上班, 至, 年月日)");

    /** The constants of an enum its module keeps package-private. */
    private static List<? extends Enum<?>> constants(String enumClass) {
        try {
            return List.of((Enum<?>[]) Class.forName(enumClass).getEnumConstants());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> modules() {
        try (Stream<Path> children = Files.list(MAIN_JAVA.resolve("cn/wushe"))) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyKeyReadByCodeOrTemplatesIsInTheFile() {
        Set<String> defined = definitions().keySet();
        Map<String, Set<String>> used = usedKeys();

        assertThat(used.keySet().stream().filter(key -> !key.endsWith(".") && !defined.contains(key))
                .map(key -> key + " (" + used.get(key) + ")").toList())
                .as("keys read but missing from messages.properties")
                .isEmpty();
    }

    @Test
    void everyEnumLabelHasItsKey() {
        List<String> missing = new ArrayList<>();
        ENUM_FAMILIES.forEach((prefix, constants) -> constants.stream()
                .map(constant -> prefix + constant.name())
                .filter(key -> !Messages.has(key))
                .forEach(missing::add));

        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyInTheFileIsRead() {
        Set<String> used = new HashSet<>(usedKeys().keySet());
        used.addAll(keyLiteralsInMainCode());
        Set<String> fromEnums = new HashSet<>();
        ENUM_FAMILIES.forEach((prefix, constants) -> constants.forEach(c -> fromEnums.add(prefix + c.name())));

        assertThat(definitions().keySet().stream()
                .filter(key -> !used.contains(key) && !fromEnums.contains(key))
                .filter(key -> OPEN_FAMILIES.stream().noneMatch(key::startsWith))
                .toList())
                .as("keys in messages.properties that nothing reads")
                .isEmpty();
    }

    @Test
    void noKeyIsWrittenTwice() {
        List<String> keys = keyLines();

        assertThat(keys.stream().filter(key -> keys.indexOf(key) != keys.lastIndexOf(key)).distinct().toList())
                .isEmpty();
    }

    @Test
    void everyMessageWithArgumentsIsAValidPattern() {
        definitions().forEach((key, value) -> {
            if (value.contains("{0}")) {
                assertThat(value).as(key + ": a quote in a message with arguments is written ''")
                        .doesNotContainPattern("(?<!')'(?!')");
                assertThat(new MessageFormat(value).getFormats()).as(key).isNotEmpty();
            }
        });
    }

    @Test
    void convertedModulesKeepNoChineseLiteralOutsideDataFiles() {
        Map<String, List<String>> found = new TreeMap<>();
        for (Path root : CONVERTED) {
            for (Path file : javaFiles(root)) {
                String name = MAIN_JAVA.relativize(file).toString().replace('\\', '/');
                if (DATA_FILES.containsKey(name)) {
                    continue;
                }
                List<String> literals = new ArrayList<>();
                Matcher m = CHINESE_LITERAL.matcher(wordingOnly(read(file)));
                while (m.find()) {
                    literals.add(m.group());
                }
                if (!literals.isEmpty()) {
                    found.put(name, literals);
                }
            }
        }

        assertThat(found).as("Chinese wording belongs in messages.properties, read with Messages.text").isEmpty();
    }

    @Test
    void sourceReaderSkipsCommentsAnnotationsAndLogs() {
        String source = """
                /** 说明 "引号" */
                @Operation(summary = "列出账号")
                class A {
                    // 注释 "引号"
                    void a() {
                        LOG.info("开始 {}", "x");
                        throw new IllegalStateException("拒绝");
                    }
                }
                """;

        assertThat(CHINESE_LITERAL.matcher(wordingOnly(source)).results().map(r -> r.group()).toList())
                .containsExactly("\"拒绝\"");
    }

    /** Key → the files reading it; a key ending in '.' is the literal part of a dynamic key. */
    private static Map<String, Set<String>> usedKeys() {
        Map<String, Set<String>> used = new TreeMap<>();
        for (Path file : javaFiles(MAIN_JAVA)) {
            collect(JAVA_KEY, read(file), file, used);
        }
        for (Path file : files(TEMPLATES, ".html")) {
            String html = read(file);
            collect(TEMPLATE_KEY, html, file, used);
            collect(TEMPLATE_MSG_KEY, html, file, used);
        }
        return used;
    }

    /** Literals in main code shaped like keys: a key handed to a helper is read there. */
    private static Set<String> keyLiteralsInMainCode() {
        Map<String, Set<String>> literals = new TreeMap<>();
        for (Path file : javaFiles(MAIN_JAVA)) {
            collect(KEY_LITERAL, read(file), file, literals);
        }
        return literals.keySet();
    }

    private static void collect(Pattern pattern, String text, Path file, Map<String, Set<String>> used) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            used.computeIfAbsent(m.group(1).strip(), k -> new TreeSet<>()).add(file.getFileName().toString());
        }
    }

    private static Map<String, String> definitions() {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String line : read(MESSAGES).lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            int separator = trimmed.indexOf('=');
            definitions.put(trimmed.substring(0, separator).strip(), trimmed.substring(separator + 1).strip());
        }
        return definitions;
    }

    private static List<String> keyLines() {
        return read(MESSAGES).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!"))
                .map(line -> line.substring(0, line.indexOf('=')).strip())
                .toList();
    }

    /**
     * The source without what the rule leaves alone: comments, annotations (their values must be
     * constants: module names, OpenAPI descriptions, configuration constraints) and log calls (for
     * developers). String literals are kept intact, so a "//" inside one is not a comment.
     */
    static String wordingOnly(String source) {
        String code = stripComments(source);
        code = removeCalls(code, Pattern.compile("@[A-Za-z_][\\w.]*\\s*\\("));
        return removeCalls(code, Pattern.compile("\\b(?:LOG|log|logger|LOGGER)\\.(?:trace|debug|info|warn|error)\\s*\\("));
    }

    private static String stripComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(source, i);
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the string, text block or char literal starting at {@code start}. */
    private static int endOfLiteral(String source, int start) {
        char quote = source.charAt(start);
        if (quote == '"' && source.startsWith("\"\"\"", start)) {
            int end = source.indexOf("\"\"\"", start + 3);
            return end < 0 ? source.length() : end + 3;
        }
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, source.length());
    }

    /** Removes each match of {@code opening} (ending in an open parenthesis) up to its closing one. */
    private static String removeCalls(String code, Pattern opening) {
        StringBuilder out = new StringBuilder(code.length());
        Matcher m = opening.matcher(code);
        int from = 0;
        while (m.find(from)) {
            out.append(code, from, m.start());
            int depth = 1;
            int i = m.end();
            while (i < code.length() && depth > 0) {
                char c = code.charAt(i);
                if (c == '"' || c == '\'') {
                    i = endOfLiteral(code, i);
                    continue;
                }
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                i++;
            }
            from = i;
        }
        return out.append(code, Math.min(from, code.length()), code.length()).toString();
    }

    private static List<Path> javaFiles(Path root) {
        return files(root, ".java");
    }

    private static List<Path> files(Path root, String suffix) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
