package dev.orathin.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.ConnectParams;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import dev.orathin.testkit.Fault;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.ProxyAuthenticator;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;

/** The doctor against the testkit: the OK path and the FAIL paths users meet. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DoctorTest {

    static final String SVC = "mydb_high";
    static final String WALLET_PW = "Welcome1#Wallet";
    static final String PW = "Adb#Pass2026";

    static OracleTestServer server;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = OracleTestServer.builder().tcps().service(SVC).refuse("mydb_refused", 12514)
                .database(TestDatabase.withUsers(Map.of("admin", PW.toCharArray()))).build().start();
        server.writeClientConfig(dir, WALLET_PW.toCharArray());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Cli cli() {
        return new Cli().env("WPW", WALLET_PW).env("PW", PW);
    }

    static Cli.Run doctor(String... extra) {
        return doctorWithTimeout(20, extra);
    }

    static Cli.Run doctorWithTimeout(int connectTimeoutSeconds, String... extra) {
        String[] base = {"doctor", "-c", dir.toString(), "--wallet-password-env", "WPW", "--connect-timeout",
            String.valueOf(connectTimeoutSeconds)};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        Cli.Run r = cli().run(args);
        assertFailsCarryCodes(r);
        return r;
    }

    private static final Pattern FAIL_LINE = Pattern.compile("(?m)^  \\[FAIL\\] \\S+ +\\d+ ms  (.*)$");
    private static final Pattern JSON_FAIL = Pattern.compile("\"status\": \"FAIL\",\\s*(\"code\": \"OTN-\\d{4}\")?");

    /** Every FAIL, in text and in JSON, carries its OTN code (checked on every doctor run of this class). */
    static void assertFailsCarryCodes(Cli.Run r) {
        Matcher text = FAIL_LINE.matcher(r.out());
        while (text.find()) {
            assertTrue(text.group(1).matches("OTN-\\d{4}: .*"), "FAIL without its code: " + text.group() + "\n" + r);
        }
        Matcher json = JSON_FAIL.matcher(r.out());
        while (json.find()) {
            assertTrue(json.group(1) != null, "JSON FAIL without its code:\n" + r);
        }
    }

    /** The code on the FAIL line of {@code step}, or "absent". */
    static String failCode(Cli.Run r, String step) {
        Matcher m = Pattern.compile("\\[FAIL\\] " + step + " +\\d+ ms  (OTN-\\d{4}):").matcher(r.out());
        return m.find() ? m.group(1) : "absent";
    }

    /** The status of the first line for {@code step} in the text output. */
    static String status(Cli.Run r, String step) {
        Matcher m = Pattern.compile("\\[(OK|WARN|FAIL|SKIP) *\\] " + step + "\\b").matcher(r.out());
        return m.find() ? m.group(1) : "absent";
    }

    @Test
    void everyStepOkWithLogin() {
        Cli.Run r = doctor("-d", SVC, "-u", "admin", "--password-env", "PW");
        assertEquals(0, r.code(), r.toString());
        for (String step : new String[] {"CONFIG", "RESOLVE", "WALLET", "PLAN", "DNS", "TCP", "TLS", "DN", "NET", "TLS2", "LOGIN"}) {
            assertEquals("OK", status(r, step), step + "\n" + r);
        }
        assertEquals("SKIP", status(r, "PROXY"), r.toString());
        assertTrue(r.out().contains("alias " + SVC + " found in"), r.toString());
        assertTrue(r.out().contains("trust anchor CN=") && r.out().contains("(wallet)"), r.toString());
        assertTrue(r.out().contains("TLSv1."), r.toString());
        assertTrue(r.out().contains("RESEND (listener hand-off), then ACCEPT"), r.toString());
        assertTrue(r.out().contains("expected host localhost matches"), r.toString());
        assertTrue(r.out().contains("logged in as admin"), r.toString());
        assertFalse(r.out().contains(PW) || r.out().contains(WALLET_PW), "no secret in the output");
    }

    @Test
    void wrongLoginPasswordFailsTheLoginStepOnly() {
        Cli.Run r = cli().env("PW", "wrong").run("doctor", "-c", dir.toString(), "--wallet-password-env", "WPW", "-d", SVC, "-u",
                "admin", "--password-env", "PW");
        assertEquals(1, r.code(), r.toString());
        assertEquals("OK", status(r, "NET"), r.toString());
        assertEquals("FAIL", status(r, "LOGIN"), r.toString());
        assertTrue(r.out().contains("ORA-01017") && r.out().contains("wrong user name or password"), r.toString());
    }

    @Test
    void wrongServerDnFailsAtTheDnStepWithExpectedAndActual() {
        server.enqueueFault(new Fault.WrongDnCertificate());
        Cli.Run r = doctor("-d", SVC);
        assertEquals(1, r.code(), r.toString());
        assertEquals("OK", status(r, "TLS"), r.toString());
        assertEquals("FAIL", status(r, "DN"), r.toString());
        assertTrue(r.out().contains("expected host localhost but certificate subject"), r.toString());
        assertTrue(r.out().contains("SANs [") && r.out().contains("ssl_server_cert_dn="), r.toString());
        assertEquals("absent", status(r, "NET"), "stops at the first blocking failure:\n" + r);
    }

    @Test
    void refusedServiceIsDecoded() {
        String descriptor = server.descriptor("mydb_refused");
        Cli.Run json = doctor("-d", descriptor, "--json");
        assertEquals(1, json.code(), json.toString());
        assertTrue(json.out().contains("\"step\": \"NET\",\n") && json.out().contains("\"status\": \"FAIL\""), json.toString());
        assertTrue(json.out().contains("REFUSE: ") && json.out().contains("12514"), json.toString());
        assertTrue(json.out().contains("\"fix\": \"check SERVICE_NAME"), json.toString());
        assertTrue(json.out().startsWith("{") && json.out().strip().endsWith("}"), "one JSON document");
    }

    @Test
    void redirectIsFollowedAndReported() {
        try (OracleTestServer target = OracleTestServer.builder().tcps().service(SVC)
                .database(TestDatabase.withUsers(Map.of("admin", PW.toCharArray()))).build().start();
                OracleTestServer front = OracleTestServer.builder().tcps().redirect(SVC, "localhost", target.port()).build().start()) {
            Cli.Run r = doctor("-d", front.descriptor(SVC), "-u", "admin", "--password-env", "PW");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("REDIRECT followed to tcps://localhost:" + target.port()), r.toString());
        }
    }

    @Test
    void deadAddressFailsAtTcpWithTheCause() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            dead = s.getLocalPort();
        }
        Cli.Run r = doctor("-d", "tcps://127.0.0.1:" + dead + "/" + SVC + "?ssl_server_dn_match=no");
        assertEquals(1, r.code(), r.toString());
        assertEquals("OK", status(r, "DNS"), r.toString());
        assertEquals("FAIL", status(r, "TCP"), r.toString());
        assertTrue(r.out().contains("nothing listens on this port"), r.toString());
        assertEquals("absent", status(r, "TLS"), r.toString());
    }

    @Test
    void silentProxyFailsAtProxyWithItsCode() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread acceptor = new Thread(() -> {
                try (java.net.Socket s = silent.accept()) {
                    s.getInputStream().readAllBytes(); // accept, read, never answer
                } catch (java.io.IOException ignored) {
                    // the test closed the socket
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String port = "https_proxy_port=" + silent.getLocalPort();
            Cli.Run r = doctorWithTimeout(2, "-d", SVC, "-p", "https_proxy=127.0.0.1", "-p", port, "-p", "connect_timeout=2");
            assertEquals(1, r.code(), r.toString());
            assertEquals("OTN-3011", failCode(r, "PROXY"), r.toString());
            Cli.Run json = doctorWithTimeout(2, "-d", SVC, "-p", "https_proxy=127.0.0.1", "-p", port, "-p", "connect_timeout=2", "--json");
            assertTrue(json.out().contains("\"code\": \"OTN-3011\""), json.toString());
        }
    }

    @Test
    void slowTlsFailsAtTlsWithItsCode() {
        server.enqueueFault(new Fault.NeverAnswer());
        Cli.Run r = doctorWithTimeout(2, "-d", SVC, "-p", "connect_timeout=2");
        assertEquals(1, r.code(), r.toString());
        assertEquals("OTN-3004", failCode(r, "TLS"), r.toString());
    }

    @Test
    void blackholedAddressFailsAtTcpWithACode() {
        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never routed, so the connect times out, is unreachable, or (in some
        // sandboxes) is refused at once; each of these is a TCP failure and must carry its code
        Cli.Run r = doctorWithTimeout(2, "-d", "tcps://192.0.2.1:1522/" + SVC + "?transport_connect_timeout=1");
        assertEquals(1, r.code(), r.toString());
        assertTrue(failCode(r, "TCP").matches("OTN-30(02|03|31)"), r.toString());
        Cli.Run json = doctorWithTimeout(2, "-d", "tcps://192.0.2.1:1522/" + SVC + "?transport_connect_timeout=1", "--json");
        assertTrue(json.out().matches("(?s).*\"code\": \"OTN-30(02|03|31)\".*"), json.toString());
    }

    @Test
    void badProxyFailsAtProxyWithTheStatusLine() {
        HttpProxyServer proxy = DefaultHttpProxyServer.bootstrap().withAddress(new InetSocketAddress("127.0.0.1", 0))
                .withProxyAuthenticator(new ProxyAuthenticator() {
                    @Override
                    public boolean authenticate(String user, String password) {
                        return false;
                    }

                    @Override
                    public String getRealm() {
                        return "corp";
                    }
                }).start();
        try {
            Cli.Run r = doctor("-d", SVC, "-p", "https_proxy=127.0.0.1", "-p", "https_proxy_port=" + proxy.getListenAddress().getPort());
            assertEquals(1, r.code(), r.toString());
            assertEquals("OK", status(r, "TCP"), r.toString());
            assertEquals("FAIL", status(r, "PROXY"), r.toString());
            assertTrue(r.out().contains("407") && r.out().contains("the proxy requires authentication"), r.toString());
        } finally {
            proxy.abort();
        }
    }

    @Test
    void workingProxyIsReportedWithItsStatusLine() {
        HttpProxyServer proxy = DefaultHttpProxyServer.bootstrap().withAddress(new InetSocketAddress("127.0.0.1", 0)).start();
        try {
            Cli.Run r = doctor("-d", SVC, "-p", "https_proxy=127.0.0.1", "-p", "https_proxy_port=" + proxy.getListenAddress().getPort());
            assertEquals(0, r.code(), r.toString());
            assertEquals("OK", status(r, "PROXY"), r.toString());
            assertTrue(r.out().contains("HTTP/1.1 200"), r.toString());
            assertEquals("OK", status(r, "TLS2"), r.toString());
        } finally {
            proxy.abort();
        }
    }

    @Test
    void untrustedServerFailsAtTls() {
        server.enqueueFault(new Fault.OtherCaCertificate());
        Cli.Run r = doctor("-d", SVC);
        assertEquals(1, r.code(), r.toString());
        assertEquals("FAIL", status(r, "TLS"), r.toString());
        // the driver's trust check rejects the chain before the handshake completes, so no server chain is known to
        // report; the doctor shows the driver's error and what the wallet trusts instead
        assertEquals("OTN-3021", failCode(r, "TLS"), r.toString());
        assertTrue(r.out().contains("not issued by a CA this wallet trusts") && r.out().contains("wallet trusts [CN="), r.toString());
        assertEquals("absent", status(r, "DN"), "stops at the first blocking failure:\n" + r);
    }

    @Test
    void expiredServerCertificateAndRejectedClientCertificate() {
        server.enqueueFault(new Fault.ExpiredCertificate());
        Cli.Run expired = doctor("-d", SVC);
        assertEquals(1, expired.code(), expired.toString());
        assertEquals("FAIL", status(expired, "TLS"), expired.toString());
        assertTrue(expired.out().contains("expired or not yet valid"), expired.toString());
        server.enqueueFault(new Fault.RejectClientCertificate());
        Cli.Run rejected = doctor("-d", SVC);
        assertEquals(1, rejected.code(), rejected.toString());
        assertEquals("FAIL", status(rejected, "TLS"), rejected.toString());
        assertTrue(rejected.out().contains("the server rejected the client certificate"), rejected.toString());
        assertEquals("OTN-3024", failCode(rejected, "TLS"), "the driver's code for a rejected client certificate:\n" + rejected);
    }

    /** The DN step is the driver's own identity check: an IP-literal host is matched against the IP SANs in both. */
    @Test
    void ipLiteralHostGetsTheDriversVerdict() throws Exception {
        String dsn = "tcps://127.0.0.1:" + server.port() + "/" + SVC;
        Cli.Run r = doctor("-d", dsn);
        assertEquals(0, r.code(), r.toString());
        assertEquals("OK", status(r, "DN"), r.toString());
        assertTrue(r.out().contains("expected host 127.0.0.1 matches certificate subject"), r.toString());
        try (OracleConnection c = Orathin.connect(driverParams(dsn))) {
            c.ping(); // the certificate (SAN IP:127.0.0.1) passes the driver's check too
        }

        server.enqueueFault(new Fault.WrongDnCertificate()); // SAN DNS:wrong.example.com only
        Cli.Run wrong = doctor("-d", dsn);
        assertEquals(1, wrong.code(), wrong.toString());
        assertEquals("FAIL", status(wrong, "DN"), wrong.toString());
        server.enqueueFault(new Fault.WrongDnCertificate());
        OrathinException e = assertThrows(OrathinException.class, () -> Orathin.connect(driverParams(dsn)).close());
        assertEquals("OTN-3023", e.code(), e.toString());
        assertEquals(e.code(), failCode(wrong, "DN"), "the doctor reports the driver's code:\n" + wrong);
    }

    private static ConnectParams driverParams(String dsn) {
        return ConnectParams.builder().configDir(dir).dsn(dsn).user("admin").password(PW.toCharArray()).walletLocation(dir.toString())
                .walletPassword(WALLET_PW.toCharArray()).build();
    }

    @Test
    void resolutionShowsTheIfileChain(@TempDir Path conf) throws Exception {
        Files.writeString(conf.resolve("extra.ora"), "ifiled_high = " + server.descriptor(SVC) + "\n");
        Files.writeString(conf.resolve("tnsnames.ora"), "IFILE = " + conf.resolve("extra.ora") + "\n");
        Cli.Run r = cli().run("doctor", "-c", conf.toString(), "-d", "ifiled_high", "-w", dir.toString(), "--wallet-password-env", "WPW");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("alias ifiled_high found in " + conf.resolve("tnsnames.ora") + " -> " + conf.resolve("extra.ora")),
                r.toString());
    }

    @Test
    void missingConfigDirAndUnknownAlias(@TempDir Path empty) throws Exception {
        Cli.Run missing = cli().run("doctor", "-c", empty.resolve("nope").toString(), "-d", SVC);
        assertEquals(1, missing.code(), missing.toString());
        assertEquals("FAIL", status(missing, "CONFIG"), missing.toString());
        Files.writeString(empty.resolve("tnsnames.ora"), "other_high = (DESCRIPTION=(ADDRESS=(PROTOCOL=tcps)(HOST=localhost)(PORT=1522))"
                + "(CONNECT_DATA=(SERVICE_NAME=x)))\n");
        Cli.Run unknown = cli().run("doctor", "-c", empty.toString(), "-d", "mydb_high");
        assertEquals(1, unknown.code(), unknown.toString());
        assertEquals("FAIL", status(unknown, "RESOLVE"), unknown.toString());
        assertTrue(unknown.out().contains("OTN-1"), unknown.toString());
    }
}
