package dev.orathin.it.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orathin.OracleConnection;
import dev.orathin.jdbc.OrathinDataSource;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The driver as Spring Boot services use it: {@link JdbcTemplate} over a HikariCP pool, against
 * the testkit through the ADB mTLS flow. Issue #21: client-side mistakes must not evict healthy
 * connections, and the pool's connectionTimeout must bound a connect.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SpringHikariIT {

    static final char[] WALLET_PW = "Welcome1#Wallet".toCharArray();
    static OracleTestServer server;
    static TestDatabase db;
    static Path dir;

    @BeforeAll
    static void start(@TempDir Path tmp) {
        db = TestDatabase.builder().user("app", "App#2026").build();
        db.run("create table prices (id number(10) primary key, x number)");
        server = OracleTestServer.builder().tcps().service("shop_high").database(db).build().start();
        dir = server.writeClientConfig(tmp, WALLET_PW);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HikariDataSource pool() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:orathin:@shop_high?TNS_ADMIN=" + dir);
        cfg.setUsername("app");
        cfg.setPassword("App#2026");
        cfg.addDataSourceProperty("wallet_location", dir.toString());
        cfg.addDataSourceProperty("wallet_password", new String(WALLET_PW));
        cfg.setMaximumPoolSize(1);
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(10_000);
        return new HikariDataSource(cfg);
    }

    private static OracleConnection physical(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return c.unwrap(OracleConnection.class);
        }
    }

    @Test
    void batchUpdateMixingDoubleAndIntegerKeepsTheConnectionAndAvgReadsAsInteger() throws SQLException {
        try (HikariDataSource pool = pool()) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            OracleConnection before = physical(pool);
            int[] counts = jdbc.batchUpdate("insert into prices (id, x) values (?, ?)", List.of(new Object[] {1, 10.5},
                    new Object[] {2, 20}));
            assertArrayEquals(new int[] {1, 1}, counts);
            assertEquals(Integer.valueOf(15), jdbc.queryForObject("select avg(x) from prices", Integer.class), "15.25 truncated, as ojdbc");
            assertEquals(1, pool.getHikariPoolMXBean().getTotalConnections());
            assertSame(before, physical(pool), "the same physical connection: nothing was evicted");
            jdbc.update("delete from prices");
        }
    }

    @Test
    void aBindMistakeIsANonConnectionSqlStateAndTheConnectionStays() throws SQLException {
        try (HikariDataSource pool = pool()) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            OracleConnection before = physical(pool);
            DataAccessException e = assertThrows(DataAccessException.class, () -> jdbc.update("insert into prices (id, x) values (?, ?)",
                    3, new Object()));
            SQLException sql = assertInstanceOf(SQLException.class, e.getCause());
            assertFalse(sql.getSQLState().startsWith("08"), sql.getSQLState() + ": " + sql.getMessage());
            assertSame(before, physical(pool), "HikariCP kept the healthy connection");
            assertEquals(1, pool.getHikariPoolMXBean().getTotalConnections());
            assertEquals(Integer.valueOf(1), jdbc.queryForObject("select 1 from dual", Integer.class));
        }
    }

    private static String blackHoleUrl(ServerSocket blackHole) {
        return "jdbc:orathin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=127.0.0.1)(PORT=" + blackHole.getLocalPort()
                + "))(CONNECT_DATA=(SERVICE_NAME=nothing)))";
    }

    /** A listener that accepts TCP (the kernel backlog) and never answers: before, a pool with connectionTimeout=5s blocked 62 s. */
    @Test
    void hikariConnectionTimeoutBoundsAConnectToAListenerThatNeverAnswers() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HikariConfig cfg = new HikariConfig();
            cfg.setJdbcUrl(blackHoleUrl(blackHole));
            cfg.setUsername("app");
            cfg.setPassword("App#2026");
            cfg.setConnectionTimeout(2_000);
            cfg.setInitializationFailTimeout(-1); // start the pool without a connection; getConnection then waits
            long t0 = System.nanoTime();
            try (HikariDataSource pool = new HikariDataSource(cfg)) {
                assertThrows(SQLTransientConnectionException.class, pool::getConnection);
            } finally {
                DriverManager.setLoginTimeout(0); // HikariCP's DriverDataSource set the JVM-wide value
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
            assertTrue(seconds < 30, "bounded by connectionTimeout (2 s) plus slack, took " + seconds + " s");
        }
    }

    @Test
    void driverManagerAndDataSourceLoginTimeoutsBoundTheConnect() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long t0 = System.nanoTime();
            DriverManager.setLoginTimeout(2);
            try {
                SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(blackHoleUrl(blackHole), "app", "pw"));
                assertInstanceOf(SQLTransientConnectionException.class, e, e.toString());
            } finally {
                DriverManager.setLoginTimeout(0);
            }
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) < 30, "DriverManager.getLoginTimeout() bounds the connect");
            OrathinDataSource ds = new OrathinDataSource();
            ds.setUrl(blackHoleUrl(blackHole));
            ds.setUser("app");
            ds.setPassword("pw");
            ds.setLoginTimeout(2);
            long t1 = System.nanoTime();
            assertThrows(SQLTransientConnectionException.class, ds::getConnection);
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t1) < 30, "DataSource.setLoginTimeout bounds the connect");
        }
    }

    /**
     * The README's pool recipe (issue #21: HikariCP + unwrap instead of a core-API pool): an
     * OrathinDataSource with a call listener inside HikariCP, the core API on the unwrapped pooled
     * session, the handle's close returning it to the pool, the listener seeing the calls.
     */
    @Test
    void theReadmePoolRecipeUnwrapsAPooledSessionAndReportsItsCalls() throws SQLException {
        List<dev.orathin.CallEvent> calls = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        OrathinDataSource ds = new OrathinDataSource();
        ds.setUrl("jdbc:orathin:@shop_high?TNS_ADMIN=" + dir);
        ds.setUser("app");
        ds.setPassword("App#2026");
        ds.setWalletLocation(dir.toString());
        ds.setWalletPassword(new String(WALLET_PW));
        ds.setCallListener(calls::add);
        HikariConfig cfg = new HikariConfig();
        cfg.setDataSource(ds);
        cfg.setMaximumPoolSize(1);
        cfg.setConnectionTimeout(5_000);
        try (HikariDataSource pool = new HikariDataSource(cfg)) {
            OracleConnection first;
            try (Connection jc = pool.getConnection()) {
                first = jc.unwrap(OracleConnection.class);
                try (dev.orathin.Cursor cur = first.execute("select :1 + 1 from dual", 41)) {
                    assertTrue(cur.next());
                    assertEquals(42, cur.getInt(1));
                }
            }
            assertEquals(1, pool.getHikariPoolMXBean().getIdleConnections(), "closing the handle returned the session");
            try (Connection jc = pool.getConnection()) {
                assertSame(first, jc.unwrap(OracleConnection.class), "the same pooled session on the next borrow");
            }
            assertTrue(calls.stream().anyMatch(e -> e.operation().equals("SELECT") && e.succeeded()), calls.toString());
        }
    }
}
