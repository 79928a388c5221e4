package cn.wushe.registry.imports;

import static cn.wushe.registry.imports.RosterColumn.*;

import cn.wushe.platform.Actor;
import cn.wushe.platform.Messages;
import cn.wushe.registry.HouseholdId;
import cn.wushe.platform.personal.IdentityNumber;
import cn.wushe.registry.internal.AlreadyRegisteredInCounty;
import cn.wushe.registry.internal.PersonDraft;
import cn.wushe.registry.internal.PossibleDuplicateInTown;
import cn.wushe.registry.internal.WithinEditScope;
import cn.wushe.registry.internal.PersonValidation;
import cn.wushe.registry.internal.PreparedPeople;
import cn.wushe.registry.internal.RelationToHead;
import cn.wushe.registry.internal.RosterUpserts;
import cn.wushe.registry.internal.RosterUpserts.Preview;
import cn.wushe.registry.imports.ImportRows.Difference;
import cn.wushe.registry.imports.ImportRows.Reason;
import cn.wushe.registry.imports.ImportRows.StagedRow;
import cn.wushe.registry.imports.RosterRowParser.ParsedRow;
import cn.wushe.registry.imports.RosterSheet.SheetRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Judges the rows of one file, a batch at a time and in file order: what the registry says about
 * each (through {@link RosterUpserts}, i.e. {@code PersonValidation}), plus what only the file can
 * tell — the same identity number twice, two people of the same name and birth date in a town, a
 * head of household further down or rejected, a community outside the importer's import scope.
 * Keeps what it has seen of earlier rows; one instance per file.
 */
final class RowJudgement {

    private final RosterRowParser parser;
    private final RosterUpserts upserts;
    private final Actor actor;
    /** normalised identity number → the first row carrying it, with what later rows need to know */
    private final Map<String, Seen> seenIds = new HashMap<>();
    private final Map<PossibleDuplicateInTown.Key, Integer> seenNameBirthTown = new HashMap<>();

    private record Seen(int row, @Nullable String communityCode, boolean rejected) {
    }

    RowJudgement(RosterRowParser parser, RosterUpserts upserts, Actor actor) {
        this.parser = parser;
        this.upserts = upserts;
        this.actor = actor;
    }

    /**
     * A batch's rows as staged, and the new people among them who head their own household, whose
     * records the check prepares for the commit.
     */
    record Judged(List<StagedRow> rows, List<PreparedPeople.NewHead> newHeads) {

        Set<Integer> preparedRows() {
            return newHeads.stream().map(PreparedPeople.NewHead::rowNumber).collect(Collectors.toSet());
        }
    }

