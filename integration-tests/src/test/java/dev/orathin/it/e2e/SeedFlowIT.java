package dev.orathin.it.e2e;

import static dev.orathin.it.e2e.Fixtures.SERVICE;
import static dev.orathin.it.e2e.Fixtures.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.ConnectParams;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.RecordedConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed flow of Oracle's "connect Python apps to ADB with mTLS" guide (seeds/000, thin part and
 * thick-style layout), end to end against the testkit: configuration files as the user lays them
 * out, {@code Orathin.connect(...)}, a round trip, and proof on the server and proxy side.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SeedFlowIT {

    static OracleTestServer server;
    static Fixtures.Proxy proxy;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        server = Fixtures.server().build().start();
        proxy = new Fixtures.Proxy();
    }

    @AfterAll
    static void stop() {
        proxy.close();
        server.close();
    }

    /** Thin part, step 1: a directory holding only tnsnames.ora and ewallet.pem; both arguments point at it. */
    @Test
    void tnsnamesAndEwalletPemOnly() throws Exception {
        Path dir = Fixtures.layout(server, tmp.resolve("full1"), tmp.resolve("pem-only"), "tnsnames.ora", "ewallet.pem");
        assertEquals(List.of("ewallet.pem", "tnsnames.ora"), list(dir));
        int before = server.connections().size();
        try (OracleConnection c = Orathin.connect(dir, SERVICE, USER, Fixtures.password(), dir.toString(), Fixtures.walletPassword())) {
            Fixtures.use(c);
            assertTrue(c.isHealthy());
            assertEquals("tcps://localhost:" + server.port() + " [127.0.0.1]", c.connectTrace().route().replace("127.0.0.1:", "localhost:"),
                    c.connectTrace().toString());
        }
        RecordedConnection rec = server.connections().get(before);
        assertTrue(rec.awaitEnd(10, TimeUnit.SECONDS));
        assertEquals(2, rec.tlsHandshakes(), "ADB hand-off: listener TLS then database TLS on the same socket");
    }

    /** The wallet password is required for ewallet.pem: a missing or wrong one is a clear wallet error, not a TLS failure. */
    @Test
    void pemWithoutOrWithWrongPasswordIsAWalletError() {
        Path dir = Fixtures.layout(server, tmp.resolve("full2"), tmp.resolve("pem-only-2"), "tnsnames.ora", "ewallet.pem");
        OrathinException none = assertThrows(OrathinException.class,
                () -> Orathin.connect(dir, SERVICE, USER, Fixtures.password(), dir.toString(), null).close());
        assertTrue(none.code().startsWith("OTN-2"), none.getMessage());
        OrathinException wrong = assertThrows(OrathinException.class,
                () -> Orathin.connect(dir, SERVICE, USER, Fixtures.password(), dir.toString(), "nope".toCharArray()).close());
        assertTrue(wrong.code().startsWith("OTN-2"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("nope"), "the wrong password must not be echoed");
    }

    /** Thin part, proxy: https_proxy / https_proxy_port in the descriptor's ADDRESS. */
    @Test
    void httpsProxyInTheDescriptor() throws Exception {
        Path dir = Fixtures.layout(server, tmp.resolve("full3"), tmp.resolve("proxy-descriptor"), "ewallet.pem");
        Fixtures.write(dir.resolve("tnsnames.ora"), SERVICE + " = " + server.descriptor(SERVICE).replace("(address=",
                "(address=(https_proxy=127.0.0.1)(https_proxy_port=" + proxy.port() + ")") + "\n");
        int before = proxy.requests.size();
        try (OracleConnection c = Orathin.connect(dir, SERVICE, USER, Fixtures.password(), dir.toString(), Fixtures.walletPassword())) {
            Fixtures.use(c);
            assertTrue(c.connectTrace().route().contains("via proxy 127.0.0.1:" + proxy.port()), c.connectTrace().route());
        }
        assertEquals(List.of("CONNECT " + server.host() + ":" + server.port()), proxy.requests.subList(before, proxy.requests.size()));
    }

    /** Thin part, proxy through the API (python's https_proxy= / https_proxy_port= arguments), builder and map forms. */
    @Test
    void httpsProxyThroughTheApi() throws Exception {
        Path dir = Fixtures.layout(server, tmp.resolve("full4"), tmp.resolve("proxy-api"), "tnsnames.ora", "ewallet.pem");
        int before = proxy.requests.size();
        ConnectParams built = ConnectParams.builder().configDir(dir).dsn(SERVICE).user(USER).password(Fixtures.password())
                .walletLocation(dir.toString()).walletPassword(Fixtures.walletPassword())
                .param("https_proxy", "127.0.0.1").param("https_proxy_port", String.valueOf(proxy.port())).build();
        ConnectParams mapped = ConnectParams.fromMap(Map.of("config_dir", dir.toString(), "dsn", SERVICE, "user", USER,
                "password", Fixtures.PASSWORD, "wallet_location", dir.toString(), "wallet_password", Fixtures.WALLET_PASSWORD,
                "https_proxy", "127.0.0.1", "https_proxy_port", String.valueOf(proxy.port())));
        ConnectParams ojdbcNames = ConnectParams.fromMap(Map.of("oracle.net.tns_admin", dir.toString(), "url", SERVICE, "user", USER,
                "password", Fixtures.PASSWORD, "oracle.net.wallet_location", dir.toString(), "oracle.net.wallet_password",
                Fixtures.WALLET_PASSWORD, "oracle.net.httpsProxyHost", "127.0.0.1", "oracle.net.httpsProxyPort", String.valueOf(proxy.port())));
        for (ConnectParams p : List.of(built, mapped, ojdbcNames)) {
            assertFalse(p.toString().contains(Fixtures.PASSWORD) || p.toString().contains(Fixtures.WALLET_PASSWORD), p.toString());
            try (OracleConnection c = Orathin.connect(p)) {
                Fixtures.use(c);
                assertTrue(c.connectTrace().route().contains("via proxy"), p + " -> " + c.connectTrace().route());
            }
        }
        assertEquals(3, proxy.requests.size() - before, proxy.requests.toString());
    }

    /** Easy Connect Plus carries the proxy as URL parameters. */
    @Test
    void httpsProxyInEasyConnect() {
        Path dir = Fixtures.layout(server, tmp.resolve("full5"), tmp.resolve("proxy-ezconnect"), "ewallet.pem");
        int before = proxy.requests.size();
        String dsn = "tcps://localhost:" + server.port() + "/" + SERVICE + "?https_proxy=127.0.0.1&https_proxy_port=" + proxy.port();
        try (OracleConnection c = Orathin.connect(null, dsn, USER, Fixtures.password(), dir.toString(), Fixtures.walletPassword())) {
            Fixtures.use(c);
            assertTrue(c.connectTrace().route().contains("via proxy"), c.connectTrace().route());
        }
        assertEquals(List.of("CONNECT localhost:" + server.port()), proxy.requests.subList(before, proxy.requests.size()));
    }

    /** Thick-style layout: tnsnames.ora + sqlnet.ora (WALLET_LOCATION edited to the directory) + cwallet.sso; no wallet argument, no password. */
    @Test
    void thickStyleLayoutWithWalletLocationInSqlnetOra() throws Exception {
        Path dir = thickLayout("thick", null);
        try (OracleConnection c = Orathin.connect(dir, SERVICE, USER, Fixtures.password(), null)) {
            Fixtures.use(c);
        }
    }

    /** Thick-style layout found through oracle.net.tns_admin (the system-property form of TNS_ADMIN). */
    @Test
    void thickStyleLayoutThroughTnsAdminProperty() throws Exception {
        Path dir = thickLayout("thick-prop", null);
        String old = System.getProperty("oracle.net.tns_admin");
        System.setProperty("oracle.net.tns_admin", dir.toString());
        try (OracleConnection c = Orathin.connect(null, SERVICE, USER, Fixtures.password(), null)) {
            Fixtures.use(c);
        } finally {
            if (old == null) {
                System.clearProperty("oracle.net.tns_admin");
            } else {
                System.setProperty("oracle.net.tns_admin", old);
            }
        }
    }

    /** Thick-style layout found through the TNS_ADMIN environment variable (a child JVM, since a JVM cannot set its own). */
    @Test
    void thickStyleLayoutThroughTnsAdminEnvironment() throws Exception {
        Path dir = thickLayout("thick-env", null);
        assertEquals("OK", childJvm(dir, SERVICE).split(" ")[0]);
    }

    /**
     * The ADB download's sqlnet.ora unchanged ({@code DIRECTORY="?/network/admin"}) with TNS_ADMIN:
     * {@code ?} stands for the configuration directory, as when it is passed explicitly.
     */
    @Test
    void unchangedAdbSqlnetOraThroughTnsAdmin() throws Exception {
        Path dir = thickLayout("thick-question", "WALLET_LOCATION = (SOURCE = (METHOD = file) (METHOD_DATA = (DIRECTORY=\"?/network/admin\")))\n"
                + "SSL_SERVER_DN_MATCH=yes\n");
        assertEquals("OK", childJvm(dir, SERVICE).split(" ")[0]);
        try (OracleConnection c = Orathin.connect(dir, SERVICE, USER, Fixtures.password(), null)) {
            Fixtures.use(c);
        }
    }

    /** Thick-style proxy: SQLNET.USE_HTTPS_PROXY=on in sqlnet.ora and HTTPS_PROXY / HTTPS_PROXY_PORT in the ADDRESS. */
    @Test
    void thickStyleProxyWithUseHttpsProxyOn() throws Exception {
        Path dir = thickLayout("thick-proxy", null);
        Files.writeString(dir.resolve("sqlnet.ora"), "SQLNET.USE_HTTPS_PROXY=on\n", java.nio.file.StandardOpenOption.APPEND);
        Fixtures.write(dir.resolve("tnsnames.ora"), SERVICE + " =\n  " + server.descriptor(SERVICE).replace("(address=",
                "(address=(https_proxy=127.0.0.1)(https_proxy_port=" + proxy.port() + ")") + "\n");
        int before = proxy.requests.size();
        String out = childJvm(dir, SERVICE);
        assertTrue(out.startsWith("OK ") && out.contains("via proxy 127.0.0.1:" + proxy.port()), out);
        assertEquals(1, proxy.requests.size() - before, proxy.requests.toString());
    }

    /** sqlnet.ora may also carry the proxy itself (HTTPS_PROXY / HTTPS_PROXY_PORT with SQLNET.USE_HTTPS_PROXY=on). */
    @Test
    void proxyFromSqlnetOra() throws Exception {
        Path dir = thickLayout("sqlnet-proxy", null);
        Files.writeString(dir.resolve("sqlnet.ora"), "SQLNET.USE_HTTPS_PROXY=on\nHTTPS_PROXY=127.0.0.1\nHTTPS_PROXY_PORT=" + proxy.port() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        int before = proxy.requests.size();
        try (OracleConnection c = Orathin.connect(dir, SERVICE, USER, Fixtures.password(), null)) {
            Fixtures.use(c);
            assertTrue(c.connectTrace().route().contains("via proxy"), c.connectTrace().route());
        }
        assertEquals(1, proxy.requests.size() - before);
    }

    /** A config dir holding tnsnames.ora only (wallet elsewhere, not given): the TLS failure is "server certificate not trusted", without a retry storm. */
    @Test
    void missingWalletIsAClearError() {
        Path dir = Fixtures.layout(server, tmp.resolve("full9"), tmp.resolve("no-wallet"), "tnsnames.ora");
        ConnectParams p = ConnectParams.builder().configDir(dir).dsn(SERVICE).user(USER).password(Fixtures.password())
                .param("retry_count", "0").build();
        OrathinException e = assertThrows(OrathinException.class, () -> Orathin.connect(p).close());
        // without a wallet the JDK trust store is used: the testkit CA is not in it
        assertEquals("OTN-3021", e.code(), e.getMessage());
    }

    private Path thickLayout(String name, String sqlnet) {
        Path dir = Fixtures.layout(server, tmp.resolve(name + "-full"), tmp.resolve(name), "tnsnames.ora", "cwallet.sso");
        Fixtures.write(dir.resolve("sqlnet.ora"), sqlnet != null ? sqlnet
                : "WALLET_LOCATION = (SOURCE = (METHOD = file) (METHOD_DATA = (DIRECTORY=\"" + dir.toAbsolutePath() + "\")))\n"
                        + "SSL_SERVER_DN_MATCH=yes\n");
        return dir;
    }

    private static List<String> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Runs {@link TnsAdminMain} with TNS_ADMIN set; returns its one line of output. */
    static String childJvm(Path tnsAdmin, String dsn) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
                TnsAdminMain.class.getName(), dsn, USER).redirectErrorStream(true);
        pb.environment().put("TNS_ADMIN", tnsAdmin.toAbsolutePath().toString());
        pb.environment().remove("ORACLE_HOME");
        pb.environment().put("ORATHIN_IT_PASSWORD", Fixtures.PASSWORD);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 60 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String last = out.lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("OK ") || last.startsWith("ERR "), out);
        return last;
    }
}
