package dev.orathin.net;

import dev.orathin.net.internal.plan.AttemptPlanner;
import dev.orathin.net.internal.session.NetConnector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.net.internal.naming.ConnectStringResolver;
import dev.orathin.net.internal.naming.NamingRequest;
import dev.orathin.net.internal.plan.WireDescriptor;
import dev.orathin.testkit.Fault;
import dev.orathin.testkit.OracleTestServer;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransportExtrasTest {

    static final String SVC = "orathin_high";

    static AttemptPlan plan(String dsn, AttemptPlanner planner) {
        return planner.plan(ConnectStringResolver.resolve(new NamingRequest(dsn, null, null, Map.of(), n -> null)).descriptions());
    }

    @Test
    void tlsPeerThatStallsMidHandshakeEndsAtTheDeadline() {
        try (OracleTestServer server = OracleTestServer.builder().tcps().service(SVC).build().start()) {
            server.enqueueFault(new Fault.NeverAnswer()); // accepts TCP, never answers the ClientHello
            Route r = NetConnectorTest.route(server, SVC).withTimeouts(new Route.Timeouts(Duration.ofSeconds(5), Duration.ofMillis(600), null, null));
            long t0 = System.nanoTime();
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(r, NetConnectorTest.WALLET));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 5000);
            assertTrue(e.getMessage().contains("[TLS]") && e.getMessage().contains("600 ms"), e.getMessage());
        }
    }

    @Test
    void nativeEncryptionRequiredIsRefusedWithAdvice() {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).nativeEncryptionRequired().build().start()) {
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(NetConnectorTest.route(server, SVC), null));
            assertEquals(NetErrorCode.NATIVE_ENCRYPTION_REQUIRED, e.errorCode());
            assertTrue(e.getMessage().contains("TCPS"), e.getMessage());
        }
    }

    @Test
    void recvTimeoutFromTheDescriptorCapsEveryWait() {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).database(NetConnectorTest.ECHO).build().start()) {
            Route r = NetConnectorTest.route(server, SVC).withTimeouts(new Route.Timeouts(null, null, Duration.ofMillis(300), Duration.ofMinutes(10)));
            try (NetSession s = NetConnector.connect(r, null)) {
                long t0 = System.nanoTime();
                NetException e = assertThrows(NetException.class, () -> s.receive(Duration.ofMinutes(1)));
                assertEquals(NetErrorCode.RECV_TIMEOUT, e.errorCode());
                assertTrue(e.getMessage().contains("RECV_TIMEOUT") && TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 5000);
                // EXPIRE_TIME set keepalive on the socket; the session still works
                s.send(new byte[] {1}, 0);
                assertEquals(1, s.receive(Duration.ofSeconds(5)).payload()[0]);
            }
        }
    }

    @Test
    void sslVersionPinsTheProtocol() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().tcps().adbHandoff(false).service(SVC).database(NetConnectorTest.ECHO)
                .build().start()) {
            for (String v : new String[] {"TLSv1.2", "TLSv1.3"}) {
                Route r = NetConnectorTest.route(server, SVC).withTls(new Route.TlsOptions(true, null, v, false, false));
                try (NetSession s = NetConnector.connect(r, NetConnectorTest.WALLET)) {
                    assertEquals(v, server.takeConnection(Duration.ofSeconds(5)).tlsProtocol().orElseThrow());
                }
            }
        }
    }

    @Test
    void connectionIdAppearsInTheError() {
        try (OracleTestServer server = OracleTestServer.builder().service("other").build().start()) {
            AttemptPlan p = plan("tcp://localhost:" + server.port() + "/" + SVC + "?connection_id_prefix=myapp",
                    new AttemptPlanner(new Random(1), WireDescriptor.Cid.ofThisProcess(), null, null));
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(p, null, Duration.ofSeconds(10)));
            assertTrue(e.getMessage().matches("(?s).*\\(CONNECTION_ID=myapp[A-Za-z0-9+/]{22}==\\).*"), e.getMessage());
        }
    }

    @Test
    void environmentProxyIsOptInAndHonoursNoProxy() {
        Map<String, String> env = Map.of("https_proxy", "http://bob:s%40cret@proxy.corp:3128/", "no_proxy", "localhost,.internal");
        AttemptPlanner optIn = new AttemptPlanner(new Random(1), null, null, null).useEnvironmentProxy(env::get);
        Route r = plan("tcps://db.example.com:1522/s", optIn).descriptions().get(0).routes().get(0);
        assertEquals("proxy.corp", r.proxy().host());
        assertEquals(3128, r.proxy().port());
        assertEquals("bob", r.proxy().user());
        assertEquals("s@cret", new String(r.proxy().password()));
        assertFalse(r.proxy().toString().contains("cret"));
        assertNull(plan("tcps://db.internal:1522/s", optIn).descriptions().get(0).routes().get(0).proxy(), "no_proxy suffix");
        assertNull(plan("tcp://db.example.com:1521/s", optIn).descriptions().get(0).routes().get(0).proxy(), "plain TCP is never proxied");
        assertNull(plan("tcps://db.example.com:1522/s", new AttemptPlanner(new Random(1), null, null, null)).descriptions().get(0)
                .routes().get(0).proxy(), "off by default");
        Route inValue = plan("tcps://db:1522/s?https_proxy=alice:pw@px", new AttemptPlanner(new Random(1), null, null, null))
                .descriptions().get(0).routes().get(0);
        assertEquals("alice", inValue.proxy().user());
        assertEquals(AttemptPlanner.DEFAULT_PROXY_PORT, inValue.proxy().port());
    }

    @Test
    void manyConnectsLeaveNoOpenConnectionsOrExtraThreads() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().tcps().service(SVC).database(NetConnectorTest.ECHO).build().start()) {
            for (int i = 0; i < 30; i++) {
                try (NetSession s = NetConnector.connect(NetConnectorTest.route(server, SVC), NetConnectorTest.WALLET)) {
                    s.send(new byte[] {(byte) i}, 0);
                    assertEquals((byte) i, s.receive(Duration.ofSeconds(5)).payload()[0]);
                }
            }
            for (var c : server.connections()) {
                assertTrue(c.awaitEnd(5, TimeUnit.SECONDS), "server side of every connection ended: " + c);
            }
            long io = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("orathin-io")).count();
            assertTrue(io <= 2, "one shared event loop group of at most 2 threads, found " + io);
        }
    }
}
