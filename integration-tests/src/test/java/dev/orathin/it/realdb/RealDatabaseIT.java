package dev.orathin.it.realdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.ConnectParams;
import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import dev.orathin.it.e2e.Relay;
import dev.orathin.net.ConnectAttempt;
import dev.orathin.wallet.Wallets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.oracle.OracleContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The end-to-end scenarios against a real Oracle Database Free in a container (Testcontainers),
 * over TCPS with mutual TLS and a wallet generated for it by {@code orapki} inside the container.
 *
 * <p>Runs only where a Docker engine is reachable; otherwise every test is reported SKIPPED with
 * the reason (a JUnit assumption), never passed silently. Image: {@code -Dorathin.it.oracleImage}
 * (default {@value #DEFAULT_IMAGE}); it must contain {@code orapki} (the full, non-slim images do).
 * See integration-tests/README.md.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class RealDatabaseIT {

    static final String DEFAULT_IMAGE = "gvenzl/oracle-free:23-faststart";
    static final int TCPS_PORT = 2484;
    static final String USER = "orathin";
    static final String PASSWORD = "Orathin#2026x";
    static final String WALLET_PASSWORD = "Wallet#2026x";

    /** Why the suite cannot run here (no Docker), or null. */
    static String unavailable;
    static OracleContainer db;
    static Path cfg;
    static String descriptor;

    /**
     * A given database instead of the container: {@code ORATHIN_IT_DSN} (alias, Easy Connect or
     * descriptor), {@code ORATHIN_IT_CONFIG_DIR} (tnsnames.ora and the wallet, e.g. an unzipped ADB
     * wallet; optional), {@code ORATHIN_IT_USER}, {@code ORATHIN_IT_PASSWORD_VAR} (the NAME of the
     * variable holding the password; default {@code ORATHIN_IT_PASSWORD}) and
     * {@code ORATHIN_IT_WALLET_PASSWORD_VAR} (the name of the variable holding the wallet password,
     * for ewallet.pem / ewallet.p12 without cwallet.sso). Passwords are read from the named
     * variables, never from a property or a command line.
     */
    static final String GIVEN_DSN = "ORATHIN_IT_DSN";

    @BeforeAll
    static void start() throws Exception {
        if (System.getenv(GIVEN_DSN) != null) {
            unavailable = GIVEN_DSN + " is set: the container tests give way to givenDatabase";
            return;
        }
        unavailable = dockerUnavailable();
        if (unavailable != null) {
            return; // every test reports SKIPPED with the reason (see requireDocker)
        }
        String image = System.getProperty("orathin.it.oracleImage", DEFAULT_IMAGE);
        db = new OracleContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("gvenzl/oracle-free"))
                .withUsername(USER).withPassword(PASSWORD).withStartupTimeout(Duration.ofMinutes(10));
        db.addExposedPort(TCPS_PORT);
        db.withCopyFileToContainer(MountableFile.forClasspathResource("dev/orathin/it/realdb/configure-tcps.sh", 0755),
                "/tmp/configure-tcps.sh");
        db.start();
        Container.ExecResult r = db.execInContainer("bash", "/tmp/configure-tcps.sh", WALLET_PASSWORD);
        assertEquals(0, r.getExitCode(), "configuring TCPS in the container failed (does the image have orapki?):\n"
                + r.getStdout() + r.getStderr());
        cfg = Files.createTempDirectory("orathin-realdb");
        for (String f : List.of("cwallet.sso", "ewallet.p12")) {
            db.copyFileFromContainer("/opt/oracle/tcps/client/" + f, cfg.resolve(f).toString());
        }
        descriptor = "(description=(retry_count=0)(address=(protocol=tcps)(host=" + db.getHost() + ")(port=" + db.getMappedPort(TCPS_PORT)
                + "))(connect_data=(service_name=" + db.getDatabaseName() + "))(security=(ssl_server_dn_match=no)))";
        Files.writeString(cfg.resolve("tnsnames.ora"), "realdb_tcps = " + descriptor + "\n");
        awaitTcpsService();
    }

    /** Each test is an assumption on Docker, so surefire lists them as skipped with the reason instead of running none. */
    @BeforeEach
    void requireDocker(org.junit.jupiter.api.TestInfo info) {
        if (info.getTestMethod().map(m -> m.getName().equals("givenDatabase")).orElse(false)) {
            return; // runs against the database named by the environment, not the container
        }
        Assumptions.assumeTrue(unavailable == null, System.getenv(GIVEN_DSN) != null ? "SKIPPED: " + unavailable
                : "SKIPPED real-database suite: no Docker engine reachable (" + unavailable
                + "); run it where Docker exists, see integration-tests/README.md");
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.stop();
        }
    }

    /**
     * The interop scenarios of ProfileInteropIT (DML with commit, 2,000 rows, ORA-00942 then usable)
     * through orathin and ojdbc11 against the database the environment names ({@link #GIVEN_DSN});
     * skipped with the reason when it names none. Tables are named with a unique prefix and dropped.
     */
    @Test
    void givenDatabase() throws Exception {
        String dsn = System.getenv(GIVEN_DSN);
        Assumptions.assumeTrue(dsn != null, "SKIPPED: set " + GIVEN_DSN + ", ORATHIN_IT_USER, ORATHIN_IT_PASSWORD_VAR (and"
                + " ORATHIN_IT_CONFIG_DIR, ORATHIN_IT_WALLET_PASSWORD_VAR) to run the scenarios against a given database");
        String user = System.getenv("ORATHIN_IT_USER");
        String passwordVar = System.getenv().getOrDefault("ORATHIN_IT_PASSWORD_VAR", "ORATHIN_IT_PASSWORD");
        String password = System.getenv(passwordVar);
        assertTrue(user != null && password != null, "ORATHIN_IT_USER and the variable " + passwordVar + " must be set");
        String configDir = System.getenv("ORATHIN_IT_CONFIG_DIR");
        String walletVar = System.getenv("ORATHIN_IT_WALLET_PASSWORD_VAR");
        String walletPassword = walletVar == null ? null : System.getenv(walletVar);
        String table = "orathin_it_" + Long.toHexString(System.nanoTime() & 0xFFFFFFFL);
        List<String> failures = new ArrayList<>();
        ConnectParams.Builder b = ConnectParams.builder().dsn(dsn).user(user).password(password.toCharArray())
                .connectTimeout(Duration.ofSeconds(60)).callTimeout(Duration.ofSeconds(120));
        if (configDir != null) {
            b.configDir(Path.of(configDir)).walletLocation(configDir);
        }
        if (walletPassword != null) {
            b.walletPassword(walletPassword.toCharArray());
        }
        try (OracleConnection c = Orathin.connect(b.build())) {
            check(failures, "orathin dml", dev.orathin.it.interop.InteropScenarios.orathinDml(c, table + "_o"));
            check(failures, "orathin fetch", dev.orathin.it.interop.InteropScenarios.orathinFetch(c));
            check(failures, "orathin error", dev.orathin.it.interop.InteropScenarios.orathinError(c));
        }
        java.util.Properties p = new java.util.Properties();
        p.put("user", user);
        p.put("password", password);
        if (configDir != null) {
            p.put("oracle.net.tns_admin", configDir);
            p.put("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + configDir + ")))");
        }
        if (walletPassword != null) {
            p.put("oracle.net.wallet_password", walletPassword);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:oracle:thin:@" + dsn, p)) {
            check(failures, "ojdbc dml", dev.orathin.it.interop.InteropScenarios.ojdbcDml(c, table + "_j"));
            check(failures, "ojdbc fetch", dev.orathin.it.interop.InteropScenarios.ojdbcFetch(c));
            check(failures, "ojdbc error", dev.orathin.it.interop.InteropScenarios.ojdbcError(c));
        }
        assertEquals(List.of(), failures, "scenarios against " + dsn);
    }

    private static void check(List<String> failures, String what, String detail) {
        if (detail != null) {
            failures.add(what + ": " + detail);
        }
    }

    /** Null when Docker answers, else why not (Testcontainers tried DOCKER_HOST, the socket, ~/.testcontainers.properties...). */
    static String dockerUnavailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? null : "Testcontainers found no Docker environment";
        } catch (Throwable t) {
            return t.getClass().getSimpleName() + ": " + t.getMessage();
        }
    }

    /** The listener needs a moment after the reload before the service is registered on the TCPS endpoint. */
    static void awaitTcpsService() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        OrathinException last = null;
        while (System.nanoTime() < end) {
            try (OracleConnection c = Orathin.connect(params(descriptor).build())) {
                c.ping();
                return;
            } catch (OrathinException e) {
                last = e;
                Thread.sleep(2000);
            }
        }
        throw new AssertionError("the TCPS endpoint never accepted orathin", last);
    }

    static ConnectParams.Builder params(String dsn) {
        return ConnectParams.builder().dsn(dsn).user(USER).password(PASSWORD.toCharArray()).walletLocation(cfg.toString())
                .connectTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(30));
    }

    /** A query against the real server whose answer is checked. */
    static void use(OracleConnection c) {
        try (Cursor cur = c.execute("select sys_context('USERENV', 'SESSION_USER'), :1 + 1 from dual", 41)) {
            assertTrue(cur.next());
            assertEquals(USER.toUpperCase(java.util.Locale.ROOT), cur.getObject(1));
            assertEquals(42, ((Number) cur.getObject(2)).intValue());
            assertFalse(cur.next());
        }
    }

    @ParameterizedTest(name = "wallet {0}")
    @ValueSource(strings = {"cwallet.sso dir", "ewallet.p12", "wallet.zip", "in-memory p12"})
    void everyWalletForm(String form) throws Exception {
        ConnectParams.Builder b = ConnectParams.builder().dsn(descriptor).user(USER).password(PASSWORD.toCharArray());
        switch (form) {
            case "cwallet.sso dir" -> b.walletLocation(cfg.toString());
            case "ewallet.p12" -> b.walletLocation(cfg.resolve("ewallet.p12").toString()).walletPassword(WALLET_PASSWORD.toCharArray());
            case "wallet.zip" -> b.walletLocation(zip().toString()).walletPassword(WALLET_PASSWORD.toCharArray());
            default -> b.wallet(Wallets.fromBytes(Files.readAllBytes(cfg.resolve("ewallet.p12")), WALLET_PASSWORD.toCharArray()));
        }
        try (OracleConnection c = Orathin.connect(b.build())) {
            use(c);
            assertTrue(c.serverVersion().startsWith("23."), c.serverVersion());
        }
    }

    @ParameterizedTest(name = "dsn {0}")
    @ValueSource(strings = {"alias", "easy connect", "descriptor", "description_list"})
    void everyDsnForm(String form) throws Exception {
        String dsn = switch (form) {
            case "alias" -> "realdb_tcps";
            case "easy connect" -> "tcps://" + db.getHost() + ":" + db.getMappedPort(TCPS_PORT) + "/" + db.getDatabaseName()
                    + "?ssl_server_dn_match=off";
            case "descriptor" -> descriptor;
            default -> "(description_list=(load_balance=off)" + descriptor.replace("(port=" + db.getMappedPort(TCPS_PORT) + ")",
                    "(port=" + deadPort() + ")") + descriptor + ")";
        };
        try (OracleConnection c = Orathin.connect(params(dsn).configDir(cfg).build())) {
            use(c);
            List<ConnectAttempt> a = c.connectTrace().attempts();
            assertEquals(form.equals("description_list") ? 2 : 1, a.size(), a.toString());
        }
    }

    @Test
    void wrongPasswordIsOra01017() {
        OrathinException e = assertThrows(OrathinException.class,
                () -> Orathin.connect(params(descriptor).password("wrong".toCharArray()).build()).close());
        assertTrue(e.getMessage().contains("ORA-01017"), e.getMessage());
    }

    @Test
    void unknownServiceIsRefusedWith12514() {
        OrathinException e = assertThrows(OrathinException.class,
                () -> Orathin.connect(params(descriptor.replace(db.getDatabaseName(), "no_such_service")).build()).close());
        assertEquals("OTN-4011", e.code(), e.getMessage());
    }

    @Test
    void failoverFromDeadAddressToTheDatabase() throws Exception {
        String dsn = descriptor.replace("(address=", "(address_list=(failover=on)(load_balance=off)(address=(protocol=tcps)(host=127.0.0.1)(port="
                + deadPort() + "))(address=").replace("(connect_data", ")(connect_data");
        try (OracleConnection c = Orathin.connect(params(dsn).build())) {
            use(c);
            assertEquals(2, c.connectTrace().attempts().size(), c.connectTrace().toString());
        }
    }

    @Test
    void tenThreadsConcurrently() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            Thread t = new Thread(() -> {
                for (int k = 0; k < 3; k++) {
                    try (OracleConnection c = Orathin.connect(params(descriptor).build())) {
                        use(c);
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(TimeUnit.MINUTES.toMillis(3));
            assertFalse(t.isAlive(), "no hang");
        }
        assertTrue(errors.isEmpty(), errors.toString());
    }

    /** Relayed through loopback (needs the mapped port on this host): the network goes silent, the call timeout fires. */
    @Test
    void silentNetworkCallTimeout() {
        Assumptions.assumeTrue(isLoopback(db.getHost()), "the relay needs the container's port on loopback, host is " + db.getHost());
        try (Relay relay = new Relay(db.getMappedPort(TCPS_PORT))) {
            String dsn = descriptor.replace("(host=" + db.getHost() + ")(port=" + db.getMappedPort(TCPS_PORT) + ")",
                    "(host=127.0.0.1)(port=" + relay.port() + ")");
            OracleConnection c = Orathin.connect(params(dsn).callTimeout(Duration.ofSeconds(1)).build());
            use(c);
            relay.freeze();
            OrathinException e = assertThrows(OrathinException.class, () -> use(c));
            assertEquals("OTN-5030", e.code(), e.getMessage());
            assertFalse(c.isHealthy());
            c.close();
        }
    }

    /** The connection is cut between fetch round trips of a large query: typed error, unhealthy, rows read were in order. */
    @Test
    void cutMidFetch() {
        Assumptions.assumeTrue(isLoopback(db.getHost()), "the relay needs the container's port on loopback, host is " + db.getHost());
        try (Relay relay = new Relay(db.getMappedPort(TCPS_PORT))) {
            String dsn = descriptor.replace("(host=" + db.getHost() + ")(port=" + db.getMappedPort(TCPS_PORT) + ")",
                    "(host=127.0.0.1)(port=" + relay.port() + ")");
            try (OracleConnection c = Orathin.connect(params(dsn).build())) {
                Cursor cur = c.execute("select level, rpad('x', 200, 'x') from dual connect by level <= 20000");
                assertTrue(cur.next());
                relay.cut();
                OrathinException e = assertThrows(OrathinException.class, () -> {
                    long n = 1;
                    while (cur.next()) {
                        n++;
                        assertEquals(n, ((Number) cur.getObject(1)).longValue());
                    }
                });
                assertTrue(e.code().startsWith("OTN-3") || e.code().startsWith("OTN-4"), e.getMessage());
                assertFalse(c.isHealthy());
            }
        }
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.");
    }

    static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Path zip() throws IOException {
        Path z = cfg.resolve("wallet.zip");
        if (!Files.exists(z)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (String f : List.of("cwallet.sso", "ewallet.p12", "tnsnames.ora")) {
                    out.putNextEntry(new ZipEntry(f));
                    out.write(Files.readAllBytes(cfg.resolve(f)));
                    out.closeEntry();
                }
            }
            Files.write(z, bytes.toByteArray());
        }
        return z;
    }
}
