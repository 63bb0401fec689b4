package dev.orathin.net;

import dev.orathin.net.internal.session.NetConnector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestCertificate;
import dev.orathin.testkit.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;

/**
 * Issue #22: no application byte (CONNECT or later) is written on a TLS session whose server
 * verification failed — on the first handshake, on the second one after RESEND (the ADB hand-off),
 * after a REDIRECT, and through an HTTPS proxy. The peer is a recording impostor: a TLS server
 * presenting chosen certificates that records every decrypted byte it receives per TLS session.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VerificationBeforeFirstByteTest {

    static final TestPki PKI = TestPki.shared();
    static final String SVC = NetConnectorTest.SVC;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static Route route(int port) {
        String d = "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcps)(HOST=localhost)(PORT=" + port + "))(CONNECT_DATA=(SERVICE_NAME=" + SVC + ")))";
        return Route.of("tcps", "localhost", port, d).withService(SVC, d)
                // generous: on a loaded 2-core machine the control case must not time out before its CONNECT is sent
                .withTimeouts(new Route.Timeouts(Duration.ofSeconds(15), Duration.ofSeconds(8), null, null));
    }

    Impostor impostor(TestCertificate first, TestCertificate afterResend) throws IOException {
        Impostor i = new Impostor(first, afterResend);
        open.add(i);
        return i;
    }

    @Test
    void theRecorderSeesConnectOnAVerifiedSession() throws Exception {
        Impostor peer = impostor(PKI.listener(), null); // a certificate that passes: the control case
        NetException e = assertThrows(NetException.class, () -> NetConnector.connect(route(peer.port()), NetConnectorTest.WALLET));
        assertEquals(NetErrorCode.CONNECT_TIMEOUT, e.errorCode(), "the impostor never answers CONNECT: " + e.getMessage());
        byte[] got = peer.session(0).bytes();
        assertTrue(got.length > 8 && got[4] == 1, "the recorder saw the CONNECT packet (type 1): " + got.length + " bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrongHost", "expired", "otherCa"})
    void firstHandshake(String which) throws Exception {
        TestCertificate bad = switch (which) {
            case "wrongHost" -> PKI.wrongDn();
            case "expired" -> PKI.expired();
            default -> PKI.fromOtherCa();
        };
        Impostor peer = impostor(bad, null);
        NetException e = assertThrows(NetException.class, () -> NetConnector.connect(route(peer.port()), NetConnectorTest.WALLET));
        assertTrue(e.errorCode() instanceof NetErrorCode c && c.permanent(), e.getMessage());
        assertEquals(0, peer.session(0).bytes().length, "application bytes on a session that failed verification");
    }

    @Test
    void secondHandshakeAfterResend() throws Exception {
        Impostor peer = impostor(PKI.listener(), PKI.wrongDn());
        NetException e = assertThrows(NetException.class, () -> NetConnector.connect(route(peer.port()), NetConnectorTest.WALLET));
        assertEquals(NetErrorCode.TLS_HOST_MISMATCH, e.errorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("[TLS after hand-off]"), e.getMessage());
        assertTrue(peer.session(0).bytes().length > 0, "the first, verified session carried CONNECT");
        assertEquals(0, peer.session(1).bytes().length, "application bytes on the second session, which failed verification");
    }

    @Test
    void afterRedirect() throws Exception {
        Impostor peer = impostor(PKI.wrongDn(), null);
        try (OracleTestServer front = OracleTestServer.builder().tcps().redirect(SVC, "localhost", peer.port()).build().start()) {
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(route(front.port()), NetConnectorTest.WALLET));
            assertEquals(NetErrorCode.TLS_HOST_MISMATCH, e.errorCode(), e.getMessage());
            assertTrue(front.takeConnection(Duration.ofSeconds(5)).outcome().startsWith("redirected to localhost:" + peer.port()));
            assertEquals(0, peer.session(0).bytes().length, "application bytes after the redirect");
        }
    }

    @Test
    void throughAnHttpsProxy() throws Exception {
        HttpProxyServer proxy = DefaultHttpProxyServer.bootstrap().withAddress(new InetSocketAddress("127.0.0.1", 0)).start();
        open.add(proxy::abort);
        Route.Proxy via = new Route.Proxy("127.0.0.1", proxy.getListenAddress().getPort(), null, null);
        Impostor first = impostor(PKI.wrongDn(), null);
        RecordingConnectListener events = new RecordingConnectListener();
        NetException e = assertThrows(NetException.class, () -> NetConnector.connect(AttemptPlan.single(route(first.port()).withProxy(via)),
                NetConnectorTest.WALLET, null, events));
        assertEquals(NetErrorCode.TLS_HOST_MISMATCH, e.errorCode(), e.getMessage());
        assertEquals(1, events.events(ConnectEvent.ProxyTunnelOpened.class).size(), "the tunnel was open: " + events.names());
        assertEquals(0, first.session(0).bytes().length, "application bytes through the proxy, first handshake");

        Impostor handoff = impostor(PKI.listener(), PKI.wrongDn());
        NetException e2 = assertThrows(NetException.class, () -> NetConnector.connect(route(handoff.port()).withProxy(via),
                NetConnectorTest.WALLET));
        assertEquals(NetErrorCode.TLS_HOST_MISMATCH, e2.errorCode(), e2.getMessage());
        assertTrue(handoff.session(0).bytes().length > 0);
        assertEquals(0, handoff.session(1).bytes().length, "application bytes through the proxy, after the hand-off");
    }

    /**
     * A TLS server on loopback for one connection: handshake with {@code first}; with
     * {@code afterResend} set, read the CONNECT, answer RESEND with the hand-off flag and run a
     * second handshake on the same socket. Records every decrypted byte received per TLS session
     * until the client closes (bounded by a read timeout).
     */
    static final class Impostor implements AutoCloseable {
        private static final byte[] RESEND_HANDOFF = {0, 8, 0, 0, 11, 0x08, 0, 0}; // TNS RESEND, flag 0x08 (protocol.md §3.4)

        private final ServerSocket server = new ServerSocket(0);
        private final List<Session> sessions = List.of(new Session(), new Session());
        private final Thread thread;

        Impostor(TestCertificate first, TestCertificate afterResend) throws IOException {
            thread = new Thread(() -> serve(first, afterResend), "impostor");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        /** The n-th TLS session (0 or 1), once it ended. */
        Session session(int n) throws InterruptedException {
            Session s = sessions.get(n);
            assertTrue(s.done.await(10, TimeUnit.SECONDS), "impostor session " + n + " did not end");
            return s;
        }

        private void serve(TestCertificate first, TestCertificate afterResend) {
            try (Socket raw = server.accept()) {
                raw.setSoTimeout(15_000);
                SSLSocket s1 = layer(raw, first);
                if (afterResend == null) {
                    sessions.get(0).record(s1.getInputStream(), Integer.MAX_VALUE);
                    return;
                }
                sessions.get(0).record(s1.getInputStream(), 1); // the CONNECT packet
                OutputStream out = s1.getOutputStream();
                out.write(RESEND_HANDOFF);
                out.flush();
                sessions.get(1).record(layer(raw, afterResend).getInputStream(), Integer.MAX_VALUE);
            } catch (IOException e) {
                // the client gave up (e.g. during a handshake): what was recorded stands
            } finally {
                sessions.forEach(s -> s.done.countDown());
            }
        }

        private static SSLSocket layer(Socket raw, TestCertificate cert) throws IOException {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("server", cert.privateKey(), new char[0], cert.chain().toArray(new X509Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, new char[0]);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                // autoClose=false: a second handshake runs on the same TCP socket after RESEND
                SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, null, raw.getPort(), false);
                s.setUseClientMode(false);
                try {
                    s.startHandshake();
                } catch (IOException e) {
                    // verification failed on the client inside the handshake: nothing more can arrive
                }
                return s;
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(10_000);
        }
    }

    /** Decrypted bytes one TLS session delivered. */
    static final class Session {
        final CountDownLatch done = new CountDownLatch(1);
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        /** Reads until EOF, an error, or {@code packets} TNS packets were read. */
        void record(InputStream in, int packets) {
            try {
                for (int n = 0; n < packets; n++) {
                    byte[] header = in.readNBytes(8);
                    bytes.write(header);
                    if (header.length < 8) {
                        return;
                    }
                    int len = ((header[0] & 0xff) << 8) | (header[1] & 0xff);
                    bytes.write(in.readNBytes(Math.max(0, len - 8)));
                }
            } catch (IOException e) {
                // closed, reset or timed out: the recording ends here
            }
        }

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
