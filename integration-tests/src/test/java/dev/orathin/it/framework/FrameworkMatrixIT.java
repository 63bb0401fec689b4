package dev.orathin.it.framework;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java frameworks on both drivers: each scenario of {@link FrameworkScenarios} runs once on
 * ojdbc11 and once on orathin, each driver against its own testkit database through the ADB
 * mTLS flow (generated wallet) and a HikariCP pool, and the outcome goes to
 * {@code target/framework-matrix.md}. A scenario failing on both drivers shows something the
 * testkit cannot serve; one that passes on ojdbc11 and fails on orathin is an orathin bug and
 * fails this test.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FrameworkMatrixIT {

    static final char[] WALLET_PW = "Welcome1#Wallet".toCharArray();

    @FunctionalInterface
    interface Scenario {
        void run(DataSource ds) throws Exception;
    }

    static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("Spring JdbcTemplate / NamedParameterJdbcTemplate / TransactionTemplate rollback + nested savepoint",
                FrameworkScenarios::springJdbc);
        SCENARIOS.put("Spring SimpleJdbcInsert (table metadata, generated identity key)", FrameworkScenarios::springSimpleJdbcInsert);
        SCENARIOS.put("Flyway 13 + flyway-database-oracle: migrate V1..V3 (V3 PL/SQL), info, validate, repair", FrameworkScenarios::flyway);
        SCENARIOS.put("MyBatis 3.5 mapper CRUD", FrameworkScenarios::myBatis);
        SCENARIOS.put("jOOQ 3.19 OSS (SQLDialect.DEFAULT, plain SQL: execute, fetch, batch)", FrameworkScenarios::jooq);
    }

    static HikariDataSource pool(String driver, Path dir) {
        HikariConfig cfg = new HikariConfig();
        cfg.setUsername("app");
        cfg.setPassword("App#2026");
        if (driver.equals("ojdbc11")) {
            cfg.setJdbcUrl("jdbc:oracle:thin:@shop_high");
            cfg.setDriverClassName("oracle.jdbc.OracleDriver");
            cfg.addDataSourceProperty("oracle.net.tns_admin", dir.toString());
            cfg.addDataSourceProperty("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + dir + ")))");
        } else {
            cfg.setJdbcUrl("jdbc:orathin:@shop_high?TNS_ADMIN=" + dir);
            cfg.addDataSourceProperty("wallet_location", dir.toString());
            cfg.addDataSourceProperty("wallet_password", new String(WALLET_PW));
        }
        cfg.setMaximumPoolSize(2);
        cfg.setConnectionTimeout(20_000);
        return new HikariDataSource(cfg);
    }

    /** Runs every scenario on one driver, each on a fresh testkit database; returns scenario → null (pass) or the error. */
    static Map<String, String> runAll(String driver, Path tmp) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Scenario> s : SCENARIOS.entrySet()) {
            Path dir = Files.createTempDirectory(tmp, driver);
            TestDatabase db = TestDatabase.builder().user("app", "App#2026").build();
            try (OracleTestServer server = OracleTestServer.builder().tcps().service("shop_high").database(db).build().start()) {
                server.writeClientConfig(dir, WALLET_PW);
                try (HikariDataSource ds = pool(driver, dir)) {
                    s.getValue().run(ds);
                    out.put(s.getKey(), null);
                } catch (Throwable e) {
                    out.put(s.getKey(), describe(e));
                }
            } finally {
                db.close();
            }
        }
        return out;
    }

    /** The failure as one line: its class and message, and the innermost cause's. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String first = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        String last = root == e ? "" : " — cause " + root.getClass().getSimpleName() + ": "
                + String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        String s = (first + last).replace("|", "\\|");
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    @Test
    void frameworksRunOnOrathinWhereverTheyRunOnOjdbc11(@TempDir Path tmp) throws IOException {
        Map<String, String> ojdbc = runAll("ojdbc11", tmp);
        Map<String, String> orathin = runAll("orathin", tmp);
        StringBuilder md = new StringBuilder("# Framework matrix\n\nEach scenario on each driver against the testkit (ADB mTLS flow, HikariCP);"
                + " generated by `FrameworkMatrixIT`.\n\n| scenario | ojdbc11 | orathin |\n|---|---|---|\n");
        List<String> bugs = new ArrayList<>();
        for (String s : SCENARIOS.keySet()) {
            md.append("| ").append(s).append(" | ").append(cell(ojdbc.get(s))).append(" | ").append(cell(orathin.get(s))).append(" |\n");
            if (ojdbc.get(s) == null && orathin.get(s) != null) {
                bugs.add(s + ": " + orathin.get(s));
            }
        }
        md.append("| Hibernate ORM 7 | not run | not run |\n\nHibernate ORM is not in this suite yet (see jdbc/README.md).\n");
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("framework-matrix.md"), md.toString());
        System.out.println(md);
        assertTrue(bugs.isEmpty(), "passes on ojdbc11, fails on orathin: " + bugs);
    }

    private static String cell(String error) {
        return error == null ? "✅ pass" : "❌ " + error;
    }
}
