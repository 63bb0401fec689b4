package dev.orathin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.errors.OrathinException;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue #21, the core part: objects that refuse misuse, numeric getters, mixed number batches, parameters. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProductionBehaviourTest {

    static TestDatabase db;
    static OracleTestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.builder().user("admin", "Secret#2026").build();
        db.run("create table seq_t (id number(10) primary key, x number)");
        for (int i = 1; i <= 10; i++) {
            db.run("insert into seq_t values (" + i + ", " + i * 10 + ")");
        }
        server = OracleTestServer.builder().service("demo").database(db).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static OracleConnection connect() {
        return Orathin.connect(ConnectParams.builder().dsn(server.descriptor("demo")).user("admin").password("Secret#2026".toCharArray())
                .build());
    }

    @Test
    void aClosedCursorRefusesEvenWithBufferedRows() {
        try (OracleConnection c = connect()) {
            c.prefetchRows(5);
            Cursor cur = c.execute("select id from seq_t order by id");
            assertTrue(cur.next());
            cur.close();
            assertTrue(cur.isClosed());
            OrathinProtocolException e = assertThrows(OrathinProtocolException.class, cur::next);
            assertEquals(CoreErrorCode.CURSOR_STATE, e.errorCode());
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            assertThrows(OrathinProtocolException.class, () -> cur.getObject(1));
            assertThrows(OrathinProtocolException.class, () -> cur.fetchMany(1));
            cur.close(); // idempotent
        }
    }

    @Test
    void integralGettersTruncateAndOverflowIsATypedErrorNamingTheColumn() {
        try (OracleConnection c = connect(); Cursor cur = c.execute("select 2.75 as a, -2.75 as b, 300 as c, 1e20 as d from dual")) {
            assertTrue(cur.next());
            assertEquals(2, cur.getInt(1));
            assertEquals(-2, cur.getLong(2));
            assertEquals((short) 2, cur.getShort(1));
            assertEquals((byte) -2, cur.getByte(2));
            OrathinUsageException b = assertThrows(OrathinUsageException.class, () -> cur.getByte(3));
            assertEquals(CoreErrorCode.NUMERIC_OVERFLOW, b.errorCode());
            assertTrue(b.getMessage().contains("column 3 (C"), b.getMessage());
            assertFalse(b.isTransient());
            assertEquals(CoreErrorCode.NUMERIC_OVERFLOW, assertThrows(OrathinUsageException.class, () -> cur.getInt(4)).errorCode());
            assertEquals(CoreErrorCode.NUMERIC_OVERFLOW, assertThrows(OrathinUsageException.class, () -> cur.getLong(4)).errorCode());
            assertEquals(0, new BigDecimal("1e20").compareTo(cur.getBigDecimal(4)));
        }
    }

    @Test
    void executeManyBindsAColumnOfMixedNumberTypesAsNumber() {
        db.run("create table mixed_t (id number(10) primary key, x number)");
        try (OracleConnection c = connect()) {
            long[] counts = c.executeMany("insert into mixed_t values (:1, :2)", List.of(new Object[] {1, 10.5}, new Object[] {2, 20},
                    new Object[] {3, new BigDecimal("3.25")}, new Object[] {4, 7L}, new Object[] {5, 1.5f}, new Object[] {6, null}));
            assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1}, counts);
            List<String> xs = new ArrayList<>();
            try (Cursor cur = c.execute("select x from mixed_t order by id")) {
                while (cur.next()) {
                    BigDecimal x = cur.getBigDecimal(1);
                    xs.add(x == null ? "null" : x.stripTrailingZeros().toPlainString());
                }
            }
            assertEquals(List.of("10.5", "20", "3.25", "7", "1.5", "null"), xs);
            OrathinProtocolException nan = assertThrows(OrathinProtocolException.class, () -> c.executeMany(
                    "insert into mixed_t values (:1, :2)", List.of(new Object[] {7, 1}, new Object[] {8, Double.NaN})));
            assertEquals(CoreErrorCode.BIND_ERROR, nan.errorCode());
            assertTrue(nan.getMessage().contains("row 1"), nan.getMessage());
        }
    }

    /** Before: interleaved messages on the wire ("unexpected TTC message") and a lost connection. */
    @Test
    void twoThreadsHammeringOneConnectionAreSerialised() throws Exception {
        try (OracleConnection c = connect()) {
            c.arraySize(2);
            c.prefetchRows(1);
            List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int id = t;
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < 40; i++) {
                            long sum = 0;
                            try (Cursor cur = c.execute("select x from seq_t where id > :1 order by id", id)) {
                                while (cur.next()) { // fetches of 2 rows: several round trips per query
                                    sum += cur.getLong(1);
                                }
                            }
                            assertEquals(id == 0 ? 550 : 540, sum);
                            c.ping();
                            c.commit();
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }, "hammer-" + t);
                th.start();
                threads.add(th);
            }
            go.countDown();
            for (Thread th : threads) {
                th.join(TimeUnit.SECONDS.toMillis(90));
                assertFalse(th.isAlive(), "bounded");
            }
            assertEquals(List.of(), errors);
            assertTrue(c.isHealthy());
        }
    }

    @Test
    void aUserWithoutAPasswordFailsBeforeAnyNetworkIo() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String dsn = "(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=127.0.0.1)(PORT=" + listener.getLocalPort() + "))(CONNECT_DATA=(SERVICE_NAME=x)))";
            OrathinUsageException e = assertThrows(OrathinUsageException.class, () -> Orathin.connect(ConnectParams.builder().dsn(dsn)
                    .user("scott").build()));
            assertEquals(CoreErrorCode.PASSWORD_MISSING, e.errorCode());
            assertTrue(e.getMessage().contains("password"), e.getMessage());
            listener.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, listener::accept, "no connection was attempted");
        }
    }

    @Test
    void theConnectTimeoutBoundsAConnectToAListenerThatNeverAnswers() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String dsn = "(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=127.0.0.1)(PORT=" + blackHole.getLocalPort() + "))(CONNECT_DATA=(SERVICE_NAME=x)))";
            long t0 = System.nanoTime();
            OrathinException e = assertThrows(OrathinException.class, () -> Orathin.connect(ConnectParams.builder().dsn(dsn).user("scott")
                    .password("x".toCharArray()).connectTimeout(Duration.ofSeconds(2)).build()));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
            assertTrue(seconds < 30, "bounded by the connect timeout (2 s) plus slack, took " + seconds + " s: " + e);
            assertTrue(e.isTransient(), e.toString());
        }
    }

    @Test
    void unknownParameterNamesAreRefusedWithTheNearestKnownName() {
        OrathinUsageException typo = assertThrows(OrathinUsageException.class, () -> ConnectParams.fromMap(Map.of("dsn", "x",
                "walet_location", "/w")));
        assertEquals(CoreErrorCode.UNKNOWN_PARAMETER, typo.errorCode());
        assertTrue(typo.getMessage().contains("did you mean \"wallet_location\""), typo.getMessage());
        OrathinUsageException far = assertThrows(OrathinUsageException.class, () -> ConnectParams.fromMap(Map.of("dsn", "x",
                "completely_unrelated_knob", "1")));
        assertTrue(far.getMessage().contains("known names"), far.getMessage());
        OrathinUsageException ms = assertThrows(OrathinUsageException.class, () -> ConnectParams.fromMap(Map.of("dsn", "x",
                "connect_timeout_ms", "5s")));
        assertEquals(CoreErrorCode.INVALID_PARAMETER, ms.errorCode());
        ConnectParams p = ConnectParams.fromMap(Map.of("dsn", "x", "oracle.net.CONNECT_TIMEOUT", "5", "Retry_Count", "2",
                "oracle.jdbc.ReadTimeout", "1000", "oracle.net.httpsProxyHost", "px"));
        assertEquals(Map.of("connect_timeout", "5", "retry_count", "2", "https_proxy", "px"), p.descriptorParams());
        assertEquals(Duration.ofSeconds(1), p.callTimeout());
        // ojdbc settings with no orathin counterpart (common in shared Spring/Hikari configuration) are ignored, not fatal
        ConnectParams ojdbc = ConnectParams.fromMap(Map.of("dsn", "x", "oracle.jdbc.fanEnabled", "false",
                "oracle.jdbc.implicitStatementCacheSize", "20"));
        assertEquals(Map.of(), ojdbc.descriptorParams());
        // ... but a near miss of a known name in that namespace is still a typo
        OrathinUsageException nearMiss = assertThrows(OrathinUsageException.class, () -> ConnectParams.fromMap(Map.of("dsn", "x",
                "oracle.net.wallet_locaton", "/w")));
        assertTrue(nearMiss.getMessage().contains("did you mean"), nearMiss.getMessage());
    }

    @Test
    void columnsByLabelStreamsIterationExecuteUpdateAndWasNull() {
        db.run("create table nice_t (id number(10) primary key, x number)");
        try (OracleConnection c = connect()) {
            assertEquals(1, c.executeUpdate("insert into nice_t values (:1, :2)", 1, 5));
            assertEquals(1, c.executeUpdate("insert into nice_t values (:id, :x)", Map.of("id", 2, "x", 7)));
            c.executeUpdate("insert into nice_t (id) values (:1)", 3);
            assertEquals(2, c.executeUpdate("update nice_t set x = x + 1 where x is not null"));
            assertEquals(CoreErrorCode.BIND_ERROR, assertThrows(OrathinProtocolException.class,
                    () -> c.executeUpdate("select * from nice_t")).errorCode());
            try (Cursor cur = c.execute("select id, x from nice_t order by id")) {
                assertTrue(cur.next());
                assertEquals(6, cur.getLong("X"));
                assertEquals(6, cur.getInt("x"));
                assertFalse(cur.wasNull());
                assertEquals(CoreErrorCode.NO_SUCH_COLUMN, assertThrows(OrathinProtocolException.class, () -> cur.getObject("nope"))
                        .errorCode());
                List<Long> rest = new ArrayList<>();
                for (Object[] row : cur) {
                    rest.add(((Number) row[0]).longValue());
                }
                assertEquals(List.of(2L, 3L), rest);
            }
            try (Cursor cur = c.execute("select id, x from nice_t where id = 3")) {
                assertTrue(cur.next());
                assertEquals(0, cur.getLong(2));
                assertTrue(cur.wasNull(), "a primitive getter on NULL returns 0 and sets wasNull");
                assertEquals(0, cur.getInt("X"));
                assertTrue(cur.wasNull());
                assertEquals(3, cur.getInt(1));
                assertFalse(cur.wasNull());
            }
            Cursor streamed = c.execute("select x from nice_t where x is not null order by id");
            try (java.util.stream.Stream<Object[]> rows = streamed.stream()) {
                assertEquals(List.of(6L, 8L), rows.map(r -> ((Number) r[0]).longValue()).toList());
            }
            assertTrue(streamed.isClosed(), "closing the stream closes the cursor");
        }
    }

    @Test
    void descriptorParameterNamesAreTheOnesTheNamingLayerTakes() {
        // every catalogue name is taken by fromMap and reaches the naming layer
        for (dev.orathin.net.ConnectParameter p : dev.orathin.net.ConnectParameter.all()) {
            for (String n : p.apiNames()) {
                assertTrue(ConnectParams.DESCRIPTOR_PARAMS.contains(n), n);
            }
        }
        assertTrue(ConnectParams.DESCRIPTOR_PARAMS.containsAll(Set.of("retry_count", "https_proxy", "wallet_location", "cclass")));
    }
}
