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

    /** Sleeps, returning early with a cancel error when the session's client interrupts the call. */
    public static int sleep(double seconds) throws SQLException {
        return SqlSession.sleep(seconds);
    }
}
