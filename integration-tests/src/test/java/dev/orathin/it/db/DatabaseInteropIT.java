package dev.orathin.it.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.it.ExternalClient;
import dev.orathin.it.NodeInstaller;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The testkit's database half against Oracle's own clients, all through the ADB mTLS flow with
 * the generated wallet and config dir: log in, wrong password, a typed round trip of every type,
 * LOBs, 100,000 rows at array size 1,000 with a checksum, commit/rollback seen from a second
 * session, and a query error. The same scenarios run in each client (ojdbc11 and orathin
 * in-process; node-oracledb and python-oracledb as scripts) and the outcome is written as a matrix to
 * {@code target/interop-matrix.md}.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class DatabaseInteropIT {

    static final char[] WALLET_PW = "Welcome1#Wallet".toCharArray();
    static final String USER = "scott";
    static final String PASSWORD = "Tiger#2026";
    static final List<String> SCENARIOS = List.of("login", "wrong_password", "types", "lobs", "fetch_100k", "transactions", "query_error",
            "verifier_11g", "locked_account", "expired_password", "password_change", "proxy_user", "fast_auth_offered");
    /** Expired accounts, one per client (each client changes its own password). */
    static final List<String> CLIENT_TAGS = List.of("ojdbc", "orathin", "py", "js");
    /**
     * Scenarios a client is known to fail against the testkit, with the reason; the matrix shows
     * them, and the test fails if one of them starts passing (so the list stays true).
     */
    static final Map<String, String> KNOWN_GAPS = Map.of();

    static Path work;
    static OracleTestServer server;
    static Path configDir;
    /** A second server whose ACCEPT offers FAST_AUTH (protocol.md §5.5). */
    static OracleTestServer fastServer;
    static TestDatabase fastDb;
    static Path fastConfigDir;
    static Optional<ExternalClient> nodeConnect = Optional.empty();
    static Optional<ExternalClient> pythonConnect = Optional.empty();
    static Optional<ExternalClient> node = Optional.empty();
    static Optional<ExternalClient> python = Optional.empty();
    static final Map<String, Map<String, String>> MATRIX = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        work = Path.of("target/interop-database");
        Files.createDirectories(work);
        if (NodeInstaller.onPath("node") && NodeInstaller.onPath("npm")) {
            Path modules = NodeInstaller.ensure(Path.of(System.getProperty("orathin.node.prefix", "target/node")),
                    System.getProperty("node.oracledb.version", "26.0.0"));
            node = ExternalClient.node(modules, work).map(c -> c.withScript("scenarios.js"));
            nodeConnect = ExternalClient.node(modules, work.resolve("connect"));
        }
        python = ExternalClient.python(System.getProperty("orathin.python", "/usr/bin/python3"), work).map(c -> c.withScript("scenarios.py"));
        server = OracleTestServer.builder().tcps().service("demo_high").readTimeout(Duration.ofMinutes(3))
                .database(accounts(TestDatabase.builder().user(USER, PASSWORD)).build()).build().start();
        configDir = server.writeClientConfig(work.resolve("config"), WALLET_PW);
        fastDb = TestDatabase.builder().user(USER, PASSWORD).build();
        fastServer = OracleTestServer.builder().tcps().service("demo_high").fastAuth(true).database(fastDb).build().start();
        fastConfigDir = fastServer.writeClientConfig(work.resolve("config-fast"), WALLET_PW);
        pythonConnect = ExternalClient.python(System.getProperty("orathin.python", "/usr/bin/python3"), work.resolve("connect"));
    }

    /**
     * Logs in to the server offering FAST_AUTH and runs {@code select 1 from dual}; the cell says
     * whether the client took the one-round-trip path (the server counts FAST_AUTH requests).
     */
    static synchronized String fastAuth(java.util.function.BooleanSupplier login) {
        long before = fastDb.fastAuthRequests();
        boolean ok = login.getAsBoolean();
        boolean used = fastDb.fastAuthRequests() > before;
        return ok ? "✅ " + (used ? "used it" : "did not use it") : "❌ login failed with FAST_AUTH offered";
    }

    static TestDatabase.Builder accounts(TestDatabase.Builder b) {
        b.user11g("old", "Old#2026").lockedUser("locked", "Lk#2026").user("app", "App#2026").user("proxy", "Proxy#2026").proxy("proxy", "app");
        CLIENT_TAGS.forEach(t -> b.expiredUser("exp_" + t, "Exp#2026"));
        return b;
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (fastServer != null) {
            fastServer.close();
        }
        StringBuilder md = new StringBuilder("# Interop matrix: the testkit database and Oracle's clients\n\n");
        md.append("Each cell: ✅ passed, ❌ failed (code), ⚠️ known gap. Written by `DatabaseInteropIT`.\n\n| scenario |");
        MATRIX.keySet().forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|").append("---|".repeat(MATRIX.size())).append('\n');
        for (String s : SCENARIOS) {
            md.append("| ").append(s).append(" |");
            MATRIX.values().forEach(col -> md.append(' ').append(col.getOrDefault(s, "–")).append(" |"));
            md.append('\n');
        }
        md.append("\nKnown gaps:").append(KNOWN_GAPS.isEmpty() ? " none.\n" : "\n");
        KNOWN_GAPS.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        Files.writeString(Path.of("target/interop-matrix.md"), md);
    }

    @Test
    void ojdbc11() {
        Properties p = new Properties();
        p.put("user", USER);
        p.put("password", PASSWORD);
        p.put("oracle.net.tns_admin", configDir.toString());
        p.put("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + configDir + ")))");
        p.put("oracle.net.CONNECT_TIMEOUT", "20000");
        p.put("oracle.jdbc.ReadTimeout", "120000");
        Map<String, String> cells = new LinkedHashMap<>();
        OjdbcScenarios.run("jdbc:oracle:thin:@demo_high", p, "ojdbc").forEach((k, v) -> cells.put(k, cell(v.ok(), v.code(), v.detail())));
        p.put("password", "wrong");
        try {
            java.sql.DriverManager.getConnection("jdbc:oracle:thin:@demo_high", p).close();
            cells.put("wrong_password", cell(false, null, "logged in with a wrong password"));
        } catch (java.sql.SQLException e) {
            cells.put("wrong_password", cell(e.getErrorCode() == 1017, String.format("ORA-%05d", e.getErrorCode()), e.getMessage()));
        }
        cells.putAll(ojdbcAccounts());
        cells.put("fast_auth_offered", fastAuth(() -> {
            Properties f = new Properties();
            f.put("user", USER);
            f.put("password", PASSWORD);
            f.put("oracle.net.tns_admin", fastConfigDir.toString());
            f.put("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + fastConfigDir + ")))");
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:oracle:thin:@demo_high", f);
                    java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("select 1 from dual")) {
                return rs.next() && rs.getInt(1) == 1;
            } catch (java.sql.SQLException e) {
                return false;
            }
        }));
        check("ojdbc11", cells);
    }

    private static Map<String, String> ojdbcAccounts() {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("verifier_11g", ojdbcLogin("old", "Old#2026", null, 0));
        cells.put("locked_account", ojdbcLogin("locked", "Lk#2026", null, 28000));
        cells.put("expired_password", ojdbcLogin("exp_ojdbc", "Exp#2026", null, 28001));
        cells.put("password_change", ojdbcLogin("exp_ojdbc", "Exp#2026", "New#2026", 0));
        cells.put("proxy_user", ojdbcLogin("proxy[app]", "Proxy#2026", null, 0));
        return cells;
    }

    private static String ojdbcLogin(String user, String password, String newPassword, int expectedOra) {
        Properties p = new Properties();
        p.put("user", user);
        p.put("password", password);
        if (newPassword != null) {
            p.put("oracle.jdbc.newPassword", newPassword);
        }
        p.put("oracle.net.tns_admin", configDir.toString());
        p.put("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + configDir + ")))");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:oracle:thin:@demo_high", p);
                java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("select 1 from dual")) {
            rs.next();
            return cell(expectedOra == 0, null, expectedOra == 0 ? null : "logged in; expected ORA-" + expectedOra);
        } catch (java.sql.SQLException e) {
            return cell(e.getErrorCode() == expectedOra && expectedOra != 0, String.format("ORA-%05d", e.getErrorCode()), e.getMessage());
        }
    }

    @Test
    void orathin() {
        Map<String, String> cells = new LinkedHashMap<>();
        OrathinScenarios.run(OrathinScenarios.seedFlow(configDir, "demo_high", USER, PASSWORD, WALLET_PW), "orathin")
                .forEach((k, v) -> cells.put(k, cell(v.ok(), v.code(), v.detail())));
        try {
            OrathinScenarios.seedFlow(configDir, "demo_high", USER, "wrong", WALLET_PW).get().close();
            cells.put("wrong_password", cell(false, null, "logged in with a wrong password"));
        } catch (dev.orathin.errors.OrathinException e) {
            OjdbcScenarios.Outcome o = OrathinScenarios.error(e);
            cells.put("wrong_password", cell("ORA-01017".equals(o.code()), o.code(), o.detail()));
        }
        cells.put("verifier_11g", orathinLogin("old", "Old#2026", null, null));
        cells.put("locked_account", orathinLogin("locked", "Lk#2026", null, "ORA-28000"));
        cells.put("expired_password", orathinLogin("exp_orathin", "Exp#2026", null, "ORA-28001"));
        cells.put("password_change", orathinLogin("exp_orathin", "Exp#2026", "New#2026", null));
        cells.put("proxy_user", orathinLogin("proxy[app]", "Proxy#2026", null, null));
        cells.put("fast_auth_offered", fastAuth(() -> {
            try (dev.orathin.OracleConnection c = OrathinScenarios.seedFlow(fastConfigDir, "demo_high", USER, PASSWORD, WALLET_PW).get();
                    dev.orathin.Cursor cur = c.execute("select 1 from dual")) {
                return cur.next() && cur.getLong(1) == 1;
            } catch (dev.orathin.errors.OrathinException e) {
                return false;
            }
        }));
        check("orathin", cells);
    }

    private static String orathinLogin(String user, String password, String newPassword, String expectedCode) {
        dev.orathin.ConnectParams.Builder b = dev.orathin.ConnectParams.builder().configDir(configDir).dsn("demo_high").user(user)
                .password(password.toCharArray()).walletLocation(configDir.toString()).walletPassword(WALLET_PW);
        if (newPassword != null) {
            b.newPassword(newPassword.toCharArray());
        }
        try (dev.orathin.OracleConnection c = dev.orathin.Orathin.connect(b.build()); dev.orathin.Cursor cur = c.execute("select 1 from dual")) {
            cur.next();
            return cell(expectedCode == null, null, expectedCode == null ? null : "logged in; expected " + expectedCode);
        } catch (dev.orathin.errors.OrathinException e) {
            OjdbcScenarios.Outcome o = OrathinScenarios.error(e);
            return cell(expectedCode != null && expectedCode.equals(o.code()), o.code(), o.detail());
        }
    }

    @Test
    void pythonOracledb() {
        org.junit.jupiter.api.Assumptions.assumeTrue(python.isPresent(), "python-oracledb is not importable by " + System.getProperty("orathin.python"));
        String opts = "\"user\":\"" + USER + "\",\"dsn\":\"demo_high\",\"config_dir\":" + ExternalClient.quote(configDir.toString())
                + ",\"wallet_location\":" + ExternalClient.quote(configDir.toString()) + ",\"wallet_password\":\"" + new String(WALLET_PW) + "\"";
        Map<String, String> cells = external(python.get(), opts + ",\"password\":\"" + PASSWORD + "\",\"tag\":\"py\"",
                opts + ",\"password\":\"wrong\",\"tag\":\"pyx\"");
        cells.put("fast_auth_offered", externalFastAuth(pythonConnect.get(), opts));
        check("python-oracledb", cells);
    }

    @Test
    void nodeOracledb() {
        org.junit.jupiter.api.Assumptions.assumeTrue(node.isPresent(), "node-oracledb is not available (node/npm missing)");
        String opts = "\"user\":\"" + USER + "\",\"connectString\":\"demo_high\",\"configDir\":" + ExternalClient.quote(configDir.toString())
                + ",\"walletLocation\":" + ExternalClient.quote(configDir.toString()) + ",\"walletPassword\":\"" + new String(WALLET_PW) + "\"";
        Map<String, String> cells = external(node.get(), opts + ",\"password\":\"" + PASSWORD + "\",\"tag\":\"js\"",
                opts + ",\"password\":\"wrong\",\"tag\":\"jsx\"");
        cells.put("fast_auth_offered", externalFastAuth(nodeConnect.get(), opts));
        check("node-oracledb", cells);
    }

    /** The client's connect script against the FAST_AUTH server: the same options with its config directory. */
    private static String externalFastAuth(ExternalClient client, String opts) {
        String fast = opts.replace(ExternalClient.quote(configDir.toString()), ExternalClient.quote(fastConfigDir.toString()));
        return fastAuth(() -> client.run("{" + fast + ",\"password\":\"" + PASSWORD + "\",\"sql\":\"select 1 from dual\"}",
                Duration.ofMinutes(2)).ok());
    }

    private static final Pattern RESULT = Pattern.compile("\"(\\w+)\":\\s*\\{\"ok\":\\s*(true|false)(?:,\\s*\"code\":\\s*\"([^\"]*)\")?(?:,\\s*\"detail\":\\s*(null|\"((?:[^\"\\\\]|\\\\.)*)\"))?");

    private static Map<String, String> external(ExternalClient client, String good, String bad) {
        Map<String, String> cells = new LinkedHashMap<>();
        ExternalClient.Result r = client.run("{" + good + "}", Duration.ofMinutes(5));
        if (!r.ok()) {
            cells.put("login", cell(false, r.code().orElse("?"), r.json()));
        }
        Matcher m = RESULT.matcher(r.json());
        while (m.find()) {
            cells.put(m.group(1), cell(Boolean.parseBoolean(m.group(2)), m.group(3), m.group(5)));
        }
        ExternalClient.Result w = client.run("{" + bad + "}", Duration.ofMinutes(2));
        cells.put("wrong_password", cell("ORA-01017".equals(w.code().orElse(null)), w.code().orElse("?"), w.json()));
        ExternalClient.Result a = client.run("{" + good + ",\"accounts\":true}", Duration.ofMinutes(3));
        Matcher am = RESULT.matcher(a.json());
        while (am.find()) {
            cells.put(am.group(1), cell(Boolean.parseBoolean(am.group(2)), am.group(3), am.group(5)));
        }
        return cells;
    }

    private static String cell(boolean ok, String code, String detail) {
        if (ok) {
            return "✅";
        }
        return "❌ " + (code != null ? code : "") + (detail != null ? " " + detail.replace('|', '/').replace('\n', ' ') : "");
    }

    private static void check(String client, Map<String, String> cells) {
        MATRIX.put(client, cells);
        List<String> failures = new ArrayList<>();
        for (String s : SCENARIOS) {
            String cell = cells.getOrDefault(s, "❌ not run");
            String gap = KNOWN_GAPS.get(client + "/" + s);
            if (gap != null) {
                assertTrue(cell.startsWith("❌"), client + "/" + s + " passes now: remove it from KNOWN_GAPS");
                cells.put(s, "⚠️ known gap");
            } else if (!cell.startsWith("✅")) {
                failures.add(s + ": " + cell);
            }
        }
        assertEquals(List.of(), failures, client + " against the testkit database");
    }

    static Set<String> scenarios() {
        return Set.copyOf(SCENARIOS);
    }
}
