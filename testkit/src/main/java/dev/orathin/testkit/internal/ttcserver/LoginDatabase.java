package dev.orathin.testkit.internal.ttcserver;

import java.util.Map;

/**
 * The database half under its first name, from when it only logged clients in; it now runs SQL
 * too. Kept so that existing tests read unchanged; new code uses {@link TtcDatabase} or
 * {@link dev.orathin.testkit.TestDatabase}.
 */
public final class LoginDatabase extends TtcDatabase {

    /** A database accepting these users. */
    public LoginDatabase(Map<String, char[]> users) {
        super(users);
    }
}
