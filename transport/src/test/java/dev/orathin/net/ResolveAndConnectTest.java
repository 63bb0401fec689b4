package dev.orathin.net;

import dev.orathin.net.internal.plan.AttemptPlanner;
import dev.orathin.net.internal.session.NetConnector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.net.internal.naming.ConnectStringResolver;
import dev.orathin.net.internal.naming.NamingRequest;
import dev.orathin.net.naming.ResolvedConnect;
import dev.orathin.net.internal.plan.WireDescriptor;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.RecordedConnection;
import dev.orathin.wallet.Wallet;
import dev.orathin.wallet.Wallets;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole transport path as a user meets it: ADB-style config dir → resolve → plan → connect. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResolveAndConnectTest {

    static final char[] PW = "Welcome1#Wallet".toCharArray();

    static NetSession open(Path dir, String dsn, Map<String, String> params, Wallet wallet) {
        ResolvedConnect r = ConnectStringResolver.resolve(new NamingRequest(dsn, dir, null, params, n -> null));
        AttemptPlan plan = new AttemptPlanner(new Random(), WireDescriptor.Cid.ofThisProcess(), null, null).plan(r.descriptions());
        return NetConnector.connect(plan, wallet, Duration.ofSeconds(30));
    }

    @Test
    void adbAliasWithPemWalletThroughTheHandoff(@TempDir Path dir) throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("demo_high").database(NetConnectorTest.ECHO)
                .build().start()) {
            server.writeClientConfig(dir, PW);
            Wallet wallet = Wallets.load(dir, PW);
            try (NetSession s = open(dir, "DEMO_HIGH", Map.of(), wallet)) {
                s.send(new byte[] {42}, 0);
                assertEquals(42, s.receive(Duration.ofSeconds(5)).payload()[0]);
                RecordedConnection c = server.takeConnection(Duration.ofSeconds(5));
                assertEquals(2, c.tlsHandshakes());
                String sent = c.connectData().get(0);
                assertTrue(sent.contains("(SERVICE_NAME=demo_high)") && sent.contains("(CID=") && sent.contains("(CONNECTION_ID="), sent);
                assertTrue(!sent.contains("SECURITY") && !sent.contains("RETRY_COUNT"), "client-only keys stay home: " + sent);
            }
        }
    }

    @Test
    void autoLoginWalletAndEasyConnectWithFailover(@TempDir Path dir) throws Exception {
        int dead;
        try (ServerSocket ss = new ServerSocket(0)) {
            dead = ss.getLocalPort();
        }
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("svc").database(NetConnectorTest.ECHO).build().start()) {
            server.writeClientConfig(dir, PW);
            Wallet sso = Wallets.load(dir.resolve("cwallet.sso"), null);
            String ez = "tcps://localhost:" + dead + ",localhost:" + server.port() + "/svc?load_balance=off&retry_count=1&retry_delay=100ms";
            try (NetSession s = open(null, ez, Map.of(), sso)) {
                var log = s.trace().attempts();
                assertTrue(log.get(0).route().contains(":" + dead) && log.get(0).phase() == ConnectAttempt.Phase.TCP, log.toString());
                assertEquals(ConnectAttempt.Phase.DONE, log.get(log.size() - 1).phase());
                assertTrue(log.get(log.size() - 1).route().contains(":" + server.port()));
            }
            NetException e = assertThrows(NetException.class, () -> open(null, "tcps://localhost:" + server.port() + "/nosuch", Map.of(), sso));
            assertEquals(NetErrorCode.SERVICE_NOT_REGISTERED, e.errorCode());
        }
    }
}
