package dev.orathin.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue #21, the JDBC part: errors pools understand, numeric getters, mixed number batches, closed objects. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ProductionBehaviourTest {

    static final char[] WALLET_PW = "Welcome1#Wallet".toCharArray();
    static OracleTestServer server;
    static TestDatabase db;
    static Path dir;

    @BeforeAll
    static void start(@TempDir Path tmp) {
        db = TestDatabase.builder().user("app", "App#2026").build();
        db.run("create table nums (id number(10) primary key, x number)");
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

    static Connection ojdbc() throws SQLException {
        Properties o = new Properties();
        o.setProperty("user", "app");
        o.setProperty("password", "App#2026");
        o.setProperty("oracle.net.tns_admin", dir.toString());
        o.setProperty("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + dir + ")))");
        return new oracle.jdbc.OracleDriver().connect("jdbc:oracle:thin:@shop_high", o);
    }

    @Test
    void aBatchColumnMixingDoubleIntegerBigDecimalAndLongIsOneNumberColumn() throws SQLException {
        try (Connection c = connect()) {
            try (PreparedStatement ps = c.prepareStatement("insert into nums (id, x) values (?, ?)")) {
                Object[] xs = {10.5, 20, new BigDecimal("3.25"), 7L, 1.5f, null};
                for (int i = 0; i < xs.length; i++) {
                    ps.setInt(1, i + 1);
                    ps.setObject(2, xs[i]);
                    ps.addBatch();
                }
                assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1}, ps.executeBatch());
            }
            List<String> read = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select x from nums where id <= 6 order by id")) {
                while (rs.next()) {
                    BigDecimal x = rs.getBigDecimal(1);
                    read.add(x == null ? "null" : x.stripTrailingZeros().toPlainString());
                }
            }
            assertEquals(List.of("10.5", "20", "3.25", "7", "1.5", "null"), read);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from nums");
            }
        }
    }

    @Test
    void aBindMistakeIsNotAConnectionErrorAndTheConnectionStaysUsable() throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("select ? from dual")) {
            ps.setObject(1, new StringBuilder("not bindable"));
            SQLException e = assertThrows(SQLException.class, ps::executeQuery);
            assertFalse(e.getSQLState().startsWith("08"), e.getSQLState() + " " + e);
            assertTrue(e instanceof SQLDataException, e.toString());
            assertTrue(e.getMessage().startsWith("OTN-5040"), e.getMessage());
            assertFalse(e instanceof java.sql.SQLRecoverableException);
            assertTrue(c.isValid(5), "the connection was not harmed");
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
            }
        }
    }

    static final String NUMBERS = "select 2.75 as a, -2.75 as b, 300 as c, 1e20 as d, -129 as e from dual";

    @Test
    void integralGettersTruncateAndRefuseOverflowWithSqlState22003NamingTheColumn() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(NUMBERS)) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
            assertEquals(-2L, rs.getLong("B"));
            assertEquals((short) 2, rs.getShort(1));
            assertEquals((byte) -2, rs.getByte(2));
            assertEquals(300, rs.getInt(3));
            assertEquals(Integer.valueOf(2), rs.getObject(1, Integer.class));
            SQLDataException b = assertThrows(SQLDataException.class, () -> rs.getByte(3));
            assertEquals("22003", b.getSQLState());
            assertTrue(b.getMessage().contains("column 3 (C)"), b.getMessage());
            assertTrue(b.getMessage().startsWith("OTN-7012"), b.getMessage());
            for (int col : new int[] {4}) {
                assertEquals("22003", assertThrows(SQLDataException.class, () -> rs.getInt(col)).getSQLState());
                assertEquals("22003", assertThrows(SQLDataException.class, () -> rs.getLong(col)).getSQLState());
                assertEquals("22003", assertThrows(SQLDataException.class, () -> rs.getObject(col, Long.class)).getSQLState());
            }
            assertEquals("22003", assertThrows(SQLDataException.class, () -> rs.getByte("E")).getSQLState());
            assertTrue(rs.getBigDecimal(4).compareTo(new BigDecimal("1e20")) == 0, "still readable wide");
        }
    }

    /** Differential: orathin reads the in-range values exactly as ojdbc11 does. */
    @Test
    void truncationMatchesOjdbc() throws SQLException {
        assertEquals(integralReads(ojdbc()), integralReads(connect()));
    }

    private static List<String> integralReads(Connection conn) throws SQLException {
        List<String> out = new ArrayList<>();
        try (conn; Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(NUMBERS)) {
            assertTrue(rs.next());
            for (int i = 1; i <= 2; i++) {
                out.add(rs.getInt(i) + " " + rs.getLong(i) + " " + rs.getShort(i) + " " + rs.getByte(i));
            }
            out.add(rs.getInt(3) + " " + rs.getLong(3) + " " + rs.getShort(3));
        }
        return out;
    }

    @Test
    void anInOutDoubleParameterStillRoundTripsAfterSetDoubleBindsNumber() throws SQLException {
        try (Connection c = connect(); java.sql.CallableStatement cs = c.prepareCall("begin ? := ? * 2; end;")) {
            cs.setDouble(1, 1.25); // an IN OUT BINARY_DOUBLE: its IN value must go in that type, not as the NUMBER setDouble binds
            cs.registerOutParameter(1, java.sql.Types.DOUBLE);
            cs.setDouble(2, 21);
            cs.execute();
            assertEquals(42.0, cs.getDouble(1));
        }
    }

    @Test
    void closedResultSetAndStatementRefuseUse() throws SQLException {
        try (Connection c = connect()) {
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("select 1 from dual union all select 2 from dual");
            rs.close();
            SQLException e = assertThrows(SQLException.class, rs::next);
            assertTrue(e.getMessage().startsWith("OTN-7008"), e.getMessage());
            assertFalse(e.getSQLState().startsWith("08"));
            ResultSet rs2 = s.executeQuery("select 1 from dual union all select 2 from dual");
            s.close();
            assertTrue(rs2.isClosed(), "closing the statement closes its result set (JDBC)");
            assertThrows(SQLException.class, rs2::next);
            assertThrows(SQLException.class, () -> s.executeQuery("select 1 from dual"));
        }
    }

    /** Issue #21: a metrics hook on every call and on the connect, set on the DataSource (where pools and Spring configure it). */
    @Test
    void theDataSourceReportsCallsAndConnectsToItsListeners() throws SQLException {
        List<dev.orathin.CallEvent> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        dev.orathin.net.RecordingConnectListener connects = new dev.orathin.net.RecordingConnectListener();
        OrathinDataSource ds = new OrathinDataSource();
        ds.setUrl(url());
        ds.setUser("app");
        ds.setPassword("App#2026");
        ds.setWalletLocation(dir.toString());
        ds.setWalletPassword(new String(WALLET_PW));
        ds.setCallListener(calls::add);
        ds.setConnectListener(connects);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertEquals(2, connects.events(dev.orathin.net.ConnectEvent.TlsHandshakeDone.class).size(),
                    "the ADB hand-off's two handshakes: " + connects.names());
            calls.clear();
            try (ResultSet rs = s.executeQuery("select 1 from dual union all select 2 from dual")) {
                while (rs.next()) {
                    rs.getInt(1);
                }
            }
            assertEquals("SELECT", calls.get(0).operation());
            assertEquals(2, calls.stream().mapToLong(dev.orathin.CallEvent::rows).sum(), calls.toString());
            assertThrows(SQLException.class, () -> s.executeQuery("select * from no_such_table"));
            assertEquals(java.util.Optional.of("ORA-00942"), calls.get(calls.size() - 1).errorCode());
        }
    }

    /** JDBC getParentLogger names the parent of orathin's System.Logger names instead of throwing. */
    @Test
    void theParentLoggerIsOrathins() throws SQLException {
        assertEquals("dev.orathin", new OrathinDriver().getParentLogger().getName());
        assertEquals("dev.orathin", new OrathinDataSource().getParentLogger().getName());
    }

    /**
     * Issue #20: jdbc:orathin:@config-file://... — the descriptor (an alias of the wallet's tnsnames.ora),
     * the user, a password reference, the wallet and its password all come from one JSON document.
     */
    @Test
    void aJdbcUrlNamingAConfigFileConnectsWithEverythingFromTheDocument(@TempDir Path tmp) throws Exception {
        Path pw = tmp.resolve("app.pw");
        java.nio.file.Files.writeString(pw, "App#2026\n");
        Path cfg = tmp.resolve("db.json");
        java.nio.file.Files.writeString(cfg, ("{'shop': {'connect_descriptor': 'shop_high', 'user': 'app', 'password': 'file:" + pw + "',"
                + " 'wallet_location': '" + dir + "', 'wallet_password': {'type': 'text', 'value': '" + new String(WALLET_PW) + "'},"
                + " 'jdbc': {'oracle.net.tns_admin': '" + dir + "'}}}").replace('\'', '"'));
        try (Connection c = DriverManager.getConnection("jdbc:orathin:@config-file://" + cfg + "?key=shop");
                ResultSet rs = c.createStatement().executeQuery("select sys_context('USERENV','SESSION_USER') from dual")) {
            assertTrue(rs.next());
            assertEquals("APP", rs.getString(1).toUpperCase(java.util.Locale.ROOT));
        }
        java.nio.file.Files.writeString(cfg, "{\"shop\": {\"connect_descriptor\": 42}}");
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:orathin:@config-file://" + cfg + "?key=shop"));
        assertTrue(e.getMessage().startsWith("OTN-1075"), e.getMessage());
        assertTrue(e instanceof java.sql.SQLNonTransientConnectionException, "a configuration fault is permanent, as every 1xxx code: " + e);
    }

    /** Generated-key column names may come already quoted (Spring Data JDBC's "ID"); ojdbc takes them as they are. */
    @Test
    void generatedKeyColumnNamesMayBeQuotedIdentifiers() throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("insert into nums (id, x) values (?, ?)", new String[] {"\"ID\""})) {
            ps.setInt(1, 777);
            ps.setInt(2, 1);
            assertEquals(1, ps.executeUpdate());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(777, keys.getInt(1));
            }
            c.createStatement().executeUpdate("delete from nums where id = 777");
        }
    }
}
