package dev.orathin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SQL end to end against the testkit's database (H2 behind the TTC server) over plain TCP. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SqlTestkitTest {

    static TestDatabase db;
    static OracleTestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.builder().user("admin", "Secret#2026").build();
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

    /** ALTER SESSION SET: CURRENT_SCHEMA of the session's own schema (Flyway, Hibernate), other settings accepted; another schema refused. */
    @Test
    void alterSessionSetsCurrentSchemaAndAcceptsOtherSettings() {
        try (OracleConnection c = connect()) {
            c.executeUpdate("alter session set current_schema = admin");
            c.executeUpdate("ALTER SESSION SET NLS_DATE_FORMAT = 'YYYY-MM-DD' TIME_ZONE = '+00:00'");
            try (Cursor cur = c.execute("select sys_context('USERENV', 'CURRENT_SCHEMA') from dual")) {
                assertTrue(cur.next());
                assertEquals("ADMIN", cur.getString(1));
            }
            OracleDatabaseException e = assertThrows(OracleDatabaseException.class,
                    () -> c.executeUpdate("alter session set current_schema = \"OTHER\""));
            assertEquals(3001, e.oraCode());
            c.ping(); // still usable
        }
    }

    /** Issue #21: the row-mapping query helper maps every row through the cursor's getters and closes the cursor. */
    @Test
    void queryMapsEveryRowAndClosesTheCursor() {
        record Pair(long n, String label, boolean labelNull) {
        }
        try (OracleConnection c = connect()) {
            List<Pair> rows = c.query("select 1 as n, 'one' as label from dual union all select 2, null from dual where 2 > :1",
                    r -> new Pair(r.getLong("N"), r.getString("LABEL"), r.wasNull()), 0);
            assertEquals(List.of(new Pair(1, "one", false), new Pair(2, null, true)), rows);
            Cursor cur = c.execute("select 1 from dual");
            assertEquals(List.of(1), cur.map(r -> r.getInt(1)));
            assertThrows(OrathinProtocolException.class, cur::next, "map closed the cursor");
        }
    }

    @Test
    void selectFromDual() {
        try (OracleConnection c = connect(); Cursor cur = c.execute("select 1 as one, 'x' as ex from dual")) {
            assertTrue(cur.next());
            assertEquals(1, cur.getInt(1));
            assertEquals("x", cur.getString(2));
            assertFalse(cur.next());
        }
    }

    @Test
    void everyTypeRoundTripsWithNulls() {
        db.run("create table types_t (id number(10) primary key, n number(12,2), f binary_float, d binary_double, v varchar2(40),"
                + " ch char(3), dt date, ts timestamp(6), tz timestamp(6) with time zone, r raw(16), cl varchar2(100), bl raw(10),"
                + " ids interval day to second, iym interval year to month)");
        LocalDateTime ts = LocalDateTime.of(2024, 3, 15, 13, 45, 30, 123_456_000);
        java.time.OffsetDateTime tz = java.time.OffsetDateTime.of(2024, 3, 15, 13, 45, 30, 0, java.time.ZoneOffset.ofHours(2));
        try (OracleConnection c = connect()) {
            c.execute("insert into types_t values (:1, :2, :3, :4, :5, :6, :7, :8, :9, :10, :11, :12, :13, :14)", 1,
                    new BigDecimal("1234.56"), 1.5f, 2.25d, "héllo", "abc", LocalDateTime.of(2024, 3, 15, 13, 45, 30), ts, tz,
                    new byte[] {1, 2, 3}, "clob text", new byte[] {9, 8, 7}, Duration.ofHours(26).plusMillis(500),
                    java.time.Period.ofYears(2).plusMonths(3)).close();
            c.execute("insert into types_t (id) values (:1)", 2).close();
            try (Cursor cur = c.execute("select * from types_t order by id")) {
                assertEquals(14, cur.columns().size());
                assertTrue(cur.next());
                assertEquals(1L, cur.getObject(1));
                assertEquals(new BigDecimal("1234.56"), cur.getObject(2));
                assertEquals(1.5f, cur.getObject(3));
                assertEquals(2.25d, cur.getObject(4));
                assertEquals("héllo", cur.getObject(5));
                assertEquals("abc", cur.getObject(6));
                assertEquals(LocalDateTime.of(2024, 3, 15, 13, 45, 30), cur.getObject(7));
                assertEquals(ts, cur.getObject(8));
                assertEquals(tz.toInstant(), cur.getOffsetDateTime(9).toInstant());
                assertArrayEquals(new byte[] {1, 2, 3}, cur.getBytes(10));
                assertEquals("clob text", cur.getObject(11));
                assertArrayEquals(new byte[] {9, 8, 7}, cur.getBytes(12));
                assertEquals(Duration.ofHours(26).plusMillis(500), cur.getObject(13));
                assertEquals(java.time.Period.of(2, 3, 0), cur.getObject(14));
                assertTrue(cur.next());
                assertEquals(2, cur.getLong(1));
                for (int i = 2; i <= 14; i++) {
                    assertNull(cur.getObject(i), "column " + i);
                    assertTrue(cur.wasNull());
                }
                assertFalse(cur.next());
            }
        }
    }

    @Test
    void lobColumnsComeInlineAfterTheLongDefine() {
        // first execute: describe (and locators, here none), then the DEFINE as LONG / LONG RAW fetches the data inline
        db.run("create table lob_t (id number(5), cl clob, bl blob)", "insert into lob_t values (1, 'clob text', X'090807')",
                "insert into lob_t values (2, null, null)");
        try (OracleConnection c = connect()) {
            for (int run = 0; run < 3; run++) { // then re-executed from the statement cache, still defined as LONG
                try (Cursor cur = c.execute("select id, cl, bl from lob_t order by id")) {
                    assertEquals(OracleType.CLOB, cur.columns().get(1).type());
                    assertEquals(OracleType.BLOB, cur.columns().get(2).type());
                    assertTrue(cur.next());
                    assertEquals("clob text", cur.getString(2));
                    assertArrayEquals(new byte[] {9, 8, 7}, cur.getBytes(3));
                    assertTrue(cur.next());
                    assertNull(cur.getString(2));
                    assertNull(cur.getBytes(3));
                    assertFalse(cur.next());
                }
            }
        }
    }

    @Test
    void moreTypesNationalBooleanLongBinds() {
        db.run("create table more_t (id number(3), nv nvarchar2(20), b boolean, cl clob, big varchar2(4000))");
        String huge = "x".repeat(40_000);
        String wide = "é".repeat(1500);
        try (OracleConnection c = connect()) {
            c.execute("insert into more_t values (:1, :2, :3, :4, :5)", 1, "ñandú", true, huge, wide).close();
            try (Cursor cur = c.execute("select nv, b, cl, big, id from more_t")) {
                assertTrue(cur.next());
                assertEquals("ñandú", cur.getString(1));
                assertEquals(Boolean.TRUE, cur.getBoolean(2));
                assertEquals(huge, cur.getString(3));
                assertEquals(wide, cur.getString(4));
                assertEquals(1, cur.getObject(5, Integer.class));
                assertFalse(cur.next());
            }
        }
    }

    @Test
    void endToEndAttributes() {
        try (OracleConnection c = connect()) {
            c.module("orders");
            c.action("load");
            c.clientIdentifier("user-7");
            try (Cursor cur = c.execute("select sys_context('USERENV', 'MODULE'), sys_context('USERENV', 'ACTION'),"
                    + " sys_context('USERENV', 'CLIENT_IDENTIFIER') from dual")) {
                assertTrue(cur.next());
                assertEquals("orders", cur.getString(1));
                assertEquals("load", cur.getString(2));
                assertEquals("user-7", cur.getString(3));
            }
            c.action("check");
            try (Cursor cur = c.execute("select sys_context('USERENV', 'ACTION') from dual")) {
                assertTrue(cur.next());
                assertEquals("check", cur.getString(1), "the attribute rides on the next call");
            }
        }
    }

    @Test
    void numberExtremesRoundTrip() {
        db.run("create table num_t (id number(3), n number)");
        BigDecimal[] values = {new BigDecimal("12345678901234567890123456789012345678"), new BigDecimal("-1E-130"),
            new BigDecimal("9.99E+125"), new BigDecimal("0.000001"), new BigDecimal("-123456789012345678.25"), BigDecimal.ZERO};
        try (OracleConnection c = connect()) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                rows.add(new Object[] {i, values[i]});
            }
            c.executeMany("insert into num_t values (:1, :2)", rows);
            try (Cursor cur = c.execute("select n from num_t order by id")) {
                for (BigDecimal v : values) {
                    assertTrue(cur.next());
                    assertEquals(0, v.compareTo(cur.getBigDecimal(1)), v + " came back as " + cur.getBigDecimal(1));
                }
            }
        }
    }

    @Test
    void bindsByPositionAndByName() {
        try (OracleConnection c = connect()) {
            try (Cursor cur = c.execute("select :a + :b as s, :c as t from dual", Map.of("A", 2, "b", new BigDecimal("0.5"), "c", "x"))) {
                assertTrue(cur.next());
                assertEquals(new BigDecimal("2.5"), cur.getBigDecimal(1));
                assertEquals("x", cur.getString(2));
            }
            try (Cursor cur = c.execute("select :1 * 2 from dual where ':skip' = ':skip' -- :no\n", 21)) {
                assertTrue(cur.next());
                assertEquals(42, cur.getInt(1));
            }
        }
    }

    @Test
    void hundredThousandRowsFetchedWithChecksum() {
        db.run("create table big_t as select x as id, 'row' || x as name from system_range(1, 100000)");
        try (OracleConnection c = connect(); Cursor cur = c.execute("select id, name from big_t order by id")) {
            cur.arraySize(1000);
            long sum = 0;
            long n = 0;
            while (cur.next()) {
                long id = cur.getLong(1);
                sum += id;
                n++;
                if (!("row" + id).equals(cur.getString(2))) {
                    throw new AssertionError("row " + id + " has name " + cur.getString(2));
                }
            }
            assertEquals(100_000, n);
            assertEquals(100_000L * 100_001 / 2, sum);
            assertEquals(100_000, cur.rowCount());
        }
    }

    @Test
    void executeManyCountsAndTransactionsSeenFromASecondConnection() {
        db.run("create table many_t (k number primary key, v varchar2(10))");
        try (OracleConnection a = connect(); OracleConnection b = connect()) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                rows.add(new Object[] {i, "v" + i});
            }
            assertArrayEquals(new long[] {1, 1, 1, 1, 1}, a.executeMany("insert into many_t values (:1, :2)", rows));
            OracleDatabaseException dup = assertThrows(OracleDatabaseException.class, () -> a.executeMany(
                    "insert into many_t values (:1, :2)", List.of(new Object[] {10, "ok"}, new Object[] {0, "dup"})));
            assertEquals(1, dup.oraCode());
            assertTrue(dup.getMessage().contains("of 2 rows processed before the error"), dup.getMessage());
            a.execute("delete from many_t where k = 10").close();
            assertArrayEquals(new long[] {1, 0, 1}, a.executeMany("update many_t set v = 'x' where k = :1", List.of(new Object[] {1},
                    new Object[] {99}, new Object[] {3})));
            assertEquals(0, count(b, "many_t"), "not committed yet");
            a.commit();
            assertEquals(5, count(b, "many_t"));
            try (Cursor cur = a.execute("delete from many_t where k < :1", 2)) {
                assertEquals(2, cur.rowCount());
            }
            a.rollback();
            assertEquals(5, count(b, "many_t"));
            a.autoCommit(true);
            a.execute("delete from many_t where k = :1", 4).close();
            assertEquals(4, count(b, "many_t"), "autocommit");
        }
    }

    static long count(OracleConnection c, String table) {
        try (Cursor cur = c.execute("select count(*) from " + table)) {
            assertTrue(cur.next());
            return cur.getLong(1);
        }
    }

    @Test
    void statementErrorLeavesTheConnectionUsable() {
        try (OracleConnection c = connect()) {
            OracleDatabaseException e = assertThrows(OracleDatabaseException.class, () -> c.execute("select * from no_such_table"));
            assertEquals(942, e.oraCode());
            assertTrue(e.getMessage().contains("ORA-00942"), e.getMessage());
            try (Cursor cur = c.execute("select 7 from dual")) {
                assertTrue(cur.next());
                assertEquals(7, cur.getInt(1));
            }
        }
    }

    @Test
    void plsqlOutBinds() {
        try (OracleConnection c = connect()) {
            for (int i = 1; i <= 3; i++) { // the second and third run use the cached cursor
                try (Cursor cur = c.execute("begin :1 := :2 * 2; :3 := 'done'; end;", OutParam.of(OracleType.NUMBER), 21 * i,
                        OutParam.of(OracleType.VARCHAR2))) {
                    assertEquals(0, new BigDecimal(42 * i).compareTo((BigDecimal) cur.outValue(1)));
                    assertEquals("done", cur.outValue(3));
                }
            }
            for (int i = 1; i <= 2; i++) {
                try (Cursor cur = c.execute("begin :v := :v || 'x'; end;", OutParam.inOut(OracleType.VARCHAR2, "a" + i))) {
                    assertEquals("a" + i + "x", cur.outValue(1));
                }
            }
        }
    }

    @Test
    void cancelInterruptsALongCall() throws Exception {
        try (OracleConnection c = connect()) {
            c.execute("begin dbms_session.sleep(0.1); end;").close();
            CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(() -> {
                try {
                    c.execute("begin dbms_session.sleep(30); end;");
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Thread.sleep(1500);
            c.cancel();
            Throwable t = call.get(20, TimeUnit.SECONDS);
            assertTrue(t instanceof OracleDatabaseException d && d.oraCode() == 1013, String.valueOf(t));
            c.ping();
            assertEquals(1, count(c, "dual"));
        }
    }

    @Test
    void callTimeoutInterruptsAndTheConnectionStaysUsable() {
        try (OracleConnection c = connect()) {
            // warm up: the testkit queues an interrupt that arrives before the call starts running
            c.execute("begin dbms_session.sleep(0.1); end;").close();
            c.callTimeout(Duration.ofMillis(1500));
            OrathinProtocolException e = assertThrows(OrathinProtocolException.class, () -> c.execute("begin dbms_session.sleep(30); end;"));
            assertEquals(CoreErrorCode.CALL_TIMEOUT, e.errorCode());
            assertTrue(c.isHealthy(), e.getMessage() + " cause: " + e.getCause());
            c.callTimeout(Duration.ofSeconds(10));
            assertEquals(1, count(c, "dual"));
        }
    }

    @Test
    void twoHundredConnectsAndClosesLeaveNoThreads() throws Exception {
        try (OracleConnection warm = connect()) {
            warm.ping();
        }
        Thread.sleep(200);
        int before = Thread.activeCount();
        for (int i = 0; i < 200; i++) {
            try (OracleConnection c = connect()) {
                if (i % 50 == 0) {
                    assertEquals(1, count(c, "dual"));
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Thread.activeCount() > before + 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Thread.activeCount() <= before + 2, "threads before " + before + ", after " + Thread.activeCount());
    }
}
