package dev.orathin.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;

/** Every example program, run against the testkit. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ExamplesTest {

    static final char[] WPW = "Welcome1#Wallet".toCharArray();
    static final String PW = "Adb#Pass2026";
    static OracleTestServer server;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = OracleTestServer.builder().tcps().service("mydb_high")
                .database(TestDatabase.withUsers(Map.of("admin", PW.toCharArray()))).build().start();
        server.writeClientConfig(dir, WPW);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void hikariServiceOverTheJdbcDriver() throws InterruptedException {
        assertEquals(0, HikariService.run(dir.toString(), "mydb_high", "admin", PW.toCharArray(), WPW, 6, out), text());
        assertTrue(text().contains("150 lookups"), text());
    }

    @Test
    void easyConnectWithWalletLocation() {
        String ez = "tcps://localhost:" + server.port() + "/mydb_high?wallet_location=" + dir;
        assertEquals(0, EasyConnectWallet.run(ez, "admin", PW.toCharArray(), null, out), text());
        assertTrue(text().contains("connected to Oracle Database 23ai"), text());
    }

    @Test
    void walletZipReadDirectly(@TempDir Path downloads) throws Exception {
        Path zip = Files.write(downloads.resolve("Wallet_mydb.zip"), server.walletZip(WPW));
        assertEquals(0, WalletZipDirect.run(zip, "mydb_high", "admin", PW.toCharArray(), out), text());
        assertTrue(text().contains("with Wallet_mydb.zip"), text());
    }

    @Test
    void throughAnHttpsProxy() {
        HttpProxyServer proxy = DefaultHttpProxyServer.bootstrap().withAddress(new InetSocketAddress("127.0.0.1", 0)).start();
        try {
            assertEquals(0, HttpsProxyConnect.run(dir, "mydb_high", "admin", PW.toCharArray(), WPW, "127.0.0.1",
                    proxy.getListenAddress().getPort(), out), text());
            assertTrue(text().contains("via proxy 127.0.0.1:") && text().contains("PROXY"), text());
        } finally {
            proxy.abort();
        }
    }

    @Test
    void asyncConnectCompletesWithTheExitCode() {
        assertEquals(0, AsyncConnect.run(dir, "mydb_high", "admin", PW.toCharArray(), WPW, out).toCompletableFuture().join(), text());
        assertTrue(text().contains("connect started") && text().contains("query answered: sysdate 20"), text());
        bytes.reset();
        assertEquals(1, AsyncConnect.run(dir, "mydb_high", "admin", "wrong".toCharArray(), WPW, out).toCompletableFuture().join(), text());
        assertTrue(text().contains("ORA-01017"), text());
    }
}
