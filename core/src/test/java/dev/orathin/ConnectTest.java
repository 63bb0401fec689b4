package dev.orathin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.errors.OrathinException;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.naming.ConfigException;
import dev.orathin.net.naming.NamingErrorCode;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.RecordedConnection;
import dev.orathin.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public connect path against the testkit listener: config dir, wallet, TLS, hand-off, then
 * our first TTC message. (The testkit's database half is not there yet, so the server hangs up
 * after that message; login itself is covered by LoginTest.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectTest {

    static final char[] WALLET_PW = "Welcome1#Wallet".toCharArray();

    @Test
    void seedFlowReachesTheDatabaseWithOurProtocolMessage(@TempDir Path dir) throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("demo_high").build().start()) {
            server.writeClientConfig(dir, WALLET_PW);
            OrathinException e = assertThrows(OrathinException.class, () -> Orathin.connect(dir, "demo_high", "admin",
                    "secret".toCharArray(), dir.toString(), WALLET_PW));
            assertTrue(e instanceof NetException ne && ne.errorCode() == NetErrorCode.CONNECTION_CLOSED, e.toString());
            assertFalse(e.getMessage().contains("secret") || e.getMessage().contains("Welcome1"), e.getMessage());
            RecordedConnection c = server.takeConnection(Duration.ofSeconds(5));
            assertEquals(2, c.tlsHandshakes(), "ADB hand-off done");
            byte[] first = c.awaitFirstTtcMessage(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals(1, first[0], "PROTOCOL");
            assertTrue(new String(first, StandardCharsets.US_ASCII).contains("orathin"));
        }
    }

    @Test
    void connectLoginPingAndCloseAgainstTheTestkitDatabase(@TempDir Path dir) throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("demo_high")
                .database(TestDatabase.withUsers(Map.of("admin", "Secret#2026".toCharArray()))).build().start()) {
            server.writeClientConfig(dir, WALLET_PW);
            try (OracleConnection c = Orathin.connect(dir, "demo_high", "ADMIN", "Secret#2026".toCharArray(), dir.toString(), WALLET_PW)) {
                assertTrue(c.sessionId() > 0);
                assertEquals("23.4.0.0.0", c.serverVersion());
                assertEquals(TestDatabase.BANNER, c.banner());
                c.ping();
                assertTrue(c.isHealthy());
                assertTrue(c.connectTrace().phases().containsKey(dev.orathin.net.ConnectAttempt.Phase.TLS2));
            }
            RecordedConnection rec = server.takeConnection(Duration.ofSeconds(5));
            assertTrue(rec.awaitEnd(5, TimeUnit.SECONDS));
            assertTrue(rec.packets().stream().anyMatch(p -> p.bytes() == null), "authentication packets are redacted in the recording");
            OracleDatabaseException wrong = assertThrows(OracleDatabaseException.class, () -> Orathin.connect(dir, "demo_high", "admin",
                    "nope".toCharArray(), dir.toString(), WALLET_PW));
            assertEquals(1017, wrong.oraCode());
        }
    }

    @Test
    void fastAuthenticationSavesTwoRoundTripsWhenTheListenerOffersIt(@TempDir Path dir) throws Exception {
        int[] roundTrips = new int[2];
        for (int i = 0; i < 2; i++) {
            boolean fast = i == 1;
            dev.orathin.testkit.TestDatabase db = dev.orathin.testkit.TestDatabase.builder().user("admin", "Secret#2026").build();
            try (OracleTestServer server = OracleTestServer.builder().tcps().service("demo_high").fastAuth(fast).database(db).build().start()) {
                Path d = dir.resolve(fast ? "fast" : "classic");
                server.writeClientConfig(d, WALLET_PW);
                try (OracleConnection c = Orathin.connect(d, "demo_high", "admin", "Secret#2026".toCharArray(), d.toString(), WALLET_PW);
                        Cursor cur = c.execute("select user from dual")) {
                    assertTrue(cur.next());
                    assertEquals("ADMIN", cur.getString(1));
                }
                assertEquals(fast ? 1 : 0, db.fastAuthRequests(), "FAST_AUTH used exactly when offered");
                RecordedConnection rec = server.takeConnection(Duration.ofSeconds(5));
                assertTrue(rec.awaitEnd(5, TimeUnit.SECONDS));
                roundTrips[i] = rec.roundTrips();
            }
        }
        assertEquals(roundTrips[0] - 2, roundTrips[1], "PROTOCOL, DATA_TYPES and phase one in one round trip instead of three");
        OracleDatabaseException wrong;
        dev.orathin.testkit.TestDatabase db = dev.orathin.testkit.TestDatabase.builder().user("admin", "Secret#2026").build();
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("demo_high").fastAuth(true).database(db).build().start()) {
            Path d = dir.resolve("fast-wrong");
            server.writeClientConfig(d, WALLET_PW);
            wrong = assertThrows(OracleDatabaseException.class, () -> Orathin.connect(d, "demo_high", "admin", "nope".toCharArray(),
                    d.toString(), WALLET_PW));
        }
        assertEquals(1017, wrong.oraCode());
    }

    @Test
    void walletFoundInTheConfigDirectoryAndParamsFromMaps(@TempDir Path dir) throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("demo_low").build().start()) {
            server.writeClientConfig(dir, WALLET_PW);
            ConnectParams p = ConnectParams.fromMap(Map.of("user", "admin", "password", "pw", "dsn", "demo_low",
                    "oracle.net.tns_admin", dir.toString(), "retry_count", "0"));
            assertFalse(p.toString().contains("pw]") || p.toString().contains("password=pw"));
            // no wallet_location: sqlnet.ora's ?/network/admin means the config directory (cwallet.sso there)
            assertThrows(NetException.class, () -> Orathin.connect(p));
            assertEquals(2, server.takeConnection(Duration.ofSeconds(5)).tlsHandshakes());
        }
    }

    @Test
    void configErrorsComeFirst(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> Orathin.connect(dir, "nosuch", "u", "p".toCharArray(), null));
        assertEquals(NamingErrorCode.NO_TNSNAMES, e.errorCode());
    }

    @Test
    void sqlOverTheAdbFlow(@TempDir Path dir) throws Exception {
        dev.orathin.testkit.TestDatabase db = dev.orathin.testkit.TestDatabase.builder().user("admin", "Secret#2026").build();
        try (db; OracleTestServer server = OracleTestServer.builder().tcps().service("demo_high").database(db).build().start()) {
            server.writeClientConfig(dir, WALLET_PW);
            try (OracleConnection c = Orathin.connect(dir, "demo_high", "admin", "Secret#2026".toCharArray(), dir.toString(), WALLET_PW)) {
                c.execute("create table adb_t (id number(9), name varchar2(20))").close();
                assertEquals(2, c.executeMany("insert into adb_t values (:1, :2)", java.util.List.of(new Object[] {1, "one"},
                        new Object[] {2, "two"})).length);
                c.commit();
                try (Cursor cur = c.execute("select name from adb_t where id = :id", Map.of("id", 2))) {
                    assertTrue(cur.next());
                    assertEquals("two", cur.getString(1));
                }
            }
        }
    }
}
