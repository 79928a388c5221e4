package cn.wushe.care.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ProblemType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A county's care settings (关爱设置), changed by CARE_SETTINGS in that county (404 elsewhere) with
 * the version it was read at. New cycles apply from the next tier change or visit; deadlines
 * already set keep their time.
 */
@Service
public class CareSettingsManagement {

    private final CareSettingsStore store;
    private final AuditLog audit;
    private final Clock clock;

    CareSettingsManagement(CareSettingsStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public CareSettings read(Actor actor, String countyCode) {
        requireCounty(actor, countyCode);
        return store.of(countyCode);
    }

    @Transactional
    public CareSettings change(Actor actor, CareSettings wanted, long expectedVersion) {
        requireCounty(actor, wanted.countyCode());
        Map<String, String> errors = new LinkedHashMap<>();
        days("redDays", wanted.redDays(), 1, 366, errors);
        days("yellowDays", wanted.yellowDays(), 1, 366, errors);
        days("blueDays", wanted.blueDays(), 1, 366, errors);
        days("greenDays", wanted.greenDays(), 1, 366, errors);
        days("alertWorkingDays", wanted.alertWorkingDays(), 1, 30, errors);
        days("crisisHours", wanted.crisisHours(), 1, 168, errors);
        if (errors.isEmpty() && !(wanted.redDays() <= wanted.yellowDays() && wanted.yellowDays() <= wanted.blueDays()
                && wanted.blueDays() <= wanted.greenDays())) {
            errors.put("redDays", Messages.text("care.settings.order"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (!store.save(wanted, expectedVersion, actor.id(), clock.instant())) {
            throw new DomainException(ProblemType.VERSION_MISMATCH, Messages.text("care.changed-meanwhile"));
        }
        audit.record(AuditEvent.success("CARE_SETTINGS_CHANGE", "CARE_SETTINGS", wanted.countyCode(), wanted.countyCode())
                .withDetail(wanted.redDays() + "/" + wanted.yellowDays() + "/" + wanted.blueDays() + "/" + wanted.greenDays()
                        + " d, alerts " + wanted.alertWorkingDays() + " wd, crisis " + wanted.crisisHours() + " h"));
        return store.of(wanted.countyCode());
    }

    private static void requireCounty(Actor actor, String countyCode) {
        if (countyCode == null || !countyCode.matches("[0-9]{6}") || !actor.can(Permission.CARE_SETTINGS, countyCode)) {
            throw DomainException.notFound(Messages.text("care.subject.settings", countyCode));
        }
    }

    private static void days(String field, int value, int min, int max, Map<String, String> errors) {
        if (value < min || value > max) {
            errors.put(field, Messages.text("care.settings.range", min, max));
        }
    }
}
