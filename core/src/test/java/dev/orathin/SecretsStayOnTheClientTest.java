package dev.orathin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.RecordedConnection;
import dev.orathin.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client-only parameters stay on the client: every secret parameter, written into an Easy Connect
 * string, a descriptor, a tnsnames.ora entry or the connect properties, over TCP and over TCPS
 * (with the ADB hand-off), is absent from every byte the listener and database receive. The
 * values hold the characters that broke text-based redaction ({@code / ) @ ' =}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecretsStayOnTheClientTest {

    /** No {@code #}: it starts a comment in tnsnames.ora, where the Easy Connect form is written too. */
    static final char[] WALLET_PW = "Wallet_Pw-2026/x@y".toCharArray();
    /** Secret values that must never reach the server; each distinct so a hit names its parameter. */
    static final Map<String, String> SECRETS = new LinkedHashMap<>();

    static {
        SECRETS.put("password", "Pa/ss)w@rd'1=x");
        SECRETS.put("new_password", "Ne/w)P@ss'2=y");
        SECRETS.put("https_proxy_password", "Pr/ox)y@Pw'3=z");
        SECRETS.put("token", "eyJ0b2tlbi)/@'4=q");
        SECRETS.put("access_token", "eyJhY2Nlc3M)/@'5=r");
        SECRETS.put("my_app_secret", "Un/kn)own@Sec'6=s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "tcps"})
    void noSecretReachesTheServerInAnyInputForm(String protocol, @TempDir Path dir) throws Exception {
        TestDatabase db = TestDatabase.builder().user("admin", "Secret#2026").build();
        OracleTestServer.Builder builder = OracleTestServer.builder().service("svc").database(db);
        if (protocol.equals("tcps")) {
            builder.tcps();
        }
        try (OracleTestServer server = builder.build().start()) {
            server.writeClientConfig(dir, WALLET_PW);
            String host = server.host() + ":" + server.port();
            StringBuilder ez = new StringBuilder(protocol + "://" + host + "/svc?retry_count=0");
            StringBuilder inDescription = new StringBuilder();
            StringBuilder inConnectData = new StringBuilder();
            SECRETS.forEach((k, v) -> {
                ez.append('&').append(k).append('=').append(v);
                inDescription.append('(').append(k).append("=\"").append(v).append("\")");
                inConnectData.append('(').append(k).append("=\"").append(v).append("\")");
            });
            // the wallet password travels in the connect string too (and must still open the wallet)
            String walletPw = new String(WALLET_PW);
            ez.append("&wallet_password=").append(walletPw).append("&wallet_location=").append(dir);
            String descriptor = "(DESCRIPTION=" + inDescription + "(WALLET_PASSWORD=\"" + walletPw + "\")(ADDRESS=(PROTOCOL=" + protocol
                    + ")(HOST=" + server.host() + ")(PORT=" + server.port() + "))(CONNECT_DATA=(SERVICE_NAME=svc)" + inConnectData
                    + ")(SECURITY=(WALLET_LOCATION=" + dir + ")(WALLET_PASSWORD=\"" + walletPw + "\")" + inDescription + "))";
            Files.writeString(dir.resolve("tnsnames.ora"), "secret_alias = " + descriptor + "\nez_alias = " + ez + "\n");
            Map<String, String> props = new LinkedHashMap<>();
            props.put("user", "admin");
            props.put("password", "Secret#2026");
            props.put("dsn", "secret_alias");
            props.put("config_dir", dir.toString());
            props.put("wallet_password", walletPw);
            props.put("https_proxy_password", SECRETS.get("https_proxy_password"));
            props.put("token", SECRETS.get("token"));
            List<ConnectParams> forms = List.of(
                    params(ez.toString(), null, null),
                    params(descriptor, null, null),
                    params("secret_alias", dir, null),
                    params("ez_alias", dir, null),
                    ConnectParams.fromMap(props));
            List<String> seen = new ArrayList<>();
            for (ConnectParams p : forms) {
                try (OracleConnection c = Orathin.connect(p); Cursor cur = c.execute("select user from dual")) {
                    assertTrue(cur.next());
                    assertEquals("ADMIN", cur.getString(1));
                }
                RecordedConnection rec = server.takeConnection(Duration.ofSeconds(5));
                assertTrue(rec.awaitEnd(5, TimeUnit.SECONDS));
                // the ADB hand-off (RESEND, second TLS handshake) happens on the same recorded connection
                List<RecordedConnection> all = List.of(rec);
                for (RecordedConnection r : all) {
                    seen.addAll(r.connectData());
                    for (RecordedConnection.Packet packet : r.packets()) {
                        if (packet.inbound() && packet.bytes() != null) {
                            seen.add(new String(packet.bytes(), StandardCharsets.ISO_8859_1));
                        }
                    }
                }
                assertFalse(all.get(0).connectData().isEmpty(), "the CONNECT was recorded");
            }
            for (String bytes : seen) {
                for (Map.Entry<String, String> s : SECRETS.entrySet()) {
                    assertFalse(bytes.contains(s.getValue()), s.getKey() + " reached the server: " + bytes);
                }
                assertFalse(bytes.contains(walletPw), "the wallet password reached the server");
                assertFalse(bytes.toUpperCase().contains("WALLET") || bytes.toUpperCase().contains("SECURITY"),
                        "client-only sections reached the server: " + bytes);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void packetTraceWithFastAuthOfferedHoldsNoAuthenticationData(@TempDir Path dir) throws Exception {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(dev.orathin.internal.trace.PacketTrace.LOGGER);
        List<String> records = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                records.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level before = jul.getLevel();
        jul.setLevel(java.util.logging.Level.FINE);
        jul.addHandler(handler);
        try {
            TestDatabase db = TestDatabase.builder().user("admin", "Secret#2026").build();
            try (OracleTestServer server = OracleTestServer.builder().tcps().service("svc").fastAuth(true).database(db).build().start()) {
                server.writeClientConfig(dir, WALLET_PW);
                try (OracleConnection c = Orathin.connect(dir, "svc", "admin", "Secret#2026".toCharArray(), dir.toString(), WALLET_PW);
                        Cursor cur = c.execute("select 1 from dual")) {
                    assertTrue(cur.next());
                }
                assertEquals(1, db.fastAuthRequests(), "the listener offered FAST_AUTH and it was used");
            }
        } finally {
            jul.removeHandler(handler);
            jul.setLevel(before);
        }
        assertTrue(records.size() > 4, "the trace was written: " + records.size());
        boolean sawRedactedKeys = false;
        for (String r : records) {
            sawRedactedKeys |= r.contains("redacted") && r.contains("AUTH_SESSKEY");
            byte[] dumped = undump(r);
            String text = new String(dumped, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("AUTH_"), "authentication data in a dumped packet: " + r);
            assertFalse(text.contains("Secret#2026"), r);
        }
        assertTrue(sawRedactedKeys, "the redacted lines name the keys they hide");
    }

    /** The bytes of a hex dump in a trace record ({@code 0000: 41 42 ...  AB}). */
    private static byte[] undump(String record) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String line : record.split("\n")) {
            if (line.matches("^[0-9a-f]{4}: .*")) {
                String hex = line.substring(6, Math.min(line.length(), 6 + 16 * 3));
                for (String h : hex.trim().split(" +")) {
                    if (h.matches("[0-9a-f]{2}")) {
                        out.write(Integer.parseInt(h, 16));
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private static ConnectParams params(String dsn, Path configDir, String unused) {
        return ConnectParams.builder().dsn(dsn).configDir(configDir).user("admin").password("Secret#2026".toCharArray()).build();
    }
}
