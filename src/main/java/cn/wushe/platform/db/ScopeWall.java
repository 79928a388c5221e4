package cn.wushe.platform.db;

import cn.wushe.platform.Actor;
import cn.wushe.platform.CurrentActor;
import cn.wushe.platform.Permission;
import cn.wushe.platform.RegionScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The second wall behind {@link cn.wushe.platform.ScopeFilter} (issue 10 item 10, security.md check
 * 9): every connection taken from the application's pool first sets {@code wushe.scope}, which the
 * row-level security policies of the registry tables read (migration V5_60): the signed-in actor's
 * counties (province and city scopes as their 2- and 4-digit prefixes), {@code *} for the system's
 * own work (no actor: schedulers, imports, start-up), nothing for an actor without any scope. Set at
 * every checkout, so a pooled connection never keeps the previous user's scope.
 *
 * <p>A read that must see beyond the actor's counties by design (a module asking as the system)
 * runs inside {@link #unscoped}. {@code wushe.db.row-level-security=false} leaves the pool unwrapped
 * (the benchmark's reference; the policies then see no scope and show nothing, so the tables' row
 * security must be disabled with it).
 */
public final class ScopeWall {

    static final String ALL = "*";
    private static final ThreadLocal<String> OVERRIDE = new ThreadLocal<>();

    private final JdbcClient jdbc;

    ScopeWall(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Runs {@code work} with the wall opened to every county: on the current transaction's
     * connection (until the work ends) and on any connection taken meanwhile.
     *
     * @param reason why this read may see beyond the actor's counties; for the reader of the code
     */
    public <T> T unscoped(String reason, Supplier<T> work) {
        String previousOverride = OVERRIDE.get();
        OVERRIDE.set(ALL);
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        @org.jspecify.annotations.Nullable String previous = inTransaction
                ? jdbc.sql("select coalesce(current_setting('wushe.scope', true), '')").query(String.class).single() : null;
        try {
            if (inTransaction) {
                jdbc.sql("select set_config('wushe.scope', '*', true)").query(String.class).single();
            }
            return work.get();
        } finally {
            if (inTransaction) {
                jdbc.sql("select set_config('wushe.scope', ?, true)").param(previous).query(String.class).single();
            }
            if (previousOverride == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previousOverride);
            }
        }
    }

    /** The scope for a connection taken now. */
    static String current() {
        String override = OVERRIDE.get();
        if (override != null) {
            return override;
        }
        Optional<Actor> actor = CurrentActor.find();
        return actor.map(ScopeWall::countiesOf).orElse(ALL);
    }

    static String countiesOf(Actor actor) {
        TreeSet<String> codes = new TreeSet<>();
        for (Permission permission : Permission.values()) {
            for (RegionScope scope : actor.scopesFor(permission)) {
                String code = scope.code();
                codes.add(code.length() > 6 ? code.substring(0, 6) : code);
            }
        }
        return String.join(",", codes);
    }

    /** Wraps the application's pool so that every checkout sets the scope first. */
    static final class Wrapper implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource dataSource && "dataSource".equals(beanName) && !(bean instanceof Scoped)) {
                return new Scoped(dataSource);
            }
            return bean;
        }
    }

    static final class Scoped extends DelegatingDataSource {

        Scoped(DataSource target) {
            super(target);
        }

        /**
         * Set while this thread works out the scope of a checkout: reading the actor may itself need
         * a connection (Spring Session JDBC loads the session, and with it the security context,
         * lazily), and that nested checkout must neither recurse nor wait for a second connection
         * while holding the first. It reads no registry table, so it gets the empty scope.
         */
        private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

        @Override
        public Connection getConnection() throws SQLException {
            String scope = scope();
            return scoped(super.getConnection(), scope);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            String scope = scope();
            return scoped(super.getConnection(username, password), scope);
        }

        private static String scope() {
            if (RESOLVING.get() != null) {
                return "";
            }
            RESOLVING.set(Boolean.TRUE);
            try {
                return current();
            } finally {
                RESOLVING.remove();
            }
        }

        private static Connection scoped(Connection c, String scope) throws SQLException {
            try (PreparedStatement st = c.prepareStatement("select set_config('wushe.scope', ?, false)")) {
                st.setString(1, scope);
                st.execute();
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface.isInstance(this) ? iface.cast(this) : super.unwrap(iface);
        }
    }
}
