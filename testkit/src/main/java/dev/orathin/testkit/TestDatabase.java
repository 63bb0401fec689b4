package dev.orathin.testkit;

import dev.orathin.testkit.internal.ttcserver.TtcDatabase;
import dev.orathin.testkit.spi.DatabaseHandler;
import dev.orathin.testkit.spi.ServerNetSession;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The testkit's stand-in database, to pass to {@link OracleTestServer.Builder#database}: users
 * that log in with O5LOGON, and SQL run by H2 in Oracle mode on one shared in-memory database
 * (each session its own H2 connection, so transactions are isolated as in Oracle). Results go back
 * in Oracle's wire formats; H2 errors come back as the ORA numbers Oracle would give.
 *
 * <pre>{@code
 * TestDatabase db = TestDatabase.builder().user("admin", "Secret#2026").build();
 * db.run("create table t (id number primary key, name varchar2(20))");
 * OracleTestServer server = OracleTestServer.builder().tcps().database(db).build().start();
 * }</pre>
 *
 * <p>It composes the testkit's database half (an internal class) rather than exposing it.
 */
public final class TestDatabase implements DatabaseHandler, AutoCloseable {

    /** The internal database half, with the account set-up it protects. */
    private static final class Engine extends TtcDatabase {
        Engine(Builder b) {
            super(Map.of());
            b.accounts.forEach(a -> account(a.name, a.password, a.verifier11g, a.locked, a.expired));
            b.proxies.forEach(p -> grantProxy(p[0], p[1]));
            b.expiring.forEach(this::passwordExpiresSoon);
        }
    }

    /** The banner the testkit's database reports (V$VERSION, the login's version string). */
    public static final String BANNER = TtcDatabase.BANNER;

    private final Engine engine;

    private TestDatabase(Builder b) {
        this.engine = new Engine(b);
    }

    /** A builder without users. */
    public static Builder builder() {
        return new Builder();
    }

    /** A database with these users (12C verifiers), for tests that need nothing else. */
    public static TestDatabase withUsers(Map<String, char[]> users) {
        Builder b = builder();
        users.forEach((u, p) -> b.user(u, new String(p)));
        return b.build();
    }

    /** Runs statements directly in H2 (Oracle mode), for seeding data before clients connect. */
    public void run(String... sql) {
        try (Connection c = h2(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(dev.orathin.testkit.internal.ttcserver.TestkitFunctions.ddl(q));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("testkit H2 could not run the seed SQL: " + e.getMessage(), e);
        }
    }

    /** A new H2 connection to the database's data (Oracle mode), for checking what clients wrote. */
    public Connection h2() throws SQLException {
        return engine.h2();
    }

    /** The current password of {@code user} (changed by a logon that set a new one), or null. */
    public char[] password(String user) {
        return engine.password(user);
    }

    /** How many logins asked for fast authentication (FAST_AUTH) so far. */
    public long fastAuthRequests() {
        return engine.fastAuthRequests();
    }

    @Override
    public void serve(ServerNetSession session) throws IOException {
        engine.serve(session);
    }

    /** Drops the in-memory H2 database. */
    @Override
    public void close() {
        engine.close();
    }

    /** Builds a {@link TestDatabase}. */
    public static final class Builder {
        private record Spec(String name, char[] password, boolean verifier11g, boolean locked, boolean expired) {
        }

        private final List<String> expiring = new ArrayList<>();

        private final List<Spec> accounts = new ArrayList<>();
        private final List<String[]> proxies = new ArrayList<>();

        private Builder() {
        }

        /** Adds a user with a 12C verifier; names are case-insensitive like unquoted Oracle identifiers. */
        public Builder user(String name, String password) {
            accounts.add(new Spec(name, password.toCharArray(), false, false, false));
            return this;
        }

        /** Adds a user whose password has only an 11G verifier (SHA-1 / AES-192). */
        public Builder user11g(String name, String password) {
            accounts.add(new Spec(name, password.toCharArray(), true, false, false));
            return this;
        }

        /** Adds a locked user: the right password gets ORA-28000. */
        public Builder lockedUser(String name, String password) {
            accounts.add(new Spec(name, password.toCharArray(), false, true, false));
            return this;
        }

        /** Adds a user whose password has expired: ORA-28001 unless the logon sets a new password. */
        public Builder expiredUser(String name, String password) {
            accounts.add(new Spec(name, password.toCharArray(), false, false, true));
            return this;
        }

        /**
         * Adds a user whose password expires soon: logins succeed, and the login reply carries the
         * warning ORA-28002 (a WARNING message), as a real server sends in the password's grace period.
         */
        public Builder expiringUser(String name, String password) {
            accounts.add(new Spec(name, password.toCharArray(), false, false, false));
            expiring.add(name);
            return this;
        }

        /** Lets {@code proxyUser} log in as {@code clientUser} ({@code proxyUser[clientUser]}); otherwise ORA-28150. */
        public Builder proxy(String proxyUser, String clientUser) {
            proxies.add(new String[] {proxyUser, clientUser});
            return this;
        }

        /** The database. */
        public TestDatabase build() {
            return new TestDatabase(this);
        }
    }
}
