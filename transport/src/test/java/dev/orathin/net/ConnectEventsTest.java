package dev.orathin.net;

import dev.orathin.net.internal.session.NetConnector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.net.internal.events.LoggingConnectListener;
import dev.orathin.testkit.Fault;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestPki;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;

/** The connect events a listener receives, and what the built-in logging listener writes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectEventsTest {

    static final String SVC = NetConnectorTest.SVC;

    @Test
    void adbHandoffReportsEveryStepInOrder() {
        try (OracleTestServer server = OracleTestServer.builder().tcps().service(SVC).database(NetConnectorTest.ECHO).build().start()) {
            RecordingConnectListener events = new RecordingConnectListener();
            try (NetSession s = NetConnector.connect(AttemptPlan.single(NetConnectorTest.route(server, SVC)), NetConnectorTest.WALLET, null,
                    events)) {
                assertTrue(s.isOpen());
            }
            assertEquals(List.of("DnsResolved", "TcpConnected", "TlsHandshakeDone", "IdentityChecked", "NetAnswer", "TlsHandshakeDone",
                    "IdentityChecked", "NetAnswer", "AttemptEnded", "Connected"), events.names());
            List<ConnectEvent.TlsHandshakeDone> tls = events.events(ConnectEvent.TlsHandshakeDone.class);
            assertEquals(TestPki.LISTENER_DN, tls.get(0).peerChain().get(0).getSubjectX500Principal().getName());
            assertEquals(TestPki.DATABASE_DN, tls.get(1).peerChain().get(0).getSubjectX500Principal().getName());
            assertEquals(2, tls.get(1).handshake());
            assertTrue(tls.get(0).protocol().startsWith("TLSv1."), tls.get(0).protocol());
            assertFalse(tls.get(0).cipherSuite().isBlank());
            assertEquals(TestPki.CLIENT_DN, tls.get(0).clientCertificate().getSubjectX500Principal().getName());
            IdentityVerdict v = events.events(ConnectEvent.IdentityChecked.class).get(0).verdict();
            assertEquals(new IdentityVerdict(IdentityVerdict.Mode.HOST, "localhost", v.actual(), true), v);
            assertTrue(v.actual().contains("DNS:localhost"), v.actual());
            List<ConnectEvent.NetAnswer> answers = events.events(ConnectEvent.NetAnswer.class);
            assertEquals(ConnectEvent.NetAnswer.Kind.RESEND, answers.get(0).kind());
            assertEquals(ConnectEvent.NetAnswer.Kind.ACCEPT, answers.get(1).kind());
            assertEquals(List.of("127.0.0.1"), events.events(ConnectEvent.DnsResolved.class).get(0).addresses());
        }
    }

    @Test
    void redirectRefusalProxyAndFailedIdentityAreReported() {
        HttpProxyServer proxy = DefaultHttpProxyServer.bootstrap().withAddress(new InetSocketAddress("127.0.0.1", 0)).start();
        try (OracleTestServer target = OracleTestServer.builder().tcps().service(SVC).database(NetConnectorTest.ECHO).build().start();
                OracleTestServer front = OracleTestServer.builder().tcps().redirect(SVC, "localhost", target.port()).build().start()) {
            RecordingConnectListener events = new RecordingConnectListener();
            Route viaProxy = NetConnectorTest.route(front, SVC).withProxy(new Route.Proxy("127.0.0.1", proxy.getListenAddress().getPort(),
                    null, null));
            NetConnector.connect(AttemptPlan.single(viaProxy), NetConnectorTest.WALLET, null, events).close();
            ConnectEvent.ProxyTunnelOpened tunnel = events.events(ConnectEvent.ProxyTunnelOpened.class).get(0);
            assertTrue(tunnel.statusLine().matches("HTTP/1\\.[01] 200.*"), tunnel.statusLine());
            assertEquals(ConnectEvent.NetAnswer.Kind.REDIRECT, events.events(ConnectEvent.NetAnswer.class).get(0).kind());
            assertEquals("to localhost:" + target.port(), events.events(ConnectEvent.NetAnswer.class).get(0).detail());

            RecordingConnectListener refused = new RecordingConnectListener();
            assertThrows(NetException.class, () -> NetConnector.connect(AttemptPlan.single(NetConnectorTest.route(target, "nope")),
                    NetConnectorTest.WALLET, null, refused));
            ConnectEvent.NetAnswer refuse = refused.events(ConnectEvent.NetAnswer.class).stream()
                    .filter(a -> a.kind() == ConnectEvent.NetAnswer.Kind.REFUSE).findFirst().orElseThrow();
            assertEquals("error 12514", refuse.detail());
            ConnectEvent.AttemptFailed f = refused.events(ConnectEvent.AttemptFailed.class).get(0);
            assertFalse(f.permanent(), "a service not registered (yet) is transient");
            assertEquals(NetErrorCode.SERVICE_NOT_REGISTERED, f.error().errorCode());
            assertEquals("ConnectFailed", refused.names().get(refused.names().size() - 1));

            target.enqueueFault(new Fault.WrongDnCertificate());
            RecordingConnectListener wrong = new RecordingConnectListener();
            assertThrows(NetException.class, () -> NetConnector.connect(AttemptPlan.single(NetConnectorTest.route(target, SVC)),
                    NetConnectorTest.WALLET, null, wrong));
            IdentityVerdict v = wrong.events(ConnectEvent.IdentityChecked.class).get(0).verdict();
            assertFalse(v.ok());
            assertEquals("localhost", v.expected());
            assertTrue(v.actual().contains("CN=wrong.example.com"), v.actual());
            assertTrue(wrong.events(ConnectEvent.AttemptFailed.class).get(0).permanent());
            assertTrue(wrong.events(ConnectEvent.NetAnswer.class).isEmpty(), "nothing was sent, so nothing was answered");
        } finally {
            proxy.abort();
        }
    }

    @Test
    void aThrowingListenerDoesNotChangeTheOutcome() {
        try (OracleTestServer server = OracleTestServer.builder().service(SVC).database(NetConnectorTest.ECHO).build().start()) {
            ConnectListener broken = new ConnectListener() {
                @Override
                public void event(ConnectEvent e) {
                    throw new IllegalStateException("listener bug");
                }
            };
            try (NetSession s = NetConnector.connect(AttemptPlan.single(NetConnectorTest.route(server, SVC)), null, null, broken)) {
                assertTrue(s.isOpen());
            }
        }
    }

    @Test
    void loggingListenerLevelsAndExpiryWarnings() throws Exception {
        CapturingLogger log = new CapturingLogger();
        LoggingConnectListener l = new LoggingConnectListener(log);
        Route r = Route.of("tcps", "db.example.com", 1522, "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=x)))")
                .withProxy(new Route.Proxy("proxy.example.com", 8080, "scott", "tiger-secret".toCharArray()));
        X509Certificate soon = certificate("CN=db.example.com", Instant.now().plus(Duration.ofDays(10)));
        X509Certificate later = certificate("CN=client", Instant.now().plus(Duration.ofDays(400)));
        X509Certificate clientSoon = certificate("CN=client soon", Instant.now().plus(Duration.ofDays(5)));
        l.tlsHandshakeDone(new ConnectEvent.TlsHandshakeDone(r, 1, "TLSv1.3", "TLS_AES_256_GCM_SHA384", List.of(soon), later,
                Duration.ofMillis(12)));
        l.tlsHandshakeDone(new ConnectEvent.TlsHandshakeDone(r, 2, "TLSv1.3", "TLS_AES_256_GCM_SHA384", List.of(later), clientSoon,
                Duration.ofMillis(12)));
        l.retryScheduled(new ConnectEvent.RetryScheduled(2, 3, Duration.ofSeconds(1), 1));
        l.netAnswer(new ConnectEvent.NetAnswer(r, ConnectEvent.NetAnswer.Kind.REDIRECT, "to db2:1522"));
        NetException transientError = new NetException(NetErrorCode.TCP_REFUSED, "refused");
        NetException permanentError = new NetException(NetErrorCode.TLS_HOST_MISMATCH, "mismatch");
        l.attemptFailed(new ConnectEvent.AttemptFailed(r, ConnectAttempt.Phase.TCP, transientError, false));
        l.attemptFailed(new ConnectEvent.AttemptFailed(r, ConnectAttempt.Phase.TLS, permanentError, true));

        assertTrue(log.has(System.Logger.Level.DEBUG, "TLSv1.3, TLS_AES_256_GCM_SHA384"), log.toString());
        assertTrue(log.has(System.Logger.Level.DEBUG, "retry: pass 2 of 3"), log.toString());
        assertTrue(log.has(System.Logger.Level.DEBUG, "REDIRECT (to db2:1522)"), log.toString());
        assertTrue(log.has(System.Logger.Level.WARNING, "server certificate \"CN=db.example.com\" expires"), log.toString());
        assertTrue(log.has(System.Logger.Level.WARNING, "client certificate \"CN=client soon\" expires"), log.toString());
        assertFalse(log.has(System.Logger.Level.WARNING, "\"CN=client\" expires"), "400 days left is no warning: " + log);
        assertTrue(log.has(System.Logger.Level.INFO, "OTN-3002"), log.toString());
        assertTrue(log.has(System.Logger.Level.WARNING, "OTN-3023"), log.toString());
        assertFalse(log.toString().contains("tiger-secret"), "no secret in a log line: " + log);
        assertFalse(log.toString().contains("SERVICE_NAME"), "no connect data in a log line: " + log);
    }

    static X509Certificate certificate(String dn, Instant notAfter) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name(dn);
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(notAfter), name, kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
    }

    /** A System.Logger that keeps every line with its level, all levels enabled. */
    static final class CapturingLogger implements System.Logger {
        private final List<String> lines = new ArrayList<>();

        boolean has(Level level, String text) {
            return lines.stream().anyMatch(l -> l.startsWith(level + " ") && l.contains(text));
        }

        @Override
        public String getName() {
            return "capture";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + format);
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier) {
            lines.add(level + " " + msgSupplier.get());
        }

        @Override
        public String toString() {
            return String.join("\n", lines);
        }
    }
}
