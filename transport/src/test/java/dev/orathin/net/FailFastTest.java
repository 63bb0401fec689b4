package dev.orathin.net;

import dev.orathin.net.internal.plan.AttemptPlanner;
import dev.orathin.net.internal.session.NetConnector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.net.internal.naming.ConnectStringResolver;
import dev.orathin.net.internal.naming.NamingRequest;
import dev.orathin.net.naming.ResolvedConnect;
import dev.orathin.net.internal.plan.WireDescriptor;
import dev.orathin.testkit.Fault;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.wallet.Wallets;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #21/#22: permanent faults are not retried, identical attempts collapse, deadline and
 * timeout messages name the bound, and TCP against a TCPS listener says so.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FailFastTest {

    static final String SVC = NetConnectorTest.SVC;

    static Route route(OracleTestServer s, String service, Duration connectTimeout) {
        return NetConnectorTest.route(s, service).withTimeouts(new Route.Timeouts(Duration.ofSeconds(5), connectTimeout, null, null));
    }

    @Test
    void adbAliasAgainstACertificateForAnotherHostFailsAtOnceWithOneLine(@TempDir Path dir) throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("demo_high").build().start()) {
            server.writeClientConfig(dir, ResolveAndConnectTest.PW);
            for (int i = 0; i < 25; i++) {
                server.enqueueFault(new Fault.WrongDnCertificate()); // every connection would meet the wrong certificate
            }
            ResolvedConnect r = ConnectStringResolver.resolve(new NamingRequest("demo_high", dir, null, Map.of(), n -> null));
            AttemptPlan plan = new AttemptPlanner(new Random(1), WireDescriptor.Cid.ofThisProcess(), null, null).plan(r.descriptions());
            assertEquals(20, plan.descriptions().get(0).retryCount(), "the ADB-style alias retries 20 times, 3 s apart");
            RecordingConnectListener events = new RecordingConnectListener();
            dev.orathin.wallet.Wallet wallet = Wallets.load(dir, ResolveAndConnectTest.PW);
            long t0 = System.nanoTime();
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(plan, wallet, Duration.ofMinutes(2), events));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms < 10_000, "a certificate for the wrong host is not retried 20 times: took " + ms + " ms");
            assertEquals(NetErrorCode.TLS_HOST_MISMATCH, e.errorCode(), e.getMessage());
            String firstLine = e.getMessage().lines().findFirst().orElseThrow();
            assertTrue(firstLine.contains("host \"localhost\" does not match the server certificate") && firstLine.contains("wrong.example.com")
                    && firstLine.contains("not retried"), firstLine);
            long tlsAttempts = e.attempts().stream().filter(a -> a.phase() == ConnectAttempt.Phase.TLS).count();
            assertEquals(1, tlsAttempts, e.getMessage());
            assertEquals(1, server.connections().size(), "one TCP connection, no retry");
            assertTrue(events.events(ConnectEvent.RetryScheduled.class).isEmpty(), events.names().toString());
            ConnectEvent.AttemptFailed failed = events.events(ConnectEvent.AttemptFailed.class).get(0);
            assertTrue(failed.permanent());
        }
    }

    @Test
    void permanentlyFailedAddressIsDroppedButOtherAddressesKeepTheirRetries() {
        try (OracleTestServer impostor = OracleTestServer.builder().tcps().service(SVC).build().start();
                OracleTestServer refusing = OracleTestServer.builder().tcps().service("other").build().start()) {
            for (int i = 0; i < 5; i++) {
                impostor.enqueueFault(new Fault.WrongDnCertificate());
            }
            AttemptPlan plan = new AttemptPlan(List.of(new AttemptPlan.DescriptionPlan(List.of(route(impostor, SVC, Duration.ofSeconds(10)),
                    route(refusing, SVC, Duration.ofSeconds(10))), 2, Duration.ofMillis(100))));
            RecordingConnectListener events = new RecordingConnectListener();
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(plan, NetConnectorTest.WALLET,
                    Duration.ofSeconds(30), events));
            assertEquals(1, impostor.connections().size(), "the wrong certificate is met once");
            assertEquals(3, refusing.connections().size(), "the transient refusal keeps RETRY_COUNT=2");
            assertEquals(List.of(1, 1), events.events(ConnectEvent.RetryScheduled.class).stream().map(ConnectEvent.RetryScheduled::addresses)
                    .toList());
            // the verification failure is more informative than the later refusals
            assertEquals(NetErrorCode.TLS_HOST_MISMATCH, e.errorCode(), e.getMessage());
            assertTrue(e.getMessage().contains("(3 identical attempts)"), e.getMessage());
            assertEquals(1, e.getSuppressed().length, "the three refusals are one distinct failure");
            assertEquals(NetErrorCode.SERVICE_NOT_REGISTERED, ((NetException) e.getSuppressed()[0]).errorCode());
        }
    }

    @Test
    void transientFailuresKeepTheRetryRulesAndCollapse() throws Exception {
        int dead;
        try (ServerSocket ss = new ServerSocket(0)) {
            dead = ss.getLocalPort();
        }
        Route r = Route.of("tcp", "127.0.0.1", dead, "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=x)))");
        AttemptPlan plan = new AttemptPlan(List.of(new AttemptPlan.DescriptionPlan(List.of(r), 3, Duration.ofMillis(50))));
        RecordingConnectListener events = new RecordingConnectListener();
        NetException e = assertThrows(NetException.class, () -> NetConnector.connect(plan, null, Duration.ofSeconds(20), events));
        assertEquals(NetErrorCode.TCP_REFUSED, e.errorCode());
        assertEquals(4, e.attempts().size());
        assertEquals(3, events.events(ConnectEvent.RetryScheduled.class).size());
        String[] lines = e.getMessage().split("\n");
        assertEquals(3, lines.length, "message, 'attempts:', one collapsed line: " + e.getMessage());
        assertTrue(lines[2].endsWith("(4 identical attempts)"), lines[2]);
        assertEquals(0, e.getSuppressed().length, "identical failures are not attached again");
    }

    @Test
    void deadlineEndingAnAttemptReportsTheVerificationFailureAndSaysTheDeadlineWasReached() {
        try (OracleTestServer impostor = OracleTestServer.builder().tcps().service(SVC).build().start();
                OracleTestServer silent = OracleTestServer.builder().tcps().service(SVC).build().start()) {
            impostor.enqueueFault(new Fault.WrongDnCertificate());
            silent.enqueueFault(new Fault.NeverAnswer());
            AttemptPlan plan = AttemptPlan.of(List.of(route(impostor, SVC, Duration.ofSeconds(30)), route(silent, SVC, Duration.ofSeconds(30))));
            long t0 = System.nanoTime();
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(plan, NetConnectorTest.WALLET, Duration.ofMillis(1500)));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(NetErrorCode.TLS_HOST_MISMATCH, e.errorCode(), e.getMessage());
            assertTrue(e.getMessage().contains("the overall connect timeout of 1500 ms was reached after 2 attempt(s)"), e.getMessage());
            assertTrue(ms < 10_000, "bounded by the overall timeout: " + ms);
            NetException cut = (NetException) e.getSuppressed()[0];
            assertEquals(NetErrorCode.OVERALL_TIMEOUT, cut.errorCode(), cut.getMessage());
        }
    }

    @Test
    void silentServerIsATimeoutNamingTheBoundThatExpired() {
        try (OracleTestServer tcp = OracleTestServer.builder().service(SVC).build().start();
                OracleTestServer tcps = OracleTestServer.builder().tcps().service(SVC).build().start()) {
            tcp.enqueueFault(new Fault.NeverAnswer());
            NetException overall = assertThrows(NetException.class, () -> NetConnector.connect(AttemptPlan.single(route(tcp, SVC,
                    Duration.ofSeconds(30))), null, Duration.ofMillis(800)));
            assertEquals(NetErrorCode.OVERALL_TIMEOUT, overall.errorCode(), overall.getMessage());
            assertTrue(overall.getMessage().contains("[NS]: no answer to CONNECT") && overall.getMessage().contains("overall connect timeout"
                    + " of 800 ms expired"), overall.getMessage());

            tcps.enqueueFault(new Fault.NeverAnswer());
            NetException attempt = assertThrows(NetException.class, () -> NetConnector.connect(AttemptPlan.single(route(tcps, SVC,
                    Duration.ofMillis(700))), NetConnectorTest.WALLET, Duration.ofSeconds(30)));
            assertEquals(NetErrorCode.CONNECT_TIMEOUT, attempt.errorCode(), attempt.getMessage());
            assertTrue(attempt.getMessage().contains("[TLS]: TLS handshake not complete") && attempt.getMessage().contains("CONNECT_TIMEOUT=700 ms"),
                    attempt.getMessage());

            tcps.enqueueFault(new Fault.NeverAnswer());
            NetException both = assertThrows(NetException.class, () -> NetConnector.connect(AttemptPlan.single(route(tcps, SVC,
                    Duration.ofSeconds(30))), NetConnectorTest.WALLET, Duration.ofMillis(700)));
            assertEquals(NetErrorCode.OVERALL_TIMEOUT, both.errorCode(), both.getMessage());
            for (NetException e : List.of(overall, attempt, both)) {
                assertNotEquals(NetErrorCode.CONNECTION_CLOSED, e.errorCode());
                assertFalse(e.getMessage().contains("closed"), e.getMessage());
            }
        }
    }

    @Test
    void tcpToATcpsListenerSuggestsTcps() {
        try (OracleTestServer tcps = OracleTestServer.builder().tcps().service(SVC).build().start()) {
            Route plain = Route.of("tcp", "localhost", tcps.port(), NetConnectorTest.descriptor(tcps, SVC))
                    .withTimeouts(new Route.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), null, null));
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(plain, null));
            assertTrue(e.getMessage().contains("PROTOCOL=tcps") && e.getMessage().contains("1522"), e.getMessage());
        }
    }

    @Test
    void tlsAlertOnAPlainConnectIsAProtocolMismatchAtOnce() throws Exception {
        byte[] alert = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a}; // TLS 1.2 record: fatal unexpected_message
        try (ServerSocket ss = new ServerSocket(0)) {
            Thread peer = new Thread(() -> {
                try (Socket c = ss.accept()) {
                    InputStream in = c.getInputStream();
                    in.read(new byte[512]);
                    OutputStream out = c.getOutputStream();
                    out.write(alert);
                    out.flush();
                    Thread.sleep(5000); // stays open: only the bytes can tell
                } catch (Exception ignored) {
                    // test peer
                }
            });
            peer.setDaemon(true);
            peer.start();
            Route r = Route.of("tcp", "127.0.0.1", ss.getLocalPort(), "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=x)))")
                    .withTimeouts(new Route.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(20), null, null));
            AttemptPlan plan = new AttemptPlan(List.of(new AttemptPlan.DescriptionPlan(List.of(r), 5, Duration.ofSeconds(2))));
            long t0 = System.nanoTime();
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(plan, null, Duration.ofSeconds(60)));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(NetErrorCode.PROTOCOL_MISMATCH, e.errorCode(), e.getMessage());
            assertTrue(e.getMessage().contains("a TLS alert") && e.getMessage().contains("PROTOCOL=tcps"), e.getMessage());
            assertEquals(1, e.attempts().size(), "a protocol mismatch is permanent");
            assertTrue(ms < 10_000, "neither CONNECT_TIMEOUT nor RETRY_DELAY was waited for: " + ms + " ms");
        }
    }

    @Test
    void codesAreUniqueAndClassified() {
        java.util.Set<Integer> numbers = new java.util.HashSet<>();
        for (NetErrorCode c : NetErrorCode.values()) {
            assertTrue(numbers.add(c.number()), "number reused: " + c);
            assertTrue(c.number() >= 3000 && c.number() < 5000, "transport and Oracle Net bands: " + c);
        }
        for (NetErrorCode c : List.of(NetErrorCode.TLS_UNTRUSTED_SERVER, NetErrorCode.TLS_DN_MISMATCH, NetErrorCode.TLS_HOST_MISMATCH,
                NetErrorCode.TLS_CLIENT_REJECTED, NetErrorCode.TLS_CERT_EXPIRED, NetErrorCode.PROTOCOL_MISMATCH)) {
            assertTrue(c.permanent(), c + " cannot be fixed by retrying the same address");
        }
        for (NetErrorCode c : List.of(NetErrorCode.TCP_REFUSED, NetErrorCode.TCP_CONNECT_TIMEOUT, NetErrorCode.CONNECT_TIMEOUT,
                NetErrorCode.CONNECTION_CLOSED, NetErrorCode.IO_ERROR, NetErrorCode.SERVICE_NOT_REGISTERED, NetErrorCode.LISTENER_REFUSED,
                NetErrorCode.TLS_HANDSHAKE_FAILED, NetErrorCode.DNS_FAILED)) {
            assertFalse(c.permanent(), c + " follows the descriptor's retry rules");
        }
    }
}
