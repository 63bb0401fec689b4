package dev.orathin.it.e2e;

import static dev.orathin.it.e2e.Fixtures.SERVICE;
import static dev.orathin.it.e2e.Fixtures.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.ConnectParams;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.net.ConnectAttempt;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.wallet.Wallets;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wallet form × every dsn form reaches the database through the ADB hand-off and makes a
 * round trip: the forms must be interchangeable, so one table drives them all.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WalletDsnMatrixIT {

    static OracleTestServer server;
    static Path full;
    static Path tnsOnly;
    static int deadPort;
    @TempDir
    static Path tmp;

    /** How a wallet form is handed to the builder. */
    record WalletForm(String name, Consumer<ConnectParams.Builder> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A dsn form: the dsn text and whether it needs the tnsnames.ora directory. */
    record DsnForm(String name, String dsn, boolean needsConfigDir, int expectedAttempts) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = Fixtures.server().build().start();
        full = server.writeClientConfig(tmp.resolve("full"), Fixtures.walletPassword());
        Files.write(tmp.resolve("wallet.zip"), server.walletZip(Fixtures.walletPassword()));
        tnsOnly = Fixtures.layout(server, tmp.resolve("full-for-tns"), tmp.resolve("tns-only"), "tnsnames.ora");
        for (String f : List.of("ewallet.pem", "ewallet.p12", "cwallet.sso")) {
            Files.createDirectories(tmp.resolve("only-" + f));
            Files.copy(full.resolve(f), tmp.resolve("only-" + f).resolve(f));
        }
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort(); // closed again: connecting there is refused
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<WalletForm> wallets() {
        return List.of(
                new WalletForm("ewallet.pem dir", b -> b.walletLocation(tmp.resolve("only-ewallet.pem").toString())
                        .walletPassword(Fixtures.walletPassword())),
                new WalletForm("ewallet.pem file", b -> b.walletLocation(full.resolve("ewallet.pem").toString())
                        .walletPassword(Fixtures.walletPassword())),
                new WalletForm("ewallet.p12 dir", b -> b.walletLocation(tmp.resolve("only-ewallet.p12").toString())
                        .walletPassword(Fixtures.walletPassword())),
                new WalletForm("cwallet.sso dir (no password)", b -> b.walletLocation(tmp.resolve("only-cwallet.sso").toString())),
                new WalletForm("wallet.zip", b -> b.walletLocation(tmp.resolve("wallet.zip").toString())
                        .walletPassword(Fixtures.walletPassword())),
                new WalletForm("in-memory p12 bytes", b -> b.wallet(Wallets.fromBytes(read(full.resolve("ewallet.p12")),
                        Fixtures.walletPassword()))),
                new WalletForm("in-memory wallet.zip bytes", b -> b.wallet(Wallets.fromBytes(read(tmp.resolve("wallet.zip")),
                        Fixtures.walletPassword()))),
                new WalletForm("in-memory PEM text", b -> b.wallet(Wallets.fromText(new String(read(full.resolve("ewallet.pem")),
                        StandardCharsets.US_ASCII), Fixtures.walletPassword()))),
                new WalletForm("in-memory Base64 cwallet.sso", b -> b.wallet(Wallets.fromText(Base64.getMimeEncoder()
                        .encodeToString(read(full.resolve("cwallet.sso"))), null))));
    }

    static List<DsnForm> dsns() {
        String good = server.descriptor(SERVICE);
        String dead = good.replace("(port=" + server.port() + ")", "(port=" + deadPort + ")");
        return List.of(
                new DsnForm("alias", SERVICE, true, 1),
                new DsnForm("Easy Connect", "tcps://localhost:" + server.port() + "/" + SERVICE + "?ssl_server_dn_match=on", false, 1),
                new DsnForm("full descriptor", good, false, 1),
                new DsnForm("DESCRIPTION_LIST (first dead)", "(description_list=(failover=on)(load_balance=off)" + dead.replace(
                        "(retry_count=20)", "(retry_count=0)") + good + ")", false, 2));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (WalletForm w : wallets()) {
            for (DsnForm d : dsns()) {
                out.add(Arguments.of(w, d));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("matrix")
    void reachesTheDatabase(WalletForm wallet, DsnForm dsn) {
        ConnectParams.Builder b = ConnectParams.builder().dsn(dsn.dsn()).user(USER).password(Fixtures.password());
        if (dsn.needsConfigDir()) {
            b.configDir(tnsOnly);
        }
        wallet.apply().accept(b);
        try (OracleConnection c = Orathin.connect(b.build())) {
            Fixtures.use(c);
            assertTrue(c.isHealthy());
            List<ConnectAttempt> attempts = c.connectTrace().attempts();
            assertEquals(dsn.expectedAttempts(), attempts.size(), attempts.toString());
            assertEquals(ConnectAttempt.Phase.DONE, attempts.get(attempts.size() - 1).phase());
            assertTrue(c.connectTrace().phases().containsKey(ConnectAttempt.Phase.TLS2), "ADB hand-off happened: " + c.connectTrace());
        }
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