    Judged judge(List<SheetRow> batch) {
        List<ParsedRow> parsed = batch.stream().map(r -> parser.parse(r.cells())).toList();
        List<Optional<HouseholdId>> registeredHeads = parsed.stream().map(this::registeredHead).toList();
        List<PersonDraft> drafts = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            drafts.add(forPreview(parsed.get(i), registeredHeads.get(i)));
        }
        List<Preview> previews = upserts.preview(drafts, actor);
        List<StagedRow> staged = new ArrayList<>(batch.size());
        List<PreparedPeople.NewHead> newHeads = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            StagedRow row = judge(batch.get(i), parsed.get(i), registeredHeads.get(i).isPresent(), previews.get(i));
            staged.add(row);
            if (row.outcome() == RowOutcome.NEW && parsed.get(i).headIdNumber() == null
                    && previews.get(i) instanceof Preview.New n && n.details().householdId() == null) {
                newHeads.add(new PreparedPeople.NewHead(row.number(), n.details(), n.idIndex()));
            }
        }
        return new Judged(staged, newHeads);
    }

    private StagedRow judge(SheetRow row, ParsedRow parsed, boolean headRegistered, Preview preview) {
        Map<RosterColumn, String> problems = new EnumMap<>(RosterColumn.class);
        problems.putAll(parsed.problems());
        if (preview instanceof Preview.Rejected rejected) {
            rejected.errors().forEach((field, message) -> problems.putIfAbsent(RosterColumn.forField(field), message));
        }
        PersonDraft draft = parsed.draft();
        checkImportScope(draft, problems);
        if (parsed.headIdNumber() != null) {
            checkHead(parsed, headRegistered, problems);
        }
        String id = draft.idNumber() == null ? null : IdentityNumber.normalise(draft.idNumber());
        if (id != null && seenIds.containsKey(id)) {
            problems.putIfAbsent(ID_NUMBER, AlreadyRegisteredInCounty.repeatedInFile(seenIds.get(id).row()));
        }
        checkSameNameAndBirth(row.number(), draft, preview.idNumber(), problems);
        if (id != null) {
            seenIds.putIfAbsent(id, new Seen(row.number(), RosterRowParser.cell(row.cells(), COMMUNITY), !problems.isEmpty()));
        }
        if (!problems.isEmpty()) {
            List<Reason> reasons = problems.entrySet().stream()
                    .map(e -> new Reason(e.getKey().letter(), e.getKey().header(), e.getValue())).toList();
            return new StagedRow(row.number(), row.cells(), RowOutcome.REJECTED, reasons, List.of());
        }
        return switch (preview) {
            case Preview.New n -> new StagedRow(row.number(), row.cells(), RowOutcome.NEW, List.of(), List.of());
            case Preview.Unchanged u -> new StagedRow(row.number(), row.cells(), RowOutcome.UNCHANGED, List.of(), List.of());
            case Preview.Update u -> new StagedRow(row.number(), row.cells(), RowOutcome.UPDATE, List.of(),
                    u.changes().stream().map(c -> new Difference(c.field(), c.before(), c.after())).toList());
            case Preview.Rejected r -> throw new IllegalStateException("rejected rows carry problems");
        };
    }

    private Optional<HouseholdId> registeredHead(ParsedRow parsed) {
        String county = county(parsed.draft());
        return parsed.headIdNumber() == null || county == null ? Optional.empty()
                : upserts.householdOf(parsed.headIdNumber(), county);
    }

    /**
     * A member whose head is registered joins that household; one whose head comes earlier in the
     * file is checked as if heading their own (the household exists only after the commit).
     */
    private static PersonDraft forPreview(ParsedRow parsed, Optional<HouseholdId> registeredHead) {
        PersonDraft d = parsed.draft();
        if (parsed.headIdNumber() == null) {
            return d;
        }
        return d.withHousehold(registeredHead.map(HouseholdId::value).orElse(null),
                registeredHead.isPresent() ? d.relationToHead() : RelationToHead.SELF);
    }

    private void checkHead(ParsedRow parsed, boolean headRegistered, Map<RosterColumn, String> problems) {
        RelationToHead relation = parsed.draft().relationToHead();
        if (relation == RelationToHead.SELF) {
            problems.putIfAbsent(RELATION, Messages.text("registry.household.head-given-but-self"));
        }
        if (headRegistered) {
            return;
        }
        Seen head = seenIds.get(parsed.headIdNumber());
        if (head == null) {
            problems.putIfAbsent(HEAD_ID, Messages.text("registry.import.head-unknown"));
        } else if (head.rejected()) {
            problems.putIfAbsent(HEAD_ID, Messages.text("registry.import.head-rejected", head.row()));
        } else if (head.communityCode() != null && !head.communityCode().equals(parsed.draft().communityCode())) {
            problems.putIfAbsent(HEAD_ID, Messages.text("registry.import.head-elsewhere", head.row()));
        }
        if (relation == null) {
            problems.putIfAbsent(RELATION, Messages.text("registry.household.relation-missing"));
        }
    }

    private void checkImportScope(PersonDraft draft, Map<RosterColumn, String> problems) {
        if (problems.containsKey(COMMUNITY) || problems.containsKey(GRID) || draft.communityCode() == null) {
            return;
        }
        String grid = draft.gridCode() != null && draft.gridCode().startsWith(draft.communityCode()) ? draft.gridCode() : null;
        WithinEditScope.importRefusal(actor, draft.communityCode(), grid)
                .ifPresent(why -> problems.put(grid != null ? GRID : COMMUNITY, why));
    }

    /** {@code number} as validation read it (the row is not parsed again here); {@code null} when invalid. */
    private void checkSameNameAndBirth(int row, PersonDraft draft, @Nullable IdentityNumber number,
            Map<RosterColumn, String> problems) {
        if (draft.name() == null || draft.communityCode() == null || draft.communityCode().length() < 9 || number == null) {
            return;
        }
        Integer first = seenNameBirthTown.putIfAbsent(
                PossibleDuplicateInTown.Key.of(draft.name(), number.birthDate(), draft.communityCode()), row);
        if (first != null && !problems.containsKey(ID_NUMBER)) {
            problems.putIfAbsent(NAME, PossibleDuplicateInTown.repeatedInFile(first));
        }
    }

    private static @Nullable String county(PersonDraft draft) {
        String community = draft.communityCode();
        return community != null && PersonValidation.isDigits(community, 12) ? community.substring(0, 6) : null;
    }
}
