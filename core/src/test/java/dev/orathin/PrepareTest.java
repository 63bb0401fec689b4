package dev.orathin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orathin.net.naming.ConfigException;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.wallet.WalletException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one prepare recipe (issue #19 item 4) that connect, `orathin resolve` and the doctor share. */
class PrepareTest {

    static final char[] WALLET_PW = "Welcome1#Wallet".toCharArray();

    @Test
    void resolveWalletAndPlanBeforeAnyNetworkIo(@TempDir Path dir) throws Exception {
        Path config;
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("shop_high").build().start()) {
            config = server.writeClientConfig(dir, WALLET_PW);
        } // the server is gone: preparing must not need it
        Files.delete(config.resolve("sqlnet.ora")); // no WALLET_LOCATION: the wallet files in the directory are found
        Orathin.Prepared p = Orathin.prepare(ConnectParams.builder().configDir(config).dsn("shop_high").walletPassword(WALLET_PW).build());
        assertEquals("shop_high", p.resolved().alias());
        assertEquals("found in the configuration directory", p.walletSource());
        assertEquals(1, p.plan().descriptions().size());
        assertEquals("tcps", p.plan().descriptions().get(0).routes().get(0).protocol());

        Orathin.Prepared explicit = Orathin.prepare(ConnectParams.builder().configDir(config).dsn("shop_high")
                .walletLocation(config.resolve("ewallet.pem").toString()).walletPassword(WALLET_PW).build());
        assertEquals("walletLocation parameter", explicit.walletSource());

        Orathin.Prepared none = Orathin.prepare(ConnectParams.builder().dsn("tcp://127.0.0.1:1/x").build());
        assertNull(none.wallet());
        assertNull(none.walletSource());

        assertThrows(ConfigException.class, () -> Orathin.prepare(ConnectParams.builder().configDir(config).dsn("no_such_alias").build()));
        assertThrows(WalletException.class, () -> Orathin.prepare(ConnectParams.builder().configDir(config).dsn("shop_high")
                .walletLocation(config.resolve("ewallet.pem").toString()).walletPassword("wrong".toCharArray()).build()));
    }

    @Test
    void theAdbSqlnetOraWalletLocationMeansTheConfigDirectory(@TempDir Path dir) throws Exception {
        Path config;
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("shop_high").build().start()) {
            config = server.writeClientConfig(dir, WALLET_PW);
        }
        Files.writeString(config.resolve("sqlnet.ora"), "WALLET_LOCATION = (SOURCE = (METHOD = file) (METHOD_DATA = (DIRECTORY=\"?/network/admin\")))\n"
                + "SSL_SERVER_DN_MATCH=yes\n");
        Orathin.ChosenWallet w = Orathin.chooseWallet(ConnectParams.builder().configDir(config).dsn("shop_high").walletPassword(WALLET_PW)
                .build(), Orathin.resolve(ConnectParams.builder().configDir(config).dsn("shop_high").build()));
        assertEquals("WALLET_LOCATION of the descriptor / sqlnet.ora", w.source());
    }
}
