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

    @BeforeAll
    static void start() throws Exception {
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
    void requireDocker() {
        Assumptions.assumeTrue(unavailable == null, "SKIPPED real-database suite: no Docker engine reachable (" + unavailable
                + "); run it where Docker exists, see integration-tests/README.md");
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.stop();
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
