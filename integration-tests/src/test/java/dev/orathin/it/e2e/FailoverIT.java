package dev.orathin.it.e2e;

import static dev.orathin.it.e2e.Fixtures.SERVICE;
import static dev.orathin.it.e2e.Fixtures.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.ConnectParams;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.net.ConnectAttempt;
import dev.orathin.net.ConnectAttempt.Phase;
import dev.orathin.net.NetException;
import dev.orathin.testkit.OracleTestServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover for real: an address list whose first addresses are dead (nothing listens), refusing
 * (a listener answering REFUSE 12514) and hanging (accepts TCP, never answers), the last good.
 * The connect succeeds within CONNECT_TIMEOUT per bad address and the attempt log says what
 * happened where.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FailoverIT {

    static OracleTestServer good;
    static OracleTestServer refusing;
    static Hang hang;
    static int deadPort;
    static Path wallet;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        good = Fixtures.server().build().start();
        refusing = OracleTestServer.builder().tcps().pki(good.pki()).service("other").build().start();
        hang = new Hang();
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        wallet = good.writeClientConfig(tmp.resolve("cfg"), Fixtures.walletPassword());
    }

    @AfterAll
    static void stop() {
        hang.close();
        refusing.close();
        good.close();
    }

    static String address(int port) {
        return "(address=(protocol=tcps)(host=127.0.0.1)(port=" + port + "))";
    }

    static String descriptor(String params, int... ports) {
        StringBuilder b = new StringBuilder("(description=" + params + "(address_list=(failover=on)(load_balance=off)");
        for (int p : ports) {
            b.append(address(p));
        }
        return b.append(")(connect_data=(service_name=" + SERVICE + "))(security=(ssl_server_dn_match=yes)))").toString();
    }

    static ConnectParams params(String dsn, Duration overall) {
        return ConnectParams.builder().dsn(dsn).user(USER).password(Fixtures.password()).walletLocation(wallet.toString())
                .walletPassword(Fixtures.walletPassword()).connectTimeout(overall).build();
    }

    @Test
    void deadRefusingHangingThenGood() {
        String dsn = descriptor("(connect_timeout=1)(retry_count=0)", deadPort, refusing.port(), hang.port(), good.port());
        long start = System.nanoTime();
        try (OracleConnection c = Orathin.connect(params(dsn, Duration.ofSeconds(20)))) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Fixtures.use(c);
            List<ConnectAttempt> a = c.connectTrace().attempts();
            assertEquals(4, a.size(), a.toString());
            assertAttempt(a.get(0), deadPort, Phase.TCP, "OTN-3002");
            assertAttempt(a.get(1), refusing.port(), Phase.NS, "OTN-4011");
            assertAttempt(a.get(2), hang.port(), Phase.TLS, "OTN-3004");
            assertAttempt(a.get(3), good.port(), Phase.DONE, "ok");
            // CONNECT_TIMEOUT=1 s bounds the hanging address; the rest is fast
            assertTrue(a.get(2).elapsed().compareTo(Duration.ofMillis(900)) >= 0 && a.get(2).elapsed().compareTo(Duration.ofSeconds(3)) < 0,
                    a.get(2).toString());
            assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "took " + took);
        }
    }

    @Test
    void allBadRetriedThenTheListenerErrorIsReportedWithEveryAttempt() {
        String dsn = descriptor("(connect_timeout=1)(retry_count=1)(retry_delay=0)", deadPort, refusing.port(), hang.port());
        long start = System.nanoTime();
        NetException e = assertThrows(NetException.class, () -> Orathin.connect(params(dsn, Duration.ofSeconds(20))).close());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // the last failure from an attempt that got past TCP wins (ojdbc's rule, connect-behaviour.md §11): the
        // hanging listener's TLS timeout; the REFUSE and the TCP refusals are attached as suppressed
        assertEquals("OTN-3004", e.code(), e.getMessage());
        assertTrue(java.util.Arrays.stream(e.getSuppressed()).anyMatch(s -> s.getMessage().startsWith("OTN-4011")), e.getMessage());
        assertTrue(java.util.Arrays.stream(e.getSuppressed()).anyMatch(s -> s.getMessage().startsWith("OTN-3002")), e.getMessage());
        assertEquals(6, e.attempts().size(), e.getMessage());
        assertTrue(e.getMessage().contains("attempts:"), e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
    }

    @Test
    void overallConnectTimeoutBoundsHangingAddressesWithoutConnectTimeout() {
        String dsn = descriptor("(retry_count=0)", hang.port(), hang.port());
        long start = System.nanoTime();
        NetException e = assertThrows(NetException.class, () -> Orathin.connect(params(dsn, Duration.ofSeconds(2))).close());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(List.of("OTN-3004", "OTN-3005").contains(e.code()), e.getMessage());
        assertTrue(took.compareTo(Duration.ofMillis(1800)) >= 0 && took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
    }

    @Test
    void failoverOffTriesOnlyTheFirstAddress() {
        String dsn = descriptor("(retry_count=0)", deadPort, good.port()).replace("(failover=on)", "(failover=off)");
        NetException e = assertThrows(NetException.class, () -> Orathin.connect(params(dsn, Duration.ofSeconds(10))).close());
        assertEquals("OTN-3002", e.code(), e.getMessage());
        assertEquals(1, e.attempts().size(), e.getMessage());
    }

    static void assertAttempt(ConnectAttempt a, int port, Phase phase, String outcome) {
        assertTrue(a.route().contains(":" + port), a.toString());
        assertEquals(phase, a.phase(), a.toString());
        assertTrue(a.outcome().startsWith(outcome), a.toString());
    }
}
