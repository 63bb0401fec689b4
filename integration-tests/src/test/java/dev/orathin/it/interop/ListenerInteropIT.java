package dev.orathin.it.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.it.ExternalClient;
import dev.orathin.it.NodeInstaller;
import dev.orathin.testkit.Fault;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.RecordedConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Proves the testkit listener is faithful: Oracle's own clients (ojdbc11, node-oracledb thin,
 * python-oracledb thin) get through the Oracle Net connect phase against it — plain TCP, TCPS with
 * mTLS, the ADB hand-off, REDIRECT — and send their first TTC message; and report against it the
 * errors they report against a real listener (REFUSE 12514, wrong DN, untrusted server, rejected
 * client certificate). Writes {@code target/interop-matrix-listener.md}.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ListenerInteropIT {

    static final String SERVICE = "orathin_high";
    static final char[] WALLET_PASSWORD = "Welcome1#Wallet".toCharArray();
    static final Duration CLIENT_LIMIT = Duration.ofSeconds(90);

    enum Client { OJDBC, NODE, PYTHON }

    static Path work;
    static Optional<ExternalClient> node = Optional.empty();
    static Optional<ExternalClient> python = Optional.empty();
    static String nodeMissing = "";
    static final Map<String, Map<Client, String>> matrix = new LinkedHashMap<>();

    @BeforeAll
    static void clients() throws Exception {
        work = Path.of(System.getProperty("orathin.it.work", "target/interop"));
        Files.createDirectories(work);
        if (NodeInstaller.onPath("node") && NodeInstaller.onPath("npm")) {
            Path modules = NodeInstaller.ensure(Path.of(System.getProperty("orathin.node.prefix", "target/node")),
                    System.getProperty("node.oracledb.version", "26.0.0"));
            node = ExternalClient.node(modules, work);
        } else {
            nodeMissing = "node/npm not on PATH";
        }
        python = ExternalClient.python(System.getProperty("orathin.python", "/usr/bin/python3"), work);
    }

    @AfterAll
    static void writeMatrix() throws IOException {
        StringBuilder md = new StringBuilder("# Testkit listener interop matrix\n\n")
                .append("Scenario × client against the orathin testkit listener (connect phase only).\n")
                .append("`reached TTC` = the client completed the Oracle Net connect phase and sent its first TTC message.\n\n")
                .append("| scenario | ojdbc11 | node-oracledb thin | python-oracledb thin |\n|---|---|---|---|\n");
        matrix.forEach((scenario, row) -> md.append("| ").append(scenario).append(" | ").append(row.getOrDefault(Client.OJDBC, "-"))
                .append(" | ").append(row.getOrDefault(Client.NODE, "-")).append(" | ").append(row.getOrDefault(Client.PYTHON, "-"))
                .append(" |\n"));
        Files.writeString(work.getParent().resolve("interop-matrix-listener.md"), md);
    }

    /** One scenario: how to build the server(s) and what each client must see. */
    record Scenario(String name, Consumer<OracleTestServer.Builder> server, Fault fault, boolean alias,
            int tlsHandshakes, Map<Client, String> expectedErrors, boolean redirect) {
        boolean succeeds() {
            return expectedErrors.isEmpty();
        }
    }

    static List<Scenario> scenarios() {
        List<Scenario> s = new ArrayList<>();
        s.add(new Scenario("plain TCP", b -> { }, null, false, 0, Map.of(), false));
        s.add(new Scenario("TCPS mutual TLS (no hand-off)", b -> b.tcps().adbHandoff(false), null, true, 1, Map.of(), false));
        s.add(new Scenario("TCPS ADB hand-off (RESEND + second TLS)", b -> b.tcps(), null, true, 2, Map.of(), false));
        s.add(new Scenario("REDIRECT to another listener", b -> b.tcps().adbHandoff(false), null, false, 1, Map.of(), true));
        s.add(new Scenario("REFUSE 12514 (unknown service)", b -> b.tcps(), null, false, 1,
                Map.of(Client.OJDBC, "ORA-12514", Client.NODE, "NJS-518", Client.PYTHON, "DPY-6001"), false));
        // Codes as each client reports them (ojdbc checks the DN after the handshake: ORA-17965; node
        // aborts inside the handshake: NJS-506; a rejected client certificate surfaces after a TLS 1.3
        // handshake as a closed connection in node, NJS-500; python sees it during or just after its
        // handshake depending on timing: DPY-6005 or DPY-4011). "A|B" accepts either.
        s.add(new Scenario("server certificate with wrong DN", b -> b.tcps(), new Fault.WrongDnCertificate(), false, -1,
                Map.of(Client.OJDBC, "ORA-17965", Client.NODE, "NJS-506", Client.PYTHON, "DPY-6005"), false));
        s.add(new Scenario("server certificate from an untrusted CA", b -> b.tcps(), new Fault.OtherCaCertificate(), false, -1,
                Map.of(Client.OJDBC, "ORA-17002", Client.NODE, "NJS-506", Client.PYTHON, "DPY-6005"), false));
        s.add(new Scenario("client certificate rejected", b -> b.tcps(), new Fault.RejectClientCertificate(), false, -1,
                Map.of(Client.OJDBC, "ORA-17967", Client.NODE, "NJS-500|NJS-506", Client.PYTHON, "DPY-6005|DPY-4011"), false));
        return s;
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Scenario sc : scenarios()) {
            for (Client c : Client.values()) {
                tests.add(DynamicTest.dynamicTest(sc.name() + " / " + c, () -> run(sc, c)));
            }
        }
        return tests.stream();
    }

    private void run(Scenario sc, Client client) throws Exception {
        if (client == Client.NODE) {
            Assumptions.assumeTrue(node.isPresent(), "node-oracledb not available: " + nodeMissing);
        }
        if (client == Client.PYTHON) {
            Assumptions.assumeTrue(python.isPresent(), "python-oracledb not importable by " + System.getProperty("orathin.python"));
        }
        OracleTestServer.Builder tb = OracleTestServer.builder().service(SERVICE);
        sc.server().accept(tb);
        try (OracleTestServer target = tb.build().start();
                OracleTestServer front = sc.redirect() ? redirector(sc, target) : null) {
            OracleTestServer entry = front != null ? front : target;
            if (sc.fault() != null) {
                entry.enqueueFault(sc.fault());
            }
            Path dir = entry.writeClientConfig(work.resolve(sc.name().replaceAll("[^A-Za-z0-9]+", "_") + "_" + client), WALLET_PASSWORD);
            String service = sc.expectedErrors().containsKey(Client.OJDBC) && sc.name().startsWith("REFUSE") ? "no_such_service" : SERVICE;
            String dsn = sc.alias() ? SERVICE : descriptor(entry, service);
            String outcome = connect(client, dir, dsn, entry.isTcps());
            if (sc.succeeds()) {
                RecordedConnection conn = target.takeConnection(Duration.ofSeconds(30));
                Optional<byte[]> first = conn.awaitFirstTtcMessage(30, TimeUnit.SECONDS);
                record(sc, client, first.isPresent() ? "reached TTC" : "FAILED: " + conn.outcome() + " / " + outcome);
                assertTrue(first.isPresent(), client + " did not reach TTC: server saw " + conn.outcome() + "; client said " + outcome);
                assertEquals(1, first.get()[0], "first TTC message should be PROTOCOL (type 1)");
                if (sc.tlsHandshakes() >= 0) {
                    assertEquals(sc.tlsHandshakes(), conn.tlsHandshakes(), "TLS handshakes on the connection");
                }
            } else {
                String expected = sc.expectedErrors().get(client);
                record(sc, client, outcome);
                assertFalse(outcome.startsWith("connected"), client + " should have failed with " + expected);
                assertTrue(java.util.Arrays.stream(expected.split("\\|")).anyMatch(outcome::startsWith),
                        client + " expected " + expected + " but reported " + outcome);
            }
        }
    }

    private static OracleTestServer redirector(Scenario sc, OracleTestServer target) {
        OracleTestServer.Builder fb = OracleTestServer.builder().redirect(SERVICE, "localhost", target.port());
        sc.server().accept(fb);
        return fb.build().start();
    }

    private static void record(Scenario sc, Client c, String result) {
        synchronized (matrix) {
            matrix.computeIfAbsent(sc.name(), k -> new LinkedHashMap<>()).put(c, result.replace('|', '/'));
        }
    }

    static String descriptor(OracleTestServer s, String service) {
        return "(DESCRIPTION=(ADDRESS=(PROTOCOL=" + (s.isTcps() ? "tcps" : "tcp") + ")(HOST=localhost)(PORT=" + s.port()
                + "))(CONNECT_DATA=(SERVICE_NAME=" + service + "))" + (s.isTcps() ? "(SECURITY=(SSL_SERVER_DN_MATCH=yes))" : "") + ")";
    }

    /** Runs one client; returns "connected", or the error code followed by the message. */
    static String connect(Client client, Path dir, String dsn, boolean tcps) {
        switch (client) {
            case OJDBC: {
                Properties p = new Properties();
                p.put("user", "scott");
                p.put("password", "tiger");
                p.put("oracle.net.tns_admin", dir.toString());
                p.put("oracle.net.CONNECT_TIMEOUT", "20000");
                p.put("oracle.jdbc.ReadTimeout", "20000");
                if (tcps) {
                    p.put("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + dir + ")))");
                }
                try (Connection c = DriverManager.getConnection("jdbc:oracle:thin:@" + dsn, p)) {
                    return "connected";
                } catch (SQLException e) {
                    return String.format("ORA-%05d %s", e.getErrorCode(), e.getMessage().lines().findFirst().orElse(""));
                }
            }
            case NODE: {
                String json = "{\"user\":\"scott\",\"password\":\"tiger\",\"connectString\":" + ExternalClient.quote(dsn)
                        + ",\"configDir\":" + ExternalClient.quote(dir.toString())
                        + (tcps ? ",\"walletLocation\":" + ExternalClient.quote(dir.toString()) + ",\"walletPassword\":"
                                + ExternalClient.quote(new String(WALLET_PASSWORD)) : "")
                        + ",\"connectTimeout\":20,\"transportConnectTimeout\":20}";
                ExternalClient.Result r = node.orElseThrow().run(json, CLIENT_LIMIT);
                return r.ok() ? "connected" : r.code().orElse("?") + " " + r.field("message").orElse(r.json());
            }
            default: {
                String json = "{\"user\":\"scott\",\"password\":\"tiger\",\"dsn\":" + ExternalClient.quote(dsn)
                        + ",\"config_dir\":" + ExternalClient.quote(dir.toString())
                        + (tcps ? ",\"wallet_location\":" + ExternalClient.quote(dir.toString()) + ",\"wallet_password\":"
                                + ExternalClient.quote(new String(WALLET_PASSWORD)) : "")
                        + ",\"tcp_connect_timeout\":20}";
                ExternalClient.Result r = python.orElseThrow().run(json, CLIENT_LIMIT);
                return r.ok() ? "connected" : r.code().orElse("?") + " " + r.field("message").orElse(r.json());
            }
        }
    }
}
