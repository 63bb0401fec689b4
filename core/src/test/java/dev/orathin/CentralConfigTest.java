package dev.orathin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.internal.config.JsonText;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue #20: centralized connect configuration (config-file://, ojdbc's and python-oracledb's JSON) with password references. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CentralConfigTest {

    static final String PASSWORD = "Cfg#Secret2026";
    static TestDatabase db;
    static OracleTestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.builder().user("app", PASSWORD).build();
        server = OracleTestServer.builder().service("demo").database(db).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static String json(String s) {
        return s.replace('\'', '"');
    }

    @Test
    void aConfigFileSuppliesDescriptorUserPasswordReferenceAndProperties(@TempDir Path dir) throws Exception {
        Path pw = dir.resolve("db.pw");
        Files.writeString(pw, PASSWORD + "\n");
        Path cfg = dir.resolve("app.json");
        Files.writeString(cfg, json("{'prod': {'connect_descriptor': '" + server.descriptor("demo") + "', 'user': 'app',"
                + " 'password': {'type': 'file', 'value': '" + pw + "'}, 'orathin': {'call_timeout': 45000, 'retry_count': '2'}},"
                + " 'other': {'connect_descriptor': 'nowhere:1/x'}}"));
        try (OracleConnection c = Orathin.connect(ConnectParams.builder().dsn("config-file://" + cfg + "?key=prod").build());
                Cursor cur = c.execute("select 41 + 1 from dual")) {
            assertTrue(cur.next());
            assertEquals(42, cur.getInt(1));
            assertEquals(Duration.ofSeconds(45), c.callTimeout(), "properties of the document apply");
        }
        Orathin.Prepared p = Orathin.prepare(ConnectParams.builder().dsn("config-file://" + cfg + "?key=prod").build());
        assertEquals(2, p.resolved().descriptions().descriptions().get(0).retryCount());
    }

    @Test
    void base64AndShorthandReferencesAndTheApiWins(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("b64.json");
        Files.writeString(cfg, json("{'connect_descriptor': '" + server.descriptor("demo") + "', 'user': 'nobody', 'password': {'type':"
                + " 'base64', 'value': '" + Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)) + "'}}"));
        // the API's user wins over the document's; the document's password fills in
        try (OracleConnection c = Orathin.connect(ConnectParams.builder().dsn("config-file://" + cfg).user("app").build())) {
            c.ping();
        }
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, PASSWORD);
        Path shorthand = dir.resolve("short.json");
        Files.writeString(shorthand, json("{'connect_descriptor': '" + server.descriptor("demo") + "', 'user': 'app', 'password': 'file:"
                + pw + "'}"));
        try (OracleConnection c = Orathin.connect(ConnectParams.builder().dsn("config-file://" + shorthand).build())) {
            c.ping();
        }
    }

    @Test
    void everyFaultIsATypedErrorWithoutTheSecret(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("bad.json");
        OrathinUsageException missing = assertThrows(OrathinUsageException.class,
                () -> Orathin.prepare(ConnectParams.builder().dsn("config-file://" + dir.resolve("none.json")).build()));
        assertEquals(CoreErrorCode.CONFIG_SOURCE, missing.errorCode());

        Files.writeString(cfg, "{\n  \"connect_descriptor\": \"x\",\n  \"user\": 'app'\n}");
        OrathinUsageException syntax = assertThrows(OrathinUsageException.class,
                () -> Orathin.prepare(ConnectParams.builder().dsn("config-file://" + cfg).build()));
        assertEquals(CoreErrorCode.CONFIG_INVALID, syntax.errorCode());
        assertTrue(syntax.getMessage().contains("line 3, column 11: expected a value but found '''"), syntax.getMessage());

        Files.writeString(cfg, json("{'user': 'app'}"));
        assertEquals(CoreErrorCode.CONFIG_INVALID, assertThrows(OrathinUsageException.class,
                () -> Orathin.prepare(ConnectParams.builder().dsn("config-file://" + cfg).build())).errorCode());

        Files.writeString(cfg, json("{'connect_descriptor': 'h:1/s', 'user': 'app', 'password': {'type': 'env', 'value':"
                + " 'ORATHIN_NO_SUCH_VARIABLE_42'}}"));
        OrathinUsageException env = assertThrows(OrathinUsageException.class,
                () -> Orathin.connect(ConnectParams.builder().dsn("config-file://" + cfg).build()));
        assertEquals(CoreErrorCode.CONFIG_SECRET, env.errorCode());
        assertTrue(env.getMessage().contains("environment variable ORATHIN_NO_SUCH_VARIABLE_42 is not set"), env.getMessage());

        Files.writeString(cfg, json("{'connect_descriptor': 'h:1/s', 'user': 'app', 'password': {'type': 'vault-oci', 'value': '"
                + PASSWORD + "'}}"));
        OrathinUsageException vault = assertThrows(OrathinUsageException.class,
                () -> Orathin.connect(ConnectParams.builder().dsn("config-file://" + cfg).build()));
        assertEquals(CoreErrorCode.CONFIG_SECRET, vault.errorCode());
        Files.writeString(cfg, json("{'connect_descriptor': 'h:1/s', 'user': 'app', 'password': '" + PASSWORD + "'}"));
        OrathinUsageException plain = assertThrows(OrathinUsageException.class,
                () -> Orathin.connect(ConnectParams.builder().dsn("config-file://" + cfg).build()));
        for (OrathinUsageException e : List.of(vault, plain)) {
            assertFalse(e.getMessage().contains(PASSWORD), "never the secret: " + e.getMessage());
        }

        OrathinUsageException scheme = assertThrows(OrathinUsageException.class,
                () -> Orathin.prepare(ConnectParams.builder().dsn("config-ociobject://bucket/app.json").build()));
        assertEquals(CoreErrorCode.CONFIG_SOURCE, scheme.errorCode());
        assertTrue(scheme.getMessage().contains("no configuration provider for config-ociobject://"), scheme.getMessage());

        Files.writeString(cfg, json("{'connect_descriptor': 'config-file://" + cfg + "'}"));
        OrathinUsageException chained = assertThrows(OrathinUsageException.class,
                () -> Orathin.prepare(ConnectParams.builder().dsn("config-file://" + cfg).build()));
        assertEquals(CoreErrorCode.CONFIG_INVALID, chained.errorCode());
        assertTrue(chained.getMessage().contains("names another configuration source"), chained.getMessage());

        Files.writeString(cfg, json("{'connect_descriptor': 'h:1/s', 'orathin': {'retry_cuont': '2'}}"));
        OrathinUsageException typo = assertThrows(OrathinUsageException.class,
                () -> Orathin.prepare(ConnectParams.builder().dsn("config-file://" + cfg).build()));
        assertTrue(typo.getMessage().contains("did you mean \"retry_count\""), typo.getMessage());
    }

    @Test
    void theJsonReaderIsStrictAndBounded() {
        assertEquals(Map.of("a", List.of(new BigDecimal("1.5e3"), true, "x\u00e9\n")), JsonText.parse(" {\"a\": [1.5e3, true, \"x\\u00e9\\n\"]} "));
        for (String bad : List.of("{\"a\":1,\"a\":2}", "[1,]", "{\"a\" 1}", "\"open", "01", "[1] x", "{'a':1}", "\"\t\"")) {
            assertThrows(JsonText.SyntaxException.class, () -> JsonText.parse(bad), bad);
        }
        assertThrows(JsonText.SyntaxException.class, () -> JsonText.parse("[".repeat(100) + "]".repeat(100)), "depth bound");
    }
}
