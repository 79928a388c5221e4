package cn.wushe.care.internal;

import cn.wushe.care.CareAlerts;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CareAlerts} for other modules: the same alerts, owners, deadlines and notices as care's own. */
@Service
class CareAlertsService implements CareAlerts {

    private final Alerts alerts;
    private final JdbcClient jdbc;

    CareAlertsService(Alerts alerts, JdbcClient jdbc) {
        this.alerts = alerts;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public boolean raise(UUID person, String regionCode, Source source, Severity severity, String summary, String dedupKey) {
        return alerts.raise(new Alerts.AlertDraft(person, null, regionCode, Alert.Source.valueOf(source.name()),
                Alert.Severity.valueOf(severity.name()), summary, dedupKey)).isPresent();
    }

    @Override
    @Transactional
    public int raiseAll(java.util.List<NewAlert> batch) {
        return alerts.raiseAll(batch.stream().map(a -> new Alerts.AlertDraft(a.person(), null, a.regionCode(),
                Alert.Source.valueOf(a.source().name()), Alert.Severity.valueOf(a.severity().name()), a.summary(), a.dedupKey()))
                .toList());
    }

    @Override
    public Map<UUID, String> tiers(Collection<UUID> people) {
        Map<UUID, String> tiers = new HashMap<>();
        if (people.isEmpty()) {
            return tiers;
        }
        jdbc.sql("select person_id, tier from care.subjects where person_id = any(cast(:ids as uuid[])) and tier is not null")
                .param("ids", people.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    tiers.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return tiers;
    }
}
