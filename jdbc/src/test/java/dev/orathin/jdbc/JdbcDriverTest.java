package dev.orathin.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC driver against the testkit through the ADB mTLS flow (TCPS, wallet, listener hand-off). */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JdbcDriverTest {

    static final char[] WALLET_PW = "Welcome1#Wallet".toCharArray();
    static OracleTestServer server;
    static TestDatabase db;
    static Path dir;

    @BeforeAll
    static void start(@TempDir Path tmp) {
        db = TestDatabase.builder().user("app", "App#2026").expiringUser("soon", "Soon#2026").build();
        db.run("create table items (id number(10) primary key, name varchar2(40) not null, price number(10,2), created timestamp(6))");
        server = OracleTestServer.builder().tcps().service("shop_high").database(db).build().start();
        dir = server.writeClientConfig(tmp, WALLET_PW);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String url() {
        return "jdbc:orathin:@shop_high?TNS_ADMIN=" + dir;
    }

    static Properties props() {
        Properties p = new Properties();
        p.setProperty("user", "app");
        p.setProperty("password", "App#2026");
        p.setProperty("oracle.net.wallet_location", dir.toString());
        p.setProperty("oracle.net.wallet_password", new String(WALLET_PW));
        return p;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), props());
    }

    /** ORA-28002 in the login reply is a SQLWarning on the connection (as ojdbc reports it), cleared by clearWarnings. */
    @Test
    void loginWarningIsASqlWarning() throws SQLException {
        try (Connection c = connect()) {
            assertNull(c.getWarnings(), "no warning for a normal account");
        }
        Properties p = props();
        p.setProperty("user", "soon");
        p.setProperty("password", "Soon#2026");
        try (Connection c = DriverManager.getConnection(url(), p)) {
            java.sql.SQLWarning w = c.getWarnings();
            assertEquals(28002, w.getErrorCode(), String.valueOf(w));
            assertTrue(w.getMessage().startsWith("ORA-28002"), w.getMessage());
            c.clearWarnings();
            assertNull(c.getWarnings());
        }
    }

    @Test
    void driverManagerPreparedBatchQueryAndMetadata() throws SQLException {
        try (Connection c = connect()) {
            assertTrue(c.getAutoCommit(), "JDBC default");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into items (id, name, price, created) values (?, ?, ?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "item '?' " + i);
                    ps.setBigDecimal(3, new BigDecimal(i + ".25"));
                    ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.of(2024, 1, i, 12, 0, 0, 123_000_000)));
                    ps.addBatch();
                }
                assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
            }
            c.commit();
            try (PreparedStatement ps = c.prepareStatement("select id, name, price, created from items where id >= ? order by id")) {
                ps.setLong(1, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    assertEquals(4, md.getColumnCount());
                    assertEquals("PRICE", md.getColumnName(3));
                    assertEquals(Types.NUMERIC, md.getColumnType(3));
                    assertEquals(2, md.getScale(3));
                    assertTrue(rs.next());
                    assertEquals(2, rs.getInt("ID"));
                    assertEquals("item '?' 2", rs.getString(2));
                    assertEquals(new BigDecimal("2.25"), rs.getBigDecimal("price"));
                    assertEquals(LocalDateTime.of(2024, 1, 2, 12, 0, 0, 123_000_000), rs.getObject(4, LocalDateTime.class));
                    assertEquals(Timestamp.valueOf(LocalDateTime.of(2024, 1, 2, 12, 0, 0, 123_000_000)), rs.getObject(4));
                    assertTrue(rs.next());
                    assertFalse(rs.next());
                }
            }
            try (Statement s = c.createStatement()) {
                assertEquals(3, s.executeUpdate("update items set price = price + 1"));
                c.rollback();
                s.setMaxRows(2);
                try (ResultSet rs = s.executeQuery("select price from items order by id")) {
                    int n = 0;
                    while (rs.next()) {
                        n++;
                        assertEquals(new BigDecimal(n + ".25"), rs.getBigDecimal(1), "rolled back");
                    }
                    assertEquals(2, n, "setMaxRows");
                }
            }
            assertEquals("Oracle", c.getMetaData().getDatabaseProductName());
            assertEquals(23, c.getMetaData().getDatabaseMajorVersion());
            assertEquals("APP", c.getSchema());
            assertTrue(c.isValid(5));
            assertThrows(SQLFeatureNotSupportedException.class, () -> c.releaseSavepoint(null), "Oracle has no release, as ojdbc11");
            assertThrows(SQLFeatureNotSupportedException.class, () -> c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED));
        }
    }

    @Test
    void exceptionsFollowJdbcConventions() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SQLSyntaxErrorException syntax = assertThrows(SQLSyntaxErrorException.class, () -> s.executeQuery("select * from nope"));
            assertEquals(942, syntax.getErrorCode());
            assertEquals("42000", syntax.getSQLState());
            assertTrue(syntax.getMessage().contains("OTN-6000"), syntax.getMessage());
            s.executeUpdate("insert into items (id, name) values (100, 'x')");
            SQLIntegrityConstraintViolationException dup = assertThrows(SQLIntegrityConstraintViolationException.class,
                    () -> s.executeUpdate("insert into items (id, name) values (100, 'y')"));
            assertEquals(1, dup.getErrorCode());
            s.executeUpdate("delete from items where id = 100");
            try (ResultSet rs = s.executeQuery("select 1 from dual")) {
                assertTrue(rs.next(), "the connection stays usable");
            }
        }
        Properties bad = props();
        bad.setProperty("password", "wrong");
        SQLInvalidAuthorizationSpecException auth = assertThrows(SQLInvalidAuthorizationSpecException.class,
                () -> DriverManager.getConnection(url(), bad));
        assertEquals(1017, auth.getErrorCode());
        assertFalse(auth.getMessage().contains("wrong"));
    }

    @Test
    void callableStatementWithOutParameters() throws SQLException {
        try (Connection c = connect(); CallableStatement cs = c.prepareCall("begin ? := ? * 2; ? := upper(?); end;")) {
            cs.registerOutParameter(1, Types.NUMERIC);
            cs.setInt(2, 21);
            cs.registerOutParameter(3, Types.VARCHAR);
            cs.setString(4, "abc");
            cs.execute();
            assertEquals(42, cs.getInt(1));
            assertEquals("ABC", cs.getString(3));
            assertFalse(cs.wasNull());
        }
    }

    @Test
    void networkTimeoutBoundsACallAndAbortClosesFromAnotherThread() throws Exception {
        try (Connection c = connect()) {
            c.setNetworkTimeout(Executors.newSingleThreadExecutor(), 700);
            long t0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                assertThrows(SQLTimeoutException.class, () -> s.execute("begin dbms_session.sleep(5); end;"));
            }
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(4), "bounded by the network timeout");
            assertEquals(700, c.getNetworkTimeout());
        }
        Connection c = connect();
        ExecutorService ex = Executors.newSingleThreadExecutor();
        c.abort(ex);
        ex.shutdown();
        assertTrue(ex.awaitTermination(10, TimeUnit.SECONDS));
        assertTrue(c.isClosed());
        assertFalse(c.isValid(1));
    }

    @Test
    void hikariPoolUnderFiftyThreads() throws Exception {
        HikariConfig cfg = new HikariConfig();
        cfg.setDataSourceClassName(OrathinDataSource.class.getName());
        cfg.addDataSourceProperty("url", url());
        cfg.addDataSourceProperty("user", "app");
        cfg.addDataSourceProperty("password", "App#2026");
        cfg.addDataSourceProperty("walletLocation", dir.toString());
        cfg.addDataSourceProperty("walletPassword", new String(WALLET_PW));
        cfg.setMaximumPoolSize(10);
        cfg.setConnectionTimeout(30_000);
        db.run("create table counters (id number primary key, n number)", "insert into counters values (1, 0)");
        AtomicLong queries = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        List<Throwable> errors = new ArrayList<>();
        try (HikariDataSource pool = new HikariDataSource(cfg)) {
            ExecutorService threads = Executors.newFixedThreadPool(50);
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            for (int t = 0; t < 50; t++) {
                threads.execute(() -> {
                    while (System.nanoTime() < end) {
                        try (Connection c = pool.getConnection()) {
                            try (PreparedStatement ps = c.prepareStatement("select count(*) from items where id > ?")) {
                                ps.setInt(1, 0);
                                try (ResultSet rs = ps.executeQuery()) {
                                    rs.next();
                                }
                            }
                            try (Statement s = c.createStatement()) {
                                s.executeUpdate("update counters set n = n + 1 where id = 1");
                            }
                            queries.incrementAndGet();
                        } catch (SQLException e) {
                            failures.incrementAndGet();
                            synchronized (errors) {
                                errors.add(e);
                            }
                        }
                    }
                });
            }
            threads.shutdown();
            assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
            assertEquals(0, failures.get(), () -> "failures: " + errors.subList(0, Math.min(3, errors.size())));
            assertTrue(queries.get() > 50, "work was done: " + queries.get());
            try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select n from counters")) {
                rs.next();
                assertEquals(queries.get(), rs.getLong(1), "every committed update counted once");
            }
        }
    }

    @Test
    void oracleUrlsOnlyWhenAskedAndTheSameResultsAsOjdbc() throws SQLException {
        assertFalse(new OrathinDriver().acceptsURL("jdbc:oracle:thin:@shop_high"));
        Properties p = props();
        p.setProperty("oracle.net.tns_admin", dir.toString());
        p.setProperty(OrathinDriver.ACCEPT_ORACLE_URLS, "true");
        List<String> ours = rows(new OrathinDriver().connect("jdbc:oracle:thin:@shop_high", p));
        Properties o = new Properties();
        o.setProperty("user", "app");
        o.setProperty("password", "App#2026");
        o.setProperty("oracle.net.tns_admin", dir.toString());
        o.setProperty("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + dir + ")))");
        List<String> theirs = rows(new oracle.jdbc.OracleDriver().connect("jdbc:oracle:thin:@shop_high", o));
        assertEquals(theirs, ours, "differential: ojdbc11 and orathin-jdbc read the same rows");
    }

    private static List<String> rows(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (c; Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select id, name, price, created, cast(null as varchar2(1)) from items order by id")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    b.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append(rs.wasNull() ? "(null)" : "").append(' ');
                }
                out.add(b.toString());
            }
        }
        assertNull(null);
        return out;
    }
}
