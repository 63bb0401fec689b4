package dev.orathin.testkit.internal.ttcserver;

import java.sql.SQLException;

/**
 * Java functions the testkit registers in H2 (H2 calls public static methods of public classes):
 * {@code ORATHIN_SLEEP(seconds)} backs {@code dbms_session.sleep} and {@code dbms_lock.sleep}.
 */
public final class TestkitFunctions {

    private TestkitFunctions() {
    }

    /** Sleeps, returning early with a cancel error when the session's client interrupts the call. */
    public static int sleep(double seconds) throws SQLException {
        return SqlSession.sleep(seconds);
    }
}
