package dev.orathin.net;

import dev.orathin.net.internal.session.NetConnector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.net.ConnectAttempt.Phase;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestPki;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;

/** HTTPS proxy tunnels through a real proxy (LittleProxy), and TLS against an independent peer (openssl s_server). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyAndOpenSslTest {

    static final String SVC = "orathin_high";

    @Test
    void tcpsThroughHttpConnectProxyWithHandoff() {
        HttpProxyServer proxy = DefaultHttpProxyServer.bootstrap().withAddress(new InetSocketAddress("127.0.0.1", 0)).start();
        try (OracleTestServer server = OracleTestServer.builder().tcps().service(SVC).database(NetConnectorTest.ECHO).build().start()) {
            Route r = NetConnectorTest.route(server, SVC).withProxy(new Route.Proxy("127.0.0.1", proxy.getListenAddress().getPort(), null, null));
            try (NetSession s = NetConnector.connect(r, NetConnectorTest.WALLET)) {
                s.send(new byte[] {7}, 0);
                assertArrayEquals(new byte[] {7}, s.receive(Duration.ofSeconds(5)).payload());
                assertTrue(s.trace().phases().containsKey(Phase.PROXY));
                assertTrue(s.trace().phases().containsKey(Phase.TLS2), "the hand-off runs inside the tunnel");
            }
        } finally {
            proxy.abort();
        }
    }

    @Test
    void proxyRefusalQuotesTheStatusAndBlamesTheProxy() {
        HttpProxyServer proxy = DefaultHttpProxyServer.bootstrap().withAddress(new InetSocketAddress("127.0.0.1", 0))
                .withProxyAuthenticator(new org.littleshoot.proxy.ProxyAuthenticator() {
                    @Override
                    public boolean authenticate(String user, String password) {
                        return "scott".equals(user) && "tiger".equals(password);
                    }

                    @Override
                    public String getRealm() {
                        return "orathin";
                    }
                }).start();
        try (OracleTestServer server = OracleTestServer.builder().tcps().service(SVC).database(NetConnectorTest.ECHO).build().start()) {
            int port = proxy.getListenAddress().getPort();
            Route noAuth = NetConnectorTest.route(server, SVC).withProxy(new Route.Proxy("127.0.0.1", port, null, null));
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(noAuth, NetConnectorTest.WALLET));
            assertEquals(NetErrorCode.PROXY_REFUSED, e.errorCode());
            assertTrue(e.getMessage().contains("407") && e.getMessage().contains("proxy, not the database"), e.getMessage());
            Route auth = NetConnectorTest.route(server, SVC).withProxy(new Route.Proxy("127.0.0.1", port, "scott", "tiger".toCharArray()));
            try (NetSession s = NetConnector.connect(auth, NetConnectorTest.WALLET)) {
                assertTrue(s.isOpen());
            }
            assertTrue(!new Route.Proxy("127.0.0.1", port, "scott", "tiger".toCharArray()).toString().contains("tiger"));
        } finally {
            proxy.abort();
        }
    }

    @Test
    void proxyThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread t = new Thread(() -> {
                try (Socket c = silent.accept()) {
                    c.getInputStream().read(new byte[4096]);
                    Thread.sleep(10_000);
                } catch (IOException | InterruptedException ignored) {
                    // test peer
                }
            });
            t.setDaemon(true);
            t.start();
            Route r = Route.of("tcps", "db.example.com", 1522, "(DESCRIPTION=)")
                    .withProxy(new Route.Proxy("127.0.0.1", silent.getLocalPort(), null, null))
                    .withTimeouts(new Route.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(800), null, null));
            long t0 = System.nanoTime();
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(r, NetConnectorTest.WALLET));
            assertTrue(e.errorCode() == NetErrorCode.PROXY_TIMEOUT || e.errorCode() == NetErrorCode.CONNECT_TIMEOUT, e.getMessage());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 5000);
        }
    }

    @Test
    void tlsAgainstOpensslServer(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("openssl"), "openssl not on PATH: independent TLS peer test skipped");
        TestPki pki = TestPki.shared();
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Path ca = dir.resolve("ca.pem");
        write(cert, pki.listener().certificate());
        write(key, pki.listener().privateKey());
        write(ca, pki.ca().certificate());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process openssl = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert", cert.toString(), "-key",
                key.toString(), "-CAfile", ca.toString(), "-Verify", "1", "-quiet").redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        try {
            waitForPort(port);
            // openssl completes mutual TLS (verifying our client certificate) but speaks no Oracle Net:
            // the attempt must get past TLS and the DN check and then end at CONNECT_TIMEOUT in NS.
            Route r = Route.of("tcps", "localhost", port, "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=x)))")
                    .withTimeouts(new Route.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(1500), null, null));
            NetException e = assertThrows(NetException.class, () -> NetConnector.connect(r, NetConnectorTest.WALLET));
            assertEquals(NetErrorCode.CONNECT_TIMEOUT, e.errorCode(), e.getMessage());
            assertTrue(e.getMessage().contains("[NS]"), "TLS with openssl succeeded; stopped in the Oracle Net phase: " + e.getMessage());
            Route wrongHost = Route.of("tcps", "127.0.0.2", port, "(DESCRIPTION=)").withAddress("127.0.0.1")
                    .withTimeouts(new Route.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(1500), null, null));
            assertEquals(NetErrorCode.TLS_HOST_MISMATCH, assertThrows(NetException.class,
                    () -> NetConnector.connect(wrongHost, NetConnectorTest.WALLET)).errorCode());
        } finally {
            openssl.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void write(Path p, Object o) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(o);
        }
        Files.writeString(p, w.toString());
    }

    private static void waitForPort(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
    }

    private static boolean onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, name))) {
                return true;
            }
        }
        return false;
    }
}
