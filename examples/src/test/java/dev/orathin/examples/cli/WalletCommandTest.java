package dev.orathin.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestCertificate;
import dev.orathin.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code wallet show|check} on the wallets the testkit generates, in every format. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WalletCommandTest {

    static final String WPW = "Welcome1#Wallet";
    static OracleTestServer server;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = OracleTestServer.builder().tcps().service("mydb_high").build().start();
        server.writeClientConfig(dir, WPW.toCharArray());
        Files.write(dir.resolve("wallet.zip"), server.walletZip(WPW.toCharArray()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Cli cli() {
        return new Cli().env("WPW", WPW);
    }

    @Test
    void showEveryFormat() {
        String client = "CN=orathin-test-client";
        Cli.Run pem = cli().run("wallet", "show", dir.resolve("ewallet.pem").toString(), "--password-env", "WPW");
        assertEquals(0, pem.code(), pem.toString());
        assertTrue(pem.out().contains("format  PEM") && pem.out().contains(client) && pem.out().contains("TRUSTED"), pem.toString());
        assertTrue(pem.out().matches("(?s).*sha256 +([0-9A-F]{2}:){31}[0-9A-F]{2}.*"), pem.toString());
        Cli.Run p12 = cli().run("wallet", "show", dir.resolve("ewallet.p12").toString(), "--password-env", "WPW");
        assertEquals(0, p12.code(), p12.toString());
        assertTrue(p12.out().contains("format  PKCS12") && p12.out().contains(client), p12.toString());
        Cli.Run sso = cli().run("wallet", "show", dir.resolve("cwallet.sso").toString());
        assertEquals(0, sso.code(), sso.toString());
        assertTrue(sso.out().contains("format  SSO") && sso.out().contains(client), sso.toString());
        Cli.Run zip = cli().run("wallet", "show", dir.resolve("wallet.zip").toString());
        assertEquals(0, zip.code(), zip.toString());
        assertTrue(zip.out().contains(client), zip.toString());
        Cli.Run directory = cli().run("wallet", "show", dir.toString());
        assertEquals(0, directory.code(), directory.toString());
        assertTrue(directory.out().contains("format  SSO"), "a directory with cwallet.sso opens without a password: " + directory);
        assertFalse((pem.out() + p12.out()).contains(WPW));
    }

    @Test
    void jsonAndCheck() {
        Cli.Run json = cli().run("wallet", "check", dir.resolve("cwallet.sso").toString(), "--json");
        assertEquals(0, json.code(), json.toString());
        assertTrue(json.out().contains("\"format\": \"SSO\"") && json.out().contains("\"role\": \"KEY\"") && json.out().contains("\"ok\": true"),
                json.toString());
        Cli.Run check = cli().run("wallet", "check", dir.toString());
        assertEquals(0, check.code(), check.toString());
        assertTrue(check.out().contains("OK: the wallet has a client key and 1 trusted certificate(s)"), check.toString());
    }

    @Test
    void wrongPasswordIsAnErrorWithItsCode() {
        Cli.Run r = new Cli().env("WPW", "nope").run("wallet", "show", dir.resolve("ewallet.p12").toString(), "--password-env", "WPW");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("OTN-2"), r.toString());
        Cli.Run missing = cli().run("wallet", "show", dir.resolve("missing.p12").toString());
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.err().startsWith("OTN-2"), missing.toString());
    }

    @Test
    void checkFailsOnAnExpiredClientCertificate(@TempDir Path tmp) throws Exception {
        TestCertificate expired = TestPki.shared().expired();
        StringBuilder pem = new StringBuilder();
        pem.append(block("PRIVATE KEY", expired.privateKey().getEncoded()));
        pem.append(block("CERTIFICATE", expired.certificate().getEncoded()));
        pem.append(block("CERTIFICATE", TestPki.shared().ca().certificate().getEncoded()));
        Path file = tmp.resolve("cwallet.pem");
        Files.writeString(file, pem.toString(), StandardCharsets.US_ASCII);
        Cli.Run r = cli().run("wallet", "check", file.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("WARNING      certificate expired on") && r.out().contains("FAIL: "), r.toString());
        Cli.Run show = cli().run("wallet", "show", file.toString());
        assertEquals(0, show.code(), "show only reports: " + show);
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
