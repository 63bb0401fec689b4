package dev.orathin.testkit.internal.ttcserver;

import java.sql.SQLException;

/**
 * Java functions the testkit registers in H2 (H2 calls public static methods of public classes):
 * {@code ORATHIN_SLEEP(seconds)} backs {@code dbms_session.sleep} and {@code dbms_lock.sleep}.
 */
public final class TestkitFunctions {

    private TestkitFunctions() {
    }

    /** {@code TO_VECTOR('[1, 2.5]')}: Oracle's dense text form as a FLOAT32 vector image. */
    public static byte[] toVector(String text) {
        return text == null ? null : VectorData.fromText(text).image();
    }

    /** Oracle DDL types H2 lacks, rewritten for seeding ({@code VECTOR(n, fmt)} becomes the testkit's vector domain). */
    public static String ddl(String sql) {
        return SqlText.rewrite(sql);
    }

    /**
     * The Oracle owner of an H2 schema, for the data dictionary: {@code PUBLIC} (where sessions
     * create their objects) belongs to the user of the session whose call runs, other schemas to
     * the user of their name.
     */
    public static String owner(String schema) {
        return "PUBLIC".equals(schema) ? sessionUser() : schema;
    }

    /** The current schema of the session whose call runs ({@code PUBLIC} outside a client call). */
    public static String sessionUser() {
        SqlSession s = SqlSession.CURRENT.get();
        String user = s == null ? null : s.userenv("CURRENT_SCHEMA");
        return user == null ? "PUBLIC" : user;
    }

    /** {@code DBMS_STATS.GATHER_TABLE_STATS(owner, table)}: nothing to gather, H2 keeps its own statistics. */
    public static int gatherStats(String owner, String table) {
        return 0;
    }

    /** Sleeps, returning early with a cancel error when the session's client interrupts the call. */
    public static int sleep(double seconds) throws SQLException {
        return SqlSession.sleep(seconds);
    }
}
