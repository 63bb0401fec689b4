package dev.orathin.testkit;

import dev.orathin.testkit.internal.ttcserver.TtcDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
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
 */
public final class TestDatabase extends TtcDatabase {

    private TestDatabase(Map<String, char[]> users) {
        super(users);
    }

    /** A builder without users. */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs statements directly in H2 (Oracle mode), for seeding data before clients connect. */
    public void run(String... sql) {
        try (Connection c = h2(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("testkit H2 could not run the seed SQL: " + e.getMessage(), e);
        }
    }

    /** Builds a {@link TestDatabase}. */
    public static final class Builder {
        private final Map<String, char[]> users = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a user (12C verifier); names are case-insensitive like unquoted Oracle identifiers. */
        public Builder user(String name, String password) {
            users.put(name, password.toCharArray());
            return this;
        }

        /** The database. */
        public TestDatabase build() {
            return new TestDatabase(users);
        }
    }
}
