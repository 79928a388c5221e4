package cn.wushe.notifications.internal;

import cn.wushe.audit.AuditEvent;
import cn.wushe.audit.AuditLog;
import cn.wushe.platform.Actor;
import cn.wushe.platform.DomainException;
import cn.wushe.platform.FieldCipher;
import cn.wushe.platform.Messages;
import cn.wushe.platform.Permission;
import cn.wushe.platform.ScopeFilter;
import cn.wushe.platform.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A county's gateway (网关): the URL the webhook posts to and the secret it signs with, set by a
 * system admin (USER_MANAGE) whose scope covers the whole county. The secret is encrypted with
 * {@link FieldCipher} and never shown again; every change is audited without it.
 */
@Service
public class Webhooks {

    public static final int SECRET_MIN = 16;

    private static final Pattern COUNTY = Pattern.compile("\\d{6}");

    /** A configured gateway as the admin sees it: no secret. */
    public record Settings(String countyCode, String url, boolean enabled, int version, Instant updatedAt) {
    }

    /** What the delivery needs. */
    record Target(String url, String secret, boolean enabled) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    Webhooks(JdbcClient jdbc, FieldCipher cipher, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Settings> list(Actor actor) {
        ScopeFilter.SqlPredicate scope = ScopeFilter.predicate(actor, Permission.USER_MANAGE, "county_code", "county_code");
        return jdbc.sql("select county_code, url, enabled, version, updated_at from notifications.webhooks where "
                + scope.sql() + " order by county_code")
                .params(scope.params())
                .query((rs, n) -> settings(rs))
                .list();
    }

    /**
     * Creates or changes the county's gateway. {@code secret} blank keeps the stored one (required
     * for a new gateway).
     */
    @Transactional
    public Settings configure(Actor actor, @Nullable String countyCode, @Nullable String url, @Nullable String secret,
            boolean enabled) {
        Map<String, String> errors = new LinkedHashMap<>();
        String county = Text.trimToNull(countyCode);
        if (county == null || !COUNTY.matcher(county).matches()) {
            errors.put("countyCode", Messages.text("notifications.webhook.county-invalid"));
        } else if (!actor.can(Permission.USER_MANAGE, county)) {
            errors.put("countyCode", Messages.text("notifications.webhook.county-out-of-scope"));
        }
        String address = Text.trimToNull(url);
        if (address == null || !validUrl(address)) {
            errors.put("url", Messages.text("notifications.webhook.url-invalid"));
        }
        String newSecret = Text.trimToNull(secret);
        if (newSecret != null && newSecret.length() < SECRET_MIN) {
            errors.put("secret", Messages.text("notifications.webhook.secret-short", SECRET_MIN));
        }
        Optional<Settings> before = county == null || errors.containsKey("countyCode") ? Optional.empty() : find(county);
        if (before.isEmpty() && newSecret == null && !errors.containsKey("secret")) {
            errors.put("secret", Messages.text("notifications.webhook.secret-required"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Instant now = clock.instant();
        String stored = newSecret == null ? null : cipher.encrypt(newSecret);
        jdbc.sql("""
                insert into notifications.webhooks (county_code, url, secret, enabled, version, updated_at, updated_by)
                values (:county, :url, :secret, :enabled, 1, :now, :by)
                on conflict (county_code) do update set url = excluded.url,
                    secret = coalesce(:newSecret, notifications.webhooks.secret), enabled = excluded.enabled,
                    version = notifications.webhooks.version + 1, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .param("county", county).param("url", address).param("secret", stored == null ? "" : stored)
                .param("newSecret", stored).param("enabled", enabled).param("now", Timestamp.from(now))
                .param("by", actor.id())
                .update();
        audit.record(AuditEvent.success(before.isEmpty() ? "WEBHOOK_CREATE" : "WEBHOOK_UPDATE", "WEBHOOK", county, county)
                .withDetail(describe(before.orElse(null), address, enabled, newSecret != null)));
        return find(county).orElseThrow();
    }

    private static String describe(@Nullable Settings before, String url, boolean enabled, boolean secretChanged) {
        String change = "url=" + url + ", enabled=" + enabled + (secretChanged ? ", secret changed" : "");
        return before == null ? change : "was url=" + before.url() + ", enabled=" + before.enabled() + "; now " + change;
    }

    private Optional<Settings> find(String county) {
        return jdbc.sql("select county_code, url, enabled, version, updated_at from notifications.webhooks where county_code = :county")
                .param("county", county)
                .query((rs, n) -> settings(rs))
                .optional();
    }

    private static Settings settings(ResultSet rs) throws SQLException {
        return new Settings(rs.getString("county_code"), rs.getString("url"), rs.getBoolean("enabled"),
                rs.getInt("version"), rs.getTimestamp("updated_at").toInstant());
    }

    /** For the delivery task, which runs without a signed-in user. */
    @Transactional(readOnly = true)
    Optional<Target> target(String county) {
        return jdbc.sql("select url, secret, enabled from notifications.webhooks where county_code = :county")
                .param("county", county)
                .query((rs, n) -> new Target(rs.getString("url"), cipher.decrypt(rs.getString("secret")), rs.getBoolean("enabled")))
                .optional();
    }

    /** http or https with a host, no user info (a password in a URL would be shown on the page). */
    static boolean validUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getUserInfo() == null && uri.getFragment() == null && url.length() <= 500;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
