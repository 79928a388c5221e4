package cn.wushe.platform.db;

import cn.wushe.platform.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's configuration and security (security.md item 5, issue 10 item 1): a
 * password (scram-sha-256) for every role and every connection, TCP on 127.0.0.1 only, no Unix
 * socket, passwords generated at first start ({@link DatabaseCredentials}), and never a server
 * process running as root: when the JVM runs as root, the binaries run as the dedicated account
 * {@code wushe.db.os-account} (default {@value #DEFAULT_ACCOUNT}, created if missing) and
 * {@code ./data/pg} belongs to it.
 *
 * <p>Roles are provisioned in single-user mode, before the server listens: the superuser never logs
 * in over the network, not even at start. A data directory created by an earlier version (trust, no
 * passwords, owned by root, objects owned by the superuser) is upgraded in place the same way: its
 * files change hands, its {@code pg_hba.conf} is rewritten, the roles get passwords and every object
 * of the application's database passes to the owner role that migrates it.
 */
public final class EmbeddedServerSecurity {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServerSecurity.class);
    static final String DEFAULT_ACCOUNT = "wushe-pg";
    /** Changes when the provisioning below changes, so older data directories are provisioned again. */
    private static final String PROVISIONING_VERSION = "3";
    private static final String MARKER = "wushe-provisioned";

    private EmbeddedServerSecurity() {
    }

    /**
     * Prepares (and on first start creates) the cluster under {@code pgDir}, then returns the server,
     * not yet started.
     */
    static PostgresServerProcess prepare(Path pgDir, int port, Map<String, String> tuning, String configuredAccount,
            DatabaseCredentials credentials, String database) {
        try {
            String account = runsAsRoot() ? ensureAccount(configuredAccount) : null;
            Map<String, String> settings = new LinkedHashMap<>(tuning);
            settings.put("listen_addresses", "127.0.0.1");
            // no socket: file permissions on a socket are the only wall around it, and the JDBC driver needs none
            settings.put("unix_socket_directories", "");
            settings.put("password_encryption", "scram-sha-256");
            PostgresServerProcess server = new PostgresServerProcess(PostgresServerProcess.installation(), pgDir,
                    account, port, settings);
            Files.createDirectories(pgDir);
            makeTraversable(pgDir, account);
            chown(pgDir, account);
            Files.setPosixFilePermissions(pgDir, PosixFilePermissions.fromString("rwx------"));
            if (!server.initialised()) {
                server.initdb(DatabaseCredentials.SUPERUSER, credentials.superuserPassword());
            }
            writeHba(pgDir, account);
            String marker = PROVISIONING_VERSION + " " + credentials.fingerprint();
            Path markerFile = pgDir.resolve(MARKER);
            if (!Files.exists(markerFile) || !Files.readString(markerFile).strip().equals(marker)) {
                provision(server, credentials, database);
                Files.writeString(markerFile, marker + "\n", StandardCharsets.UTF_8);
                chown(markerFile, account);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("platform.db.embedded-start-failed", pgDir), e);
        }
    }

    /** Rewritten at every start: whatever an earlier version or a hand left here, no role gets in without its password. */
    private static void writeHba(Path pgDir, @Nullable String account) throws IOException {
        Path hba = pgDir.resolve("pg_hba.conf");
        Files.writeString(hba, """
                # Written by Wushe at every start (EmbeddedServerSecurity); edits are overwritten.
                # Every role needs its password (scram-sha-256); TCP on 127.0.0.1 only; no Unix socket is opened.
                # TYPE  DATABASE     USER      ADDRESS        METHOD
                local   all          all                      scram-sha-256
                host    all          all       127.0.0.1/32   scram-sha-256
                host    replication  %s  127.0.0.1/32   scram-sha-256
                """.formatted(DatabaseCredentials.SUPERUSER), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(hba, PosixFilePermissions.fromString("rw-------"));
        chown(hba, account);
    }

    /**
     * Sets every role's password and attributes, creates the database owned by the owner role, and
     * hands the owner every object an earlier version left to the superuser.
     */
    private static void provision(PostgresServerProcess server, DatabaseCredentials credentials, String database) {
        String owner = DatabaseCredentials.OWNER;
        String app = DatabaseCredentials.APP;
        String roles = """
                alter role %1$s with password '%4$s';

                do $$ begin
                  if not exists (select from pg_roles where rolname = '%2$s') then create role %2$s; end if;
                  if not exists (select from pg_roles where rolname = '%3$s') then create role %3$s; end if;
                end $$;

                alter role %2$s with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '%5$s';

                alter role %3$s with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '%6$s';

                do $$ begin
                  if not exists (select from pg_roles where rolname = '%8$s') then create role %8$s; end if;
                end $$;

                alter role %8$s with nologin nosuperuser nocreatedb nocreaterole noreplication bypassrls;

                grant %8$s to %3$s with inherit false, set true;

                revoke connect on database postgres from public;

                select 'database-present-' || count(*) as probe from pg_database where datname = '%7$s';
                """.formatted(DatabaseCredentials.SUPERUSER, owner, app, credentials.superuserPassword(),
                credentials.ownerPassword(), credentials.appPassword(), database, DatabaseCredentials.LOADER);
        String output = server.singleUser("postgres", roles);
        if (output.contains("database-present-0")) {
            // code-point order, as libc's C.UTF-8 sorts too, but compared with memcmp instead of
            // strcoll: every index on names and region codes is maintained and searched faster
            // (about a fifth of a roster import's inserts); character classes stay Unicode-aware
            server.singleUser("postgres", "create database %s owner %s template template0 encoding 'UTF8' locale_provider builtin builtin_locale 'C.UTF-8';\n"
                    .formatted(database, owner));
        }
        server.singleUser(database, """
                alter database %1$s owner to %2$s;

                revoke all on database %1$s from public;

                grant connect, temporary on database %1$s to %3$s;

                grant execute on function pg_backup_start(text, boolean) to %2$s;

                grant execute on function pg_backup_stop(boolean) to %2$s;

                %4$s
                """.formatted(database, owner, app, handOverObjects(owner)));
        log.info("Embedded PostgreSQL provisioned: passwords set for {}, {} and {}; {} owns database {}",
                DatabaseCredentials.SUPERUSER, owner, app, owner, database);
    }

    /** Objects created by migrations that an earlier version ran as the superuser; extension members stay with their extension. */
    private static String handOverObjects(String owner) {
        return """
                do $$
                declare r record;
                begin
                  for r in select n.nspname from pg_namespace n
                           where n.nspowner = 'postgres'::regrole and n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
                             and not exists (select from pg_depend d where d.classid = 'pg_namespace'::regclass and d.objid = n.oid and d.deptype = 'e') loop
                    execute format('alter schema %%I owner to %1$s', r.nspname);
                  end loop;
                  for r in select n.nspname, c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                           where c.relowner = 'postgres'::regrole and c.relkind in ('r', 'p', 'v', 'm', 'S')
                             and n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
                             and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('e', 'a', 'i'))
                           order by c.relkind <> 'S' desc loop
                    execute format('alter %%s %%I.%%I owner to %1$s',
                        case r.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence' else 'table' end,
                        r.nspname, r.relname);
                  end loop;
                  for r in select p.oid::regprocedure as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                           where p.proowner = 'postgres'::regrole and n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
                             and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e') loop
                    execute format('alter routine %%s owner to %1$s', r.sig);
                  end loop;
                  for r in select t.oid::regtype as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
                           where t.typowner = 'postgres'::regrole and t.typtype in ('e', 'd', 'r')
                             and n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
                             and not exists (select from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e') loop
                    execute format('alter type %%s owner to %1$s', r.name);
                  end loop;
                end $$;
                """.formatted(owner);
    }

    static boolean runsAsRoot() {
        return myUid() == 0;
    }

    private static int myUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : -1;
        }
    }

    /** The server's account, created (system account, no home, no login shell) when missing. */
    static String ensureAccount(String name) {
        if (!name.matches("[a-z_][a-z0-9_-]{0,30}")) {
            throw new IllegalStateException(Messages.text("platform.db.bad-account", name));
        }
        if (exec(List.of("getent", "passwd", name)) == 0) {
            return name;
        }
        int status = exec(List.of("useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
                "--shell", "/usr/sbin/nologin", "--comment", "Wushe embedded PostgreSQL", name));
        // another JVM may have created it meanwhile
        if (status != 0 && exec(List.of("getent", "passwd", name)) != 0) {
            throw new IllegalStateException(Messages.text("platform.db.account-not-created", name));
        }
        log.info("Created the OS account {} that runs the embedded PostgreSQL server", name);
        return name;
    }

    private static int exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Gives {@code path} (recursively) to {@code account}, unless it already owns its top. */
    static void chown(Path path, @Nullable String account) throws IOException {
        if (account == null) {
            return;
        }
        var owner = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(account);
        if (owner.equals(Files.getOwner(path, LinkOption.NOFOLLOW_LINKS))) {
            return;
        }
        if (exec(List.of("chown", "-R", account + ":" + account, path.toString())) != 0) {
            throw new IOException("chown -R " + account + " " + path + " failed");
        }
    }

    /**
     * The account must reach {@code pgDir} through its parents. A parent this JVM's user owns gets
     * the search bit for others (enter, not list), and says so; one it does not own is left alone,
     * and the server's start reports the refusal.
     */
    static void makeTraversable(Path pgDir, @Nullable String account) throws IOException {
        if (account == null) {
            return;
        }
        int me = myUid();
        for (Path dir = pgDir.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
            if (!mode.contains(PosixFilePermission.OTHERS_EXECUTE) && (Integer) Files.getAttribute(dir, "unix:uid") == me) {
                mode.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(dir, mode);
                log.info("Let the database account {} pass through {} (search permission only, no listing)", account, dir);
            }
        }
    }

    static void requireOwnedByMe(Path path) throws IOException {
        int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (owner != myUid() || mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IllegalStateException(Messages.text("platform.db.binaries-not-mine", path));
        }
    }
}
