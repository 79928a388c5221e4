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
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(lines.toString()));
        } catch (SQLException e) {
            DataAccessException translated = translator.translate("COPY", sql, e);
            throw translated != null ? translated : new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
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
