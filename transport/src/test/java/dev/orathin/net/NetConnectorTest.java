package dev.orathin.net;

import dev.orathin.net.internal.session.NetConnector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.net.ConnectAttempt.Phase;
import dev.orathin.testkit.Fault;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.RecordedConnection;
import dev.orathin.testkit.TestPki;
import dev.orathin.testkit.spi.DatabaseHandler;
import dev.orathin.testkit.spi.ServerNetSession;
import dev.orathin.wallet.Wallet;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connects against the testkit listener and small fault peers over loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetConnectorTest {

    static final String SVC = "orathin_high";
    static final TestPki PKI = TestPki.shared();
    static final Wallet WALLET = Wallet.of(PKI.client().privateKey(), PKI.client().chain(), List.of(PKI.ca().certificate()));

    /** Echoes each DATA payload back, answers a RESET marker with a RESET marker. */
    static final DatabaseHandler ECHO = session -> {
        ServerNetSession.Packet p;
        while ((p = session.read()) != null) {
            if (p.type() == 12) {
                session.writeMarker(2);
            } else if (p.dataFlags() == 0x40) {
                return;
            } else {
                session.writeData(0, p.payload());
            }
        }
    };

    static String descriptor(OracleTestServer s, String service) {
        return "(DESCRIPTION=(ADDRESS=(PROTOCOL=" + (s.isTcps() ? "tcps" : "tcp") + ")(HOST=localhost)(PORT=" + s.port()
                + "))(CONNECT_DATA=(SERVICE_NAME=" + service + ")))";
    }

    static Route route(OracleTestServer s, String service) {
        return Route.of(s.isTcps() ? "tcps" : "tcp", "localhost", s.port(), descriptor(s, service)).withService(service, descriptor(s, service))
                .withTimeouts(new Route.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), null, null));
    }

    @Test
    void plainTcpSessionSendsAndReceivesAcrossSduSplits() {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).sdu(1024).database(ECHO).build().start();
                NetSession s = NetConnector.connect(route(server, SVC), null)) {
            assertEquals(319, s.protocolVersion());
            assertEquals(1024, s.sdu());
            byte[] big = new byte[5000];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) i;
            }
            s.send(big, 0);
            byte[] got = new byte[5000];
            int n = 0;
            while (n < got.length) {
                NetPacket p = s.receive(Duration.ofSeconds(5));
                assertTrue(p.isData());
                System.arraycopy(p.payload(), 0, got, n, p.payload().length);
                n += p.payload().length;
            }
            for (int i = 0; i < big.length; i++) {
                assertEquals(big[i], got[i]);
            }
            s.sendMarker(NetSession.MARKER_RESET);
            NetPacket m = s.receive(Duration.ofSeconds(5));
            assertTrue(m.isMarker());
            assertArrayEquals(new byte[] {1, 0, 2}, m.payload());
            assertEquals(Phase.DONE, s.trace().attempts().get(0).phase());
        }
    }

    @Test
    void adbHandoffRunsTwoTlsHandshakesAndRecordsTimings() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().tcps().service(SVC).database(ECHO).build().start();
                NetSession s = NetConnector.connect(route(server, SVC), WALLET)) {
            s.send(new byte[] {1, 2, 3}, 0);
            assertArrayEquals(new byte[] {1, 2, 3}, s.receive(Duration.ofSeconds(5)).payload());
            assertEquals(2, server.takeConnection(Duration.ofSeconds(5)).tlsHandshakes());
            assertTrue(s.trace().phases().containsKey(Phase.TLS2), s.trace().toString());
            assertTrue(s.trace().roundTrips() >= 4, "TLS 1, CONNECT, TLS 2, CONNECT: " + s.trace().roundTrips());
        }
    }

    @Test
    void oracleSniSkipsTheHandoff() throws Exception {
        String svc = "orathin-sni.example"; // JSSE servers only take SNI values that are valid host names
        try (OracleTestServer server = OracleTestServer.builder().tcps().service(svc).database(ECHO).build().start()) {
            Route r = route(server, svc).withTls(new Route.TlsOptions(true, null, null, true, false));
            try (NetSession s = NetConnector.connect(r, WALLET)) {
                RecordedConnection c = server.takeConnection(Duration.ofSeconds(5));
                assertEquals("S19.orathin-sni.example.V3.319", c.sni().orElseThrow());
                assertEquals(1, c.tlsHandshakes());
                assertFalse(s.trace().phases().containsKey(Phase.TLS2));
            }
        }
    }

    @Test
    void redirectIsFollowed() throws Exception {
        try (OracleTestServer target = OracleTestServer.builder().service(SVC).database(ECHO).build().start();
                OracleTestServer front = OracleTestServer.builder().redirect(SVC, "localhost", target.port()).build().start();
                NetSession s = NetConnector.connect(route(front, SVC), null)) {
            s.send(new byte[] {5, 6}, 0);
            assertArrayEquals(new byte[] {5, 6}, s.receive(Duration.ofSeconds(5)).payload());
            assertEquals("redirected to localhost:" + target.port(), front.takeConnection(Duration.ofSeconds(5)).outcome());
        }
    }

    @Test
    void refusalsMapToCodesWithOraNumbers() {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).refuse("busy", 12519).build().start()) {
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(route(server, "nope"), null));
            assertEquals(NetErrorCode.SERVICE_NOT_REGISTERED, e.errorCode());
            assertEquals(12514, e.oraCode().orElseThrow());
            assertTrue(e.getMessage().contains("service \"nope\" is not registered") && e.getMessage().contains("localhost:" + server.port()),
                    e.getMessage());
            NetException busy = assertThrows(NetException.class, () -> NetConnector.connect(route(server, "busy"), null));
            assertEquals(NetErrorCode.LISTENER_REFUSED, busy.errorCode());
            assertTrue(busy.getMessage().contains("12519") && busy.getMessage().contains("connection limit"), busy.getMessage());
        }
    }

    @Test
    void tlsFailuresAreNamed() {
        try (OracleTestServer server = OracleTestServer.builder().tcps().service(SVC).build().start()) {
            server.enqueueFault(new Fault.WrongDnCertificate());
            assertEquals(NetErrorCode.TLS_HOST_MISMATCH, assertThrows(NetException.class,
                    () -> NetConnector.connect(route(server, SVC), WALLET)).errorCode());
            server.enqueueFault(new Fault.OtherCaCertificate());
            assertEquals(NetErrorCode.TLS_UNTRUSTED_SERVER, assertThrows(NetException.class,
                    () -> NetConnector.connect(route(server, SVC), WALLET)).errorCode());
            server.enqueueFault(new Fault.ExpiredCertificate());
            assertEquals(NetErrorCode.TLS_CERT_EXPIRED, assertThrows(NetException.class,
                    () -> NetConnector.connect(route(server, SVC), WALLET)).errorCode());
            server.enqueueFault(new Fault.RejectClientCertificate());
            NetException rejected = assertThrows(NetException.class, () -> NetConnector.connect(route(server, SVC), WALLET));
            assertEquals(NetErrorCode.TLS_CLIENT_REJECTED, rejected.errorCode(), rejected.getMessage());
            server.enqueueFault(new Fault.DropMidTlsHandshake());
            NetException dropped = assertThrows(NetException.class, () -> NetConnector.connect(route(server, SVC), WALLET));
            assertTrue(dropped.getMessage().contains("[TLS"), dropped.getMessage());
        }
    }

    @Test
    void silentListenerEndsAtConnectTimeout() {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).build().start()) {
            server.enqueueFault(new Fault.NeverAnswer());
            Route r = route(server, SVC).withTimeouts(new Route.Timeouts(Duration.ofSeconds(5), Duration.ofMillis(700), null, null));
            long t0 = System.nanoTime();
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(r, null));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(NetErrorCode.CONNECT_TIMEOUT, e.errorCode());
            assertTrue(e.getMessage().contains("CONNECT_TIMEOUT=700 ms"), e.getMessage());
            assertTrue(ms < 5000, "bounded by CONNECT_TIMEOUT, took " + ms + " ms");
        }
    }

    @Test
    void garbageAndEarlyCloseAreProtocolErrors() {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).build().start()) {
            server.enqueueFault(new Fault.SendGarbage(new byte[] {0, 3, 1, 1, 1, 1, 1, 1}));
            assertEquals(NetErrorCode.MALFORMED_PACKET, assertThrows(NetException.class,
                    () -> NetConnector.connect(route(server, SVC), null)).errorCode());
            server.enqueueFault(new Fault.CloseAfterBytes(12));
            assertEquals(NetErrorCode.CONNECTION_CLOSED, assertThrows(NetException.class,
                    () -> NetConnector.connect(route(server, SVC), null)).errorCode());
        }
    }

    @Test
    void failoverWalksDeadRefusingAndGoodAddressesInOrder() throws Exception {
        int dead;
        try (ServerSocket ss = new ServerSocket(0)) {
            dead = ss.getLocalPort(); // closed again: nothing listens there
        }
        try (OracleTestServer refusing = OracleTestServer.builder().service("other").build().start();
                OracleTestServer good = OracleTestServer.builder().service(SVC).database(ECHO).build().start()) {
            Route deadRoute = Route.of("tcp", "127.0.0.1", dead, "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=" + SVC + ")))")
                    .withService(SVC, "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=" + SVC + ")))");
            AttemptPlan plan = AttemptPlan.of(List.of(deadRoute, route(refusing, SVC), route(good, SVC)));
            try (NetSession s = NetConnector.connect(plan, null, Duration.ofSeconds(20))) {
                List<ConnectAttempt> log = s.trace().attempts();
                assertEquals(3, log.size(), log.toString());
                assertEquals(Phase.TCP, log.get(0).phase());
                assertTrue(log.get(0).outcome().contains("OTN-3002"), log.get(0).outcome());
                assertTrue(log.get(1).outcome().contains("OTN-4011"), log.get(1).outcome());
                assertEquals("ok", log.get(2).outcome());
            }
            // all failing: the REFUSE (reached a listener) is primary, the dead address is suppressed
            AttemptPlan failing = new AttemptPlan(List.of(new AttemptPlan.DescriptionPlan(
                    List.of(route(refusing, SVC), deadRoute), 1, Duration.ofMillis(200))));
            long t0 = System.nanoTime();
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(failing, null, Duration.ofSeconds(20)));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(NetErrorCode.SERVICE_NOT_REGISTERED, e.errorCode());
            assertEquals(4, e.attempts().size(), "two passes over two addresses");
            // the second pass repeats the first: one line each with a count, one suppressed copy of the dead address
            assertEquals(1, e.getSuppressed().length, java.util.Arrays.toString(e.getSuppressed()));
            assertEquals(NetErrorCode.TCP_REFUSED, ((NetException) e.getSuppressed()[0]).errorCode());
            assertEquals(2, e.getMessage().split("\\(2 identical attempts\\)", -1).length - 1, e.getMessage());
            assertTrue(ms >= 200, "RETRY_DELAY between passes: " + ms);
        }
    }

    @Test
    void overallDeadlineStopsRetries() {
        try (OracleTestServer server = OracleTestServer.builder().service("other").build().start()) {
            AttemptPlan plan = new AttemptPlan(List.of(new AttemptPlan.DescriptionPlan(List.of(route(server, SVC)), 100,
                    Duration.ofMillis(300))));
            long t0 = System.nanoTime();
            assertThrows(NetException.class, () -> NetConnector.connect(plan, null, Duration.ofSeconds(1)));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 4000);
        }
    }

    @Test
    void serverEofAndClosedSession() {
        DatabaseHandler eof = session -> {
            session.read();
            session.writeData(0x40, new byte[0]);
        };
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).database(eof).build().start()) {
            NetSession s = NetConnector.connect(route(server, SVC), null);
            s.send(new byte[] {1}, 0);
            NetException e = assertThrows(NetException.class, () -> s.receive(Duration.ofSeconds(5)));
            assertEquals(NetErrorCode.SESSION_ENDED, e.errorCode());
            assertFalse(s.isOpen());
            assertEquals(NetErrorCode.SESSION_CLOSED, assertThrows(NetException.class, () -> s.send(new byte[] {1}, 0)).errorCode());
            s.close();
        }
    }

    @Test
    void receiveTimeoutIsBoundedAndNamed() {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).database(ECHO).build().start();
                NetSession s = NetConnector.connect(route(server, SVC), null)) {
            NetException e = assertThrows(NetException.class, () -> s.receive(Duration.ofMillis(200)));
            assertEquals(NetErrorCode.RECV_TIMEOUT, e.errorCode());
            assertTrue(e.getMessage().contains("200 ms"));
        }
    }

    @Test
    void proxyOnPlainTcpIsRejected() {
        Route r = Route.of("tcp", "localhost", 1521, "(DESCRIPTION=)").withProxy(new Route.Proxy("localhost", 3128, null, null));
        assertEquals(NetErrorCode.PROXY_REQUIRES_TCPS, assertThrows(NetException.class, () -> NetConnector.connect(r, null)).errorCode());
    }

    @Test
    void unresolvableHostIsDnsError() {
        Route r = Route.of("tcp", "no-such-host.invalid", 1521, "(DESCRIPTION=)");
        NetException e = assertThrows(NetException.class, () -> NetConnector.connect(r, null));
        assertEquals(NetErrorCode.DNS_FAILED, e.errorCode());
    }

    @Test
    void plainSocketPeerThatClosesImmediately() throws Exception {
        try (ServerSocket ss = new ServerSocket(0)) {
            Thread t = new Thread(() -> {
                try (Socket c = ss.accept()) {
                    c.getInputStream().read(new byte[100]);
                } catch (Exception ignored) {
                    // test peer
                }
            });
            t.start();
            Route r = Route.of("tcp", "127.0.0.1", ss.getLocalPort(), "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=x)))");
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(r, null));
            assertEquals(NetErrorCode.CONNECTION_CLOSED, e.errorCode());
            t.join(5000);
        }
    }
}
