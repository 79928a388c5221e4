package cn.wushe.platform.db;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * New rows by PostgreSQL {@code COPY … FROM STDIN} (text format, lines built with
 * {@link #row}) on the caller's transactional connection: one round trip and one statement
 * per table instead of one executed INSERT per row. Failures are translated like JdbcTemplate's, so a
 * unique violation is still a {@code DuplicateKeyException}. For the registry's own stores and its roster import only.
 */
@Component
public class CopyIn {

    private final DataSource dataSource;
    private final SQLExceptionTranslator translator;
    private final java.util.Map<String, Boolean> walledTables = new java.util.concurrent.ConcurrentHashMap<>();

    CopyIn(JdbcTemplate jdbc) {
        this.dataSource = Objects.requireNonNull(jdbc.getDataSource());
        this.translator = jdbc.getExceptionTranslator();
    }

    /** @param target e.g. {@code registry.people (id, name)}; nothing happens when {@code lines} is empty */
    public void copy(String target, CharSequence lines) {
        if (lines.isEmpty()) {
            return;
        }
        String sql = "copy " + target + " from stdin";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        boolean loader = false;
        try {
            loader = behindTheWall(connection, target) && takeLoaderRole(connection);
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(lines.toString()));
        } catch (SQLException e) {
            DataAccessException translated = translator.translate("COPY", sql, e);
            throw translated != null ? translated : new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (loader) {
                resetRole(connection);
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Whether {@code target}'s table has row-level security (ScopeWall), which PostgreSQL does not
     * apply to COPY but refuses it instead: the rows then go in as {@value DatabaseCredentials#LOADER},
     * which bypasses the wall for this statement only. The rows come from code that checked the
     * actor's scope; reads stay walled.
     */
    private boolean behindTheWall(Connection connection, String target) throws SQLException {
        String table = target.strip().split("[\\s(]", 2)[0];
        Boolean walled = walledTables.get(table);
        if (walled == null) {
            try (var st = connection.prepareStatement("select coalesce((select relrowsecurity from pg_class where oid = to_regclass(?)), false)")) {
                st.setString(1, table);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    walled = rs.getBoolean(1);
                }
            }
            walledTables.put(table, walled);
        }
        return walled;
    }

    /**
     * Switches {@code connection} to {@value DatabaseCredentials#LOADER} for COPY into tables behind
     * the wall; false (and nothing changed) when the role is missing or not granted. Undo with
     * {@link #resetRole} in a {@code finally}.
     */
    public static boolean takeLoaderRole(Connection connection) throws SQLException {
        try (var st = connection.prepareStatement("select case when exists (select from pg_roles where rolname = ?)"
                + " then pg_has_role(current_user, ?, 'SET') else false end")) {
            st.setString(1, DatabaseCredentials.LOADER);
            st.setString(2, DatabaseCredentials.LOADER);
            try (var rs = st.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        try (var st = connection.createStatement()) {
            st.execute("set role " + DatabaseCredentials.LOADER);
        }
        return true;
    }

    /** Back to the application role; in a transaction that failed, its rollback undoes the SET ROLE instead. */
    public static void resetRole(Connection connection) {
        try (var st = connection.createStatement()) {
            st.execute("reset role");
        } catch (SQLException e) {
            // the transaction is aborted: its rollback restores the role
        }
    }

    private static boolean needsNoEscape(String s) {
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                return false;
            }
        }
        return true;
    }

    /** One line of COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
    public static void row(StringBuilder out, @Nullable Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
            } else {
                String s = v instanceof Instant instant ? instant.toString() : v.toString();
                if (needsNoEscape(s)) {
                    out.append(s); // the usual case, appended whole rather than character by character
                    continue;
                }
                for (int k = 0; k < s.length(); k++) {
                    char ch = s.charAt(k);
                    switch (ch) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(ch);
                    }
                }
            }
        }
        out.append('\n');
    }
}
