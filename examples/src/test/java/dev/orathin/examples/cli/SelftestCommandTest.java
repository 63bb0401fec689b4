package dev.orathin.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.Profile;
import dev.orathin.testkit.TestDatabase;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code selftest} against the testkit (every step passes, nothing is left behind) and against a dead address (fails fast). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SelftestCommandTest {

    static final String PW = "Adb#Pass2026";
    static final String WALLET_PW = "Welcome1#Wallet";

    @Test
    void passesAgainstTheTestkitAutonomousProfileAndCleansUp(@TempDir Path dir) throws Exception {
        TestDatabase db = TestDatabase.builder().user("admin", PW).build();
        try (OracleTestServer server = OracleTestServer.builder().profile(Profile.AUTONOMOUS).service("mydb_high").database(db).build()
                .start()) {
            server.writeClientConfig(dir, WALLET_PW.toCharArray());
            Cli.Run r = new Cli().env("PW", PW).env("WPW", WALLET_PW).run("selftest", "-c", dir.toString(), "-d", "mydb_high", "-u", "admin",
                    "--password-env", "PW");
            assertEquals(0, r.code(), r.toString());
            for (String step : new String[] {"connect", "select_from_dual", "typed_round_trip", "commit_and_rollback", "fetch_10000_rows",
                "query_error_then_usable", "ping", "drop_created_objects"}) {
                assertTrue(r.out().lines().anyMatch(l -> l.startsWith("PASS  " + step + " ")), step + "\n" + r);
            }
            assertTrue(r.out().contains("result: PASSED — 8 of 8 steps passed"), r.toString());
            assertTrue(r.out().contains("server 23.26.1.0.0"), r.toString());
            assertFalse(r.out().contains(PW) || r.err().contains(PW), "password in the report");
            assertFalse(r.out().contains(WALLET_PW), "wallet password in the report");
            // every table it created is gone
            try (Connection h2 = db.h2(); ResultSet rs = h2.createStatement().executeQuery(
                    "select count(*) from information_schema.tables where table_name like 'ORATHIN_ST_%'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "tables left behind");
            }
        }
    }

    @Test
    void failsFastAndClearlyAgainstADeadAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        long start = System.nanoTime();
        Cli.Run r = new Cli().env("PW", PW).run("selftest", "-d", "localhost:" + port + "/nosuch", "-u", "admin", "--password-env", "PW");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("FAIL  connect ") && l.contains("OTN-3002") && l.contains("nothing listens")),
                r.toString());
        assertTrue(r.out().contains("result: FAILED at connect (nothing was created)"), r.toString());
        assertTrue(ms < 15_000, "took " + ms + " ms");
        assertFalse(r.out().contains(PW), "password in the report");
    }
}
