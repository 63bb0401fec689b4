package dev.orathin.it.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.it.ExternalClient;
import dev.orathin.it.NodeInstaller;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.RecordedConnection;
import dev.orathin.testkit.internal.ttcserver.LoginDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The first part of the testkit's database half against real clients: TTC negotiation and
 * O5LOGON (12C verifier) over the ADB flow with the generated wallet. ojdbc11 and python-oracledb
 * log in and close; node-oracledb authenticates (its post-login SQL needs the SQL engine, not there
 * yet); all three get ORA-01017 for a wrong password.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LoginInteropIT {

    static final char[] WALLET_PW = "Welcome1#Wallet".toCharArray();
    static Path work;
    static Optional<ExternalClient> node = Optional.empty();
    static Optional<ExternalClient> python = Optional.empty();

    @BeforeAll
    static void clients() throws Exception {
        work = Path.of("target/interop-db");
        Files.createDirectories(work);
        if (NodeInstaller.onPath("node") && NodeInstaller.onPath("npm")) {
            node = ExternalClient.node(NodeInstaller.ensure(Path.of(System.getProperty("orathin.node.prefix", "target/node")),
                    System.getProperty("node.oracledb.version", "26.0.0")), work);
        }
        python = ExternalClient.python(System.getProperty("orathin.python", "/usr/bin/python3"), work);
    }

    static OracleTestServer server() {
        return OracleTestServer.builder().tcps().service("demo_high")
                .database(new LoginDatabase(Map.of("scott", "Tiger#2026".toCharArray()))).build().start();
    }

    static String python(Path dir, String password) {
        return "{\"user\":\"scott\",\"password\":\"" + password + "\",\"dsn\":\"demo_high\",\"config_dir\":" + ExternalClient.quote(dir.toString())
                + ",\"wallet_location\":" + ExternalClient.quote(dir.toString()) + ",\"wallet_password\":\"" + new String(WALLET_PW) + "\"}";
    }

    static String node(Path dir, String password) {
        return "{\"user\":\"scott\",\"password\":\"" + password + "\",\"connectString\":\"demo_high\",\"configDir\":"
                + ExternalClient.quote(dir.toString()) + ",\"walletLocation\":" + ExternalClient.quote(dir.toString())
                + ",\"walletPassword\":\"" + new String(WALLET_PW) + "\"}";
    }

    @Test
    void pythonLogsInAndWrongPasswordIsOra01017() throws Exception {
        Assumptions.assumeTrue(python.isPresent(), "python-oracledb not importable");
        try (OracleTestServer server = server()) {
            Path dir = server.writeClientConfig(work.resolve("py"), WALLET_PW);
            ExternalClient.Result ok = python.get().run(python(dir, "Tiger#2026"), Duration.ofSeconds(90));
            assertTrue(ok.ok(), ok.json());
            RecordedConnection c = server.takeConnection(Duration.ofSeconds(5));
            assertTrue(c.awaitEnd(10, TimeUnit.SECONDS));
            assertEquals(2, c.tlsHandshakes());
            ExternalClient.Result bad = python.get().run(python(dir, "wrong"), Duration.ofSeconds(90));
            assertEquals("ORA-01017", bad.code().orElse(bad.json()));
        }
    }

    @Test
    void ojdbcLogsInAndWrongPasswordIsOra01017() throws Exception {
        try (OracleTestServer server = server()) {
            Path dir = server.writeClientConfig(work.resolve("ojdbc"), WALLET_PW);
            java.util.Properties p = new java.util.Properties();
            p.put("user", "scott");
            p.put("password", "Tiger#2026");
            p.put("oracle.net.tns_admin", dir.toString());
            p.put("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + dir + ")))");
            p.put("oracle.net.CONNECT_TIMEOUT", "20000");
            p.put("oracle.jdbc.ReadTimeout", "20000");
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:oracle:thin:@demo_high", p)) {
                assertTrue(c.isValid(10), "ojdbc ping round trip (isValid) against the testkit");
            }
            RecordedConnection rec = server.takeConnection(Duration.ofSeconds(5));
            assertTrue(rec.awaitEnd(10, TimeUnit.SECONDS));
            assertEquals(2, rec.tlsHandshakes());
            p.put("password", "wrong");
            java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> java.sql.DriverManager.getConnection("jdbc:oracle:thin:@demo_high", p));
            assertEquals(1017, e.getErrorCode(), e.getMessage());
        }
    }

    @Test
    void nodeAuthenticatesAndWrongPasswordIsOra01017() throws Exception {
        Assumptions.assumeTrue(node.isPresent(), "node-oracledb not available (node/npm missing)");
        try (OracleTestServer server = server()) {
            Path dir = server.writeClientConfig(work.resolve("node"), WALLET_PW);
            ExternalClient.Result bad = node.get().run(node(dir, "wrong"), Duration.ofSeconds(90));
            assertEquals("ORA-01017", bad.code().orElse(bad.json()));
            ExternalClient.Result good = node.get().run(node(dir, "Tiger#2026"), Duration.ofSeconds(90));
            // authentication passed: node then runs its post-login SQL, whose outcome depends on how much of it
            // the testkit's SQL engine covers (the interop matrix tracks that); it must not be a login failure
            assertTrue(good.ok() || !good.code().orElse("").equals("ORA-01017"), good.json());
        }
    }
}
