package cn.wushe.care.internal;

import cn.wushe.registry.PeopleImported;
import cn.wushe.registry.PersonId;
import cn.wushe.registry.PersonRegistered;
import cn.wushe.registry.PersonRevised;
import cn.wushe.registry.PersonStatus;
import cn.wushe.registry.PersonStatusChanged;
import cn.wushe.scheduling.DeadlineDue;
import cn.wushe.scheduling.DeadlineHandler;
import cn.wushe.scheduling.Deadlines;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Care's reactions, each idempotent (events are delivered at least once): the registry's people
 * refresh the subjects; a status change away from 在册 ends the visit cycle (back to 在册 restarts
 * it); a visit deadline that fires unmoved raises one missed-visit alert; an alert deadline
 * escalates the alert.
 */
@Component
class CareListeners implements DeadlineHandler {

    private final CarePeople people;
    private final Subjects subjects;
    private final CareSettingsStore settings;
    private final Deadlines deadlines;
    private final Alerts alerts;
    private final Casework casework;
    private final Clock clock;

    CareListeners(CarePeople people, Subjects subjects, CareSettingsStore settings, Deadlines deadlines, Alerts alerts,
            Casework casework, Clock clock) {
        this.casework = casework;
        this.people = people;
        this.subjects = subjects;
        this.settings = settings;
        this.deadlines = deadlines;
        this.alerts = alerts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PersonRegistered event) {
        people.refresh(event.regionCode().substring(0, 6), List.of(event.personId()));
    }

    @ApplicationModuleListener
    void on(PersonRevised event) {
        people.refresh(event.regionCode().substring(0, 6), List.of(event.personId()));
    }

    @ApplicationModuleListener
    void on(PeopleImported event) {
        List<PersonId> ids = new ArrayList<>(event.registered());
        ids.addAll(event.revised());
        people.refresh(event.countyCode(), ids);
    }

    @ApplicationModuleListener
    void on(PersonStatusChanged event) {
        UUID person = event.person().value();
        if (event.to() != PersonStatus.ACTIVE) {
            subjects.endCycle(person, clock.instant());
            deadlines.cancel(CareDeadlines.visitDue(person));
            return;
        }
        people.refresh(event.countyCode(), List.of(event.person()));
        subjects.reopen(person, clock.instant());
        subjects.find(person).filter(s -> s.tier() != null && s.tierSince() != null).ifPresent(s -> {
            var due = VisitCycle.nextDue(s.tier(), settings.of(s.countyCode()), s.lastVisitAt(), clock.instant(), clock.instant());
            subjects.tierSet(person, s.tier(), s.tierSince(), due);
            deadlines.schedule(CareDeadlines.visitDue(person), due);
        });
    }

    @Override
    public Set<String> kinds() {
        return Set.of(CareDeadlines.VISIT_DUE, CareDeadlines.ALERT_DUE, CareDeadlines.CRISIS_CONTACT);
    }

    @Override
    public void onDue(DeadlineDue due) {
        if (due.is(CareDeadlines.VISIT_DUE)) {
            UUID person = UUID.fromString(due.deadline().objectId());
            subjects.find(person)
                    .filter(s -> s.active() && due.dueAt().equals(s.nextDueAt()))
                    .ifPresent(s -> alerts.raise(new Alerts.AlertDraft(person, null, s.regionCode(), Alert.Source.MISSED_VISIT,
                            s.tier() == Tier.RED ? Alert.Severity.HIGH : Alert.Severity.MEDIUM,
                            cn.wushe.platform.Messages.text("care.alert.missed-visit", s.tierLabel()),
                            "missed:" + person + ":" + due.dueAt().toEpochMilli())));
        } else if (due.is(CareDeadlines.ALERT_DUE)) {
            alerts.escalate(UUID.fromString(due.deadline().objectId()), due.dueAt());
        } else if (due.is(CareDeadlines.CRISIS_CONTACT)) {
            casework.contactMissed(UUID.fromString(due.deadline().objectId()), due.dueAt());
        }
    }
}
