package dev.orathin.it.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orathin.OracleConnection;
import dev.orathin.OracleDatabaseException;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import dev.orathin.it.ExternalClient;
import dev.orathin.it.NodeInstaller;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.Profile;
import dev.orathin.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The testkit's server profiles against all four clients: ojdbc11 and orathin in-process,
 * node-oracledb thin and python-oracledb thin as scripts, through the generated wallet and config
 * dir. One representative scenario set per profile (login with the profile's version, DML + commit +
 * query, 2,000 rows, ORA-00942 then still usable, a login carrying the ORA-28002 warning), and the
 * AUTONOMOUS profile once more with server messages split across packets at random boundaries.
 * The outcome is written to {@code target/interop-matrix-profiles.md}; a profile an Oracle client
 * rejects is a wrong profile.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ProfileInteropIT {

    static final char[] WALLET_PW = "Welcome1#Wallet".toCharArray();
    static final String USER = "scott", PASSWORD = "Tiger#2026", WARN_USER = "warn", WARN_PASSWORD = "Warn#2026";
    static final List<String> SCENARIOS = List.of("login", "dml_commit_query", "fetch_2000", "query_error", "password_warning");
    static final String DSN = "demo_high";
    /**
     * Cells a client is known to fail, with the reason; the test fails if one starts passing. None:
     * every client passes every profile.
     */
    static final Map<String, String> KNOWN_GAPS = Map.of();

    /** A server set-up of the matrix: a profile, optionally with the split-messages fault. */
    enum Setup {
        ORACLE_19C(Profile.ORACLE_19C, false, "19"),
        ORACLE_23AI(Profile.ORACLE_23AI, false, "23"),
        AUTONOMOUS(Profile.AUTONOMOUS, false, "23"),
        AUTONOMOUS_SPLIT(Profile.AUTONOMOUS, true, "23");

        final Profile profile;
        final boolean split;
        final String major;

        Setup(Profile profile, boolean split, String major) {
            this.profile = profile;
            this.split = split;
            this.major = major;
        }

        String label() {
            return profile + (split ? " + split messages (seed 15)" : "");
        }
    }

    static final Map<Setup, OracleTestServer> SERVERS = new EnumMap<>(Setup.class);
    static final Map<Setup, Path> CONFIGS = new EnumMap<>(Setup.class);
    static final Map<Setup, Map<String, Map<String, String>>> MATRIX = new EnumMap<>(Setup.class);
    static Optional<ExternalClient> node = Optional.empty();
    static Optional<ExternalClient> python = Optional.empty();

    @BeforeAll
    static void start() throws Exception {
        Path work = Path.of("target/interop-profiles");
        Files.createDirectories(work);
        for (Setup s : Setup.values()) {
            OracleTestServer.Builder b = OracleTestServer.builder().profile(s.profile).service(DSN).readTimeout(Duration.ofMinutes(3))
                    .database(TestDatabase.builder().user(USER, PASSWORD).expiringUser(WARN_USER, WARN_PASSWORD).build());
            if (!s.profile.autonomous()) {
                b.tcps().adbHandoff(false); // an on-premises server with TCPS: no ADB listener hand-off
            }
            if (s.split) {
                b.splitMessages(15);
            }
            OracleTestServer server = b.build().start();
            SERVERS.put(s, server);
            CONFIGS.put(s, server.writeClientConfig(work.resolve(s.name().toLowerCase()), WALLET_PW));
        }
        if (NodeInstaller.onPath("node") && NodeInstaller.onPath("npm")) {
            Path modules = NodeInstaller.ensure(Path.of(System.getProperty("orathin.node.prefix", "target/node")),
                    System.getProperty("node.oracledb.version", "26.0.0"));
            node = ExternalClient.node(modules, work).map(c -> c.withScript("profile.js"));
        }
        python = ExternalClient.python(System.getProperty("orathin.python", "/usr/bin/python3"), work).map(c -> c.withScript("profile.py"));
    }

    @AfterAll
    static void stop() throws IOException {
        SERVERS.values().forEach(OracleTestServer::close);
        StringBuilder md = new StringBuilder("# Interop matrix: testkit server profiles and Oracle's clients\n\n");
        md.append("Each cell: ✅ passed, ❌ failed (code). Written by `ProfileInteropIT`.\n");
        for (Map.Entry<Setup, Map<String, Map<String, String>>> e : MATRIX.entrySet()) {
            md.append("\n## ").append(e.getKey().label()).append("\n\n| scenario |");
            List<String> clients = List.of("ojdbc11", "orathin", "node-oracledb", "python-oracledb");
            clients.forEach(c -> md.append(' ').append(c).append(" |"));
            md.append("\n|---|").append("---|".repeat(clients.size())).append('\n');
            for (String sc : SCENARIOS) {
                md.append("| ").append(sc).append(" |");
                clients.forEach(c -> md.append(' ').append(e.getValue().getOrDefault(c, Map.of()).getOrDefault(sc, "–")).append(" |"));
                md.append('\n');
            }
        }
        md.append("\nKnown gaps:\n");
        KNOWN_GAPS.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        Files.writeString(Path.of("target/interop-matrix-profiles.md"), md);
    }

    @Test
    void ojdbc11() {
        for (Setup s : Setup.values()) {
            Map<String, String> cells = new LinkedHashMap<>();
            Properties p = ojdbcProperties(s, USER, PASSWORD);
            try (Connection c = DriverManager.getConnection("jdbc:oracle:thin:@" + DSN, p)) {
                int major = c.getMetaData().getDatabaseMajorVersion();
                cells.put("login", cell(String.valueOf(major).equals(s.major), null, "server major version " + major));
                cells.put("dml_commit_query", ojdbc(() -> InteropScenarios.ojdbcDml(c, "oj_" + s.ordinal())));
                cells.put("fetch_2000", ojdbc(() -> InteropScenarios.ojdbcFetch(c)));
                cells.put("query_error", ojdbc(() -> InteropScenarios.ojdbcError(c)));
            } catch (SQLException e) {
                cells.put("login", cell(false, String.format("ORA-%05d", e.getErrorCode()), e.getMessage()));
            }
            try (Connection c = DriverManager.getConnection("jdbc:oracle:thin:@" + DSN, ojdbcProperties(s, WARN_USER, WARN_PASSWORD))) {
                SQLWarning w = c.getWarnings();
                cells.put("password_warning", cell(w != null && w.getErrorCode() == 28002, null, "warning " + w));
            } catch (SQLException e) {
                cells.put("password_warning", cell(false, String.format("ORA-%05d", e.getErrorCode()), e.getMessage()));
            }
            record(s, "ojdbc11", cells);
        }
        check("ojdbc11");
    }

    private static Properties ojdbcProperties(Setup s, String user, String password) {
        Properties p = new Properties();
        p.put("user", user);
        p.put("password", password);
        p.put("oracle.net.tns_admin", CONFIGS.get(s).toString());
        p.put("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + CONFIGS.get(s) + ")))");
        p.put("oracle.net.CONNECT_TIMEOUT", "20000");
        p.put("oracle.jdbc.ReadTimeout", "120000");
        return p;
    }

    @FunctionalInterface
    private interface SqlBody {
        String run() throws SQLException;
    }

    private static String ojdbc(SqlBody body) {
        try {
            String detail = body.run();
            return cell(detail == null, null, detail);
        } catch (SQLException e) {
            return cell(false, String.format("ORA-%05d", e.getErrorCode()), e.getMessage());
        }
    }

    @Test
    void orathin() {
        for (Setup s : Setup.values()) {
            Map<String, String> cells = new LinkedHashMap<>();
            Path dir = CONFIGS.get(s);
            try (OracleConnection c = Orathin.connect(dir, DSN, USER, PASSWORD.toCharArray(), dir.toString(), WALLET_PW.clone())) {
                String major = c.serverVersion().split("\\.")[0];
                cells.put("login", cell(major.equals(s.major), null, "server version " + c.serverVersion()));
                cells.put("dml_commit_query", orathin(() -> InteropScenarios.orathinDml(c, "ot_" + s.ordinal())));
                cells.put("fetch_2000", orathin(() -> InteropScenarios.orathinFetch(c)));
                cells.put("query_error", orathin(() -> InteropScenarios.orathinError(c)));
            } catch (OrathinException e) {
                cells.put("login", cell(false, e.code(), e.getMessage()));
            }
            try (OracleConnection c = Orathin.connect(dir, DSN, WARN_USER, WARN_PASSWORD.toCharArray(), dir.toString(), WALLET_PW.clone())) {
                String w = c.loginWarning().map(x -> x.code()).orElse("none");
                cells.put("password_warning", cell(w.equals("ORA-28002"), null, "warning " + w));
            } catch (OrathinException e) {
                cells.put("password_warning", cell(false, e.code(), e.getMessage()));
            }
            record(s, "orathin", cells);
        }
        check("orathin");
    }

    private static String orathin(java.util.function.Supplier<String> body) {
        try {
            String detail = body.get();
            return cell(detail == null, null, detail);
        } catch (OrathinException e) {
            String code = e instanceof OracleDatabaseException o ? String.format("ORA-%05d", o.oraCode()) : e.code();
            return cell(false, code, e.getMessage());
        }
    }

    @Test
    void pythonOracledb() {
        org.junit.jupiter.api.Assumptions.assumeTrue(python.isPresent(), "python-oracledb is not importable");
        for (Setup s : Setup.values()) {
            String dir = ExternalClient.quote(CONFIGS.get(s).toString());
            String opts = "{\"user\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\",\"dsn\":\"" + DSN + "\",\"config_dir\":" + dir
                    + ",\"wallet_location\":" + dir + ",\"wallet_password\":\"" + new String(WALLET_PW) + "\",\"tag\":\"py"
                    + s.ordinal() + "\",\"version\":\"" + s.major + "\",\"warn_user\":\"" + WARN_USER + "\",\"warn_password\":\""
                    + WARN_PASSWORD + "\"}";
            record(s, "python-oracledb", external(python.get(), opts));
        }
        check("python-oracledb");
    }

    @Test
    void nodeOracledb() {
        org.junit.jupiter.api.Assumptions.assumeTrue(node.isPresent(), "node-oracledb is not available (node/npm missing)");
        for (Setup s : Setup.values()) {
            String dir = ExternalClient.quote(CONFIGS.get(s).toString());
            String opts = "{\"user\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\",\"connectString\":\"" + DSN + "\",\"configDir\":"
                    + dir + ",\"walletLocation\":" + dir + ",\"walletPassword\":\"" + new String(WALLET_PW) + "\",\"tag\":\"js"
                    + s.ordinal() + "\",\"version\":\"" + s.major + "\",\"warnUser\":\"" + WARN_USER + "\",\"warnPassword\":\""
                    + WARN_PASSWORD + "\"}";
            record(s, "node-oracledb", external(node.get(), opts));
        }
        check("node-oracledb");
    }

    private static final Pattern RESULT = Pattern.compile(
            "\"(\\w+)\":\\s*\\{\"ok\":\\s*(true|false)(?:,\\s*\"code\":\\s*\"([^\"]*)\")?(?:,\\s*\"detail\":\\s*(null|\"((?:[^\"\\\\]|\\\\.)*)\"))?");

    private static Map<String, String> external(ExternalClient client, String opts) {
        Map<String, String> cells = new LinkedHashMap<>();
        ExternalClient.Result r = client.run(opts, Duration.ofMinutes(3));
        if (!r.ok()) {
            cells.put("login", cell(false, r.code().orElse("?"), r.json()));
        }
        Matcher m = RESULT.matcher(r.json());
        while (m.find()) {
            cells.put(m.group(1), cell(Boolean.parseBoolean(m.group(2)), m.group(3), m.group(5)));
        }
        return cells;
    }

    private static String cell(boolean ok, String code, String detail) {
        if (ok) {
            return "✅";
        }
        return "❌ " + (code != null ? code + " " : "") + (detail != null ? detail.replace('|', '/').replace('\n', ' ') : "");
    }

    private static synchronized void record(Setup s, String client, Map<String, String> cells) {
        MATRIX.computeIfAbsent(s, k -> new java.util.concurrent.ConcurrentHashMap<>()).put(client, new LinkedHashMap<>(cells));
    }

    private static void check(String client) {
        List<String> failures = new ArrayList<>();
        for (Setup s : Setup.values()) {
            Map<String, String> cells = MATRIX.getOrDefault(s, Map.of()).getOrDefault(client, new LinkedHashMap<>());
            for (String sc : SCENARIOS) {
                String cell = cells.getOrDefault(sc, "❌ not run");
                String gap = KNOWN_GAPS.get(client + "/" + sc);
                if (gap != null) {
                    if (cell.startsWith("✅")) {
                        failures.add(s + "/" + sc + " passes now: remove it from KNOWN_GAPS");
                    } else {
                        cells.put(sc, "⚠️ known gap");
                    }
                } else if (!cell.startsWith("✅")) {
                    failures.add(s + "/" + sc + ": " + cell);
                }
            }
        }
        assertEquals(List.of(), failures, client + " against the testkit profiles");
    }
}
