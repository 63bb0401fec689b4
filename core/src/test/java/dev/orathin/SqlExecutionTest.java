package dev.orathin;

import static dev.orathin.Replies.reply;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.Replies.Col;
import dev.orathin.internal.types.OracleDateTime;
import dev.orathin.internal.types.OracleNumber;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Statement execution against scripted replies built from protocol.md §7 (no database). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SqlExecutionTest {

    static byte[] num(long v) {
        return OracleNumber.encode(BigDecimal.valueOf(v));
    }

    static byte[] str(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Replies in order, one per request. */
    static FakeSqlSession scripted(byte[]... replies) {
        Deque<byte[]> q = new ArrayDeque<>(List.of(replies));
        return new FakeSqlSession(req -> List.of(q.remove()));
    }

    @Test
    void queryDescribesFetchesInBatchesAndExpandsDuplicateColumns() {
        FakeSqlSession net = scripted(
                reply().describe(Col.num("ID", 10, 0), Col.varchar("NAME", 40), Col.num("PRICE", 0, -127))
                        .rowHeader(null).row(num(1), str("a"), OracleNumber.encode(new BigDecimal("1.5")))
                        .rowHeader(null).row(num(2), null, OracleNumber.encode(new BigDecimal("-2.25")))
                        .error(33, 2, 0, null).bytes(),
                // FETCH: third row repeats NAME and PRICE from the second row (bit vector: only column 0 sent)
                reply().piggybackLtxid().warning(28002, "ORA-28002: the password will expire within 7 days").bitVector(1, 0b001)
                        .row(num(3)).row(num(4), str("d"), num(7))
                        .error(33, 4, 1403, "ORA-01403: no data found").bytes());
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        try (Cursor cur = c.execute("select id, name, price from t where x = :x", 5)) {
            assertTrue(cur.isQuery());
            assertEquals(List.of("ID", "NAME", "PRICE"), cur.columns().stream().map(Column::name).toList());
            assertEquals(Long.class, cur.columns().get(0).javaType());
            assertEquals(BigDecimal.class, cur.columns().get(2).javaType());
            assertTrue(cur.next());
            assertEquals(1L, cur.getObject(1));
            assertEquals("a", cur.getString(2));
            assertEquals(new BigDecimal("1.5"), cur.getBigDecimal(3));
            assertTrue(cur.next());
            assertNull(cur.getString(2));
            assertTrue(cur.wasNull());
            assertEquals(-2.25, cur.getDouble(3));
            List<Object[]> rest = cur.fetchAll();
            assertEquals(2, rest.size());
            assertArrayEquals(new Object[] {3L, null, new BigDecimal("-2.25")}, rest.get(0));
            assertArrayEquals(new Object[] {4L, "d", new BigDecimal("7")}, rest.get(1));
            assertFalse(cur.next());
            assertEquals(4, cur.rowCount());
        }
        assertEquals(List.of(94, 5), net.functions());
        byte[] fetch = net.requests.get(1);
        assertEquals(33, fetch[4] & 0xFF, "FETCH names the cursor id from the ERROR message");
        assertEquals(100, fetch[6] & 0xFF, "default array size 100");
    }

    @Test
    void secondExecuteReusesTheParsedCursorAndEvictionClosesCursors() {
        FakeSqlSession net = new FakeSqlSession(req -> List.of(reply().describe(Col.num("X", 5, 0)).rowHeader(null).row(num(1))
                .error(50 + (req[1] & 0xFF), 1, 1403, "ORA-01403: no data found").bytes()));
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        for (int i = 0; i < 2; i++) {
            try (Cursor cur = c.execute("select 1 from dual")) {
                assertEquals(1, cur.fetchAll().size());
            }
        }
        assertEquals(List.of(94, 78), net.functions(), "re-execute and fetch (78) the second time");
        for (int i = 0; i < OracleConnection.STATEMENT_CACHE_SIZE; i++) {
            c.execute("select " + i + " as n from dual").close();
        }
        List<Integer> f = net.functions();
        assertEquals(1000 + 105, f.get(f.size() - 1), "the evicted cursor is closed with a piggyback before the next execute");
    }

    @Test
    void cachedQueryIsParsedAgainOnceAfterOra01007() {
        FakeSqlSession net = scripted(
                reply().describe(Col.num("A", 5, 0)).rowHeader(null).row(num(1)).error(60, 1, 1403, "ORA-01403").bytes(),
                reply().error(60, 0, 1007, "ORA-01007: variable not in select list").bytes(),
                reply().describe(Col.num("A", 5, 0), Col.num("B", 5, 0)).rowHeader(null).row(num(1), num(2))
                        .error(61, 1, 1403, "ORA-01403").bytes());
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        c.execute("select * from t").close();
        try (Cursor cur = c.execute("select * from t")) {
            assertEquals(2, cur.columns().size());
            assertTrue(cur.next());
            assertEquals(2, cur.getInt(2));
        }
        assertEquals(List.of(94, 78, 1105), net.functions(), "re-execute fails, then a full parse closing the old cursor");
        assertEquals(1, net.requests.get(2)[2 + 3] & 0xFF, "piggyback closes one cursor");
    }

    @Test
    void endToEndAttributesTravelAsAPiggybackWithTheNextCall() {
        FakeSqlSession net = scripted(reply().status().bytes(), reply().status().bytes());
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        c.module("mod");
        c.clientIdentifier(null);
        c.commit();
        c.commit();
        java.util.HexFormat hex = java.util.HexFormat.of();
        assertEquals("1187" + hex.formatHex(new byte[] {net.requests.get(0)[2]}) + "0000" + "0109" // flags: module | client id
                + "0100" + "010103" + "0000" + "00000000" + "0000" + "00000000" + "0000" + "036d6f64" // pointers, then CLR "mod"
                + "030e", hex.formatHex(net.requests.get(0)).substring(0, 64), "python-oracledb's layout, then COMMIT");
        assertEquals(List.of(1135, 14), net.functions(), "attributes are sent once");
        assertThrows(IllegalArgumentException.class, () -> c.action("a".repeat(65)));
    }

    @Test
    void noDataFoundFromPlsqlIsAnErrorButEndsAQuery() {
        FakeSqlSession net = scripted(reply().error(0, 0, 1403, "ORA-01403: no data found").bytes());
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        OracleDatabaseException e = assertThrows(OracleDatabaseException.class, () -> c.execute(
                "begin select 1 into :1 from dual where 1 = 0; end;", OutParam.of(OracleType.NUMBER)));
        assertEquals(1403, e.oraCode());
    }

    @Test
    void serverPiggybacksAreSkippedAndFlushOutBindsIsAnswered() {
        FakeSqlSession net = new FakeSqlSession(req -> req.length == 1 && req[0] == 19
                ? List.of(reply().row(str("out"), new Replies.Raw(new byte[] {0})).error(0, 1, 0, null).bytes())
                : List.of(reply().allServerPiggybacks().ioVector(16).flushOutBinds().bytes()));
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        try (Cursor cur = c.execute("begin :1 := 'out'; end;", OutParam.of(OracleType.VARCHAR2))) {
            assertEquals("out", cur.outValue(1));
        }
        assertEquals(2, net.requests.size());
        assertArrayEquals(new byte[] {19}, net.requests.get(1), "the one-byte FLUSH_OUT_BINDS answer");
    }

    @Test
    void dmlReturningIntoSendsMetadataWithoutValuesAndReturnsOneValuePerRow() {
        FakeSqlSession net = scripted(reply().row(new Replies.Raw(new byte[] {1, 2}), num(7), new Replies.Raw(new byte[] {0}), num(8),
                new Replies.Raw(new byte[] {0}), new Replies.Raw(new byte[] {1, 2}), str("AAAAABAAAAAAAEDAAE"), new Replies.Raw(new byte[] {0}),
                str("AAAAABAAAAAAAEDAAF"), new Replies.Raw(new byte[] {0})).error(31, 2, 0, null).bytes());
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        try (Cursor cur = c.execute("update t set v = :v where k > :k returning id, rowid into :id, :rid", "new", 5,
                OutParam.of(OracleType.NUMBER), OutParam.of(OracleType.ROWID))) {
            assertEquals(2, cur.rowCount());
            assertEquals(List.of(new BigDecimal(7), new BigDecimal(8)), cur.outValue(3));
            assertEquals(List.of("AAAAABAAAAAAAEDAAE", "AAAAABAAAAAAAEDAAF"), cur.outValue(4));
        }
        byte[] req = net.requests.get(0);
        String text = new String(req, StandardCharsets.ISO_8859_1);
        int rowData = text.lastIndexOf((char) 7);
        assertEquals((long) 0x8000 | 0x20 | 0x08 | 0x01, options(req), "four binds described, not PL/SQL");
        assertEquals("new", text.substring(rowData + 2, rowData + 5), "ROW_DATA carries only the IN values");
        assertEquals(rowData + 1 + 4 + 3, req.length, "07, then 03 'new' and 02 C1 06: nothing for the return binds");
        OrathinProtocolException e = assertThrows(OrathinProtocolException.class, () -> c.execute(
                "delete from t returning id into :id", 5));
        assertEquals(CoreErrorCode.BIND_ERROR, e.errorCode());
    }

    @Test
    void dmlRowCountAutocommitAndTransactions() {
        FakeSqlSession net = scripted(reply().error(9, 3, 0, null).bytes(), reply().status().bytes(), reply().status().bytes());
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        c.autoCommit(true);
        try (Cursor cur = c.execute("update t set a = :a where b = :b", "x", LocalDateTime.of(2024, 3, 15, 13, 45, 30))) {
            assertFalse(cur.isQuery());
            assertEquals(3, cur.rowCount());
            assertThrows(OrathinProtocolException.class, cur::next);
        }
        assertEquals((long) 0x8000 | 0x100 | 0x20 | 0x08 | 0x01, options(net.requests.get(0)), "not PL/SQL, commit, execute, bind, parse");
        c.commit();
        c.rollback();
        assertEquals(List.of(94, 14, 15), net.functions());
    }

    @Test
    void statementErrorLeavesTheConnectionUsable() {
        FakeSqlSession net = scripted(reply().error(0, 0, 942, "ORA-00942: table or view does not exist").bytes(),
                reply().describe(Col.num("N", 3, 0)).rowHeader(null).row(num(5)).error(12, 1, 1403, "ORA-01403: no data found").bytes());
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        OracleDatabaseException e = assertThrows(OracleDatabaseException.class, () -> c.execute("select * from missing"));
        assertEquals(942, e.oraCode());
        assertEquals(7, e.offset());
        assertTrue(e.getMessage().contains("ORA-00942"), e.getMessage());
        try (Cursor cur = c.execute("select n from ok")) {
            assertTrue(cur.next());
            assertEquals(5, cur.getInt(1));
        }
        assertTrue(c.isHealthy());
    }

    @Test
    void namedBindsFollowFirstAppearanceAndPlsqlOutBinds() {
        FakeSqlSession net = scripted(reply().ioVector(16, 32, 48)
                .row(OracleNumber.encode(new BigDecimal("42.5")), new Replies.Raw(new byte[] {0}), str("HELLO"),
                        new Replies.Raw(new byte[] {0})).error(0, 1, 0, null).bytes());
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        try (Cursor cur = c.execute("begin :result := f(:inp, :io); end;", Map.of("inp", 7, "io", OutParam.inOut(OracleType.VARCHAR2,
                "hello"), "RESULT", OutParam.of(OracleType.NUMBER)))) {
            assertEquals(new BigDecimal("42.5"), cur.outValue(1));
            assertNull(cur.outValue(2));
            assertEquals("HELLO", cur.outValue(3));
        }
        byte[] req = net.requests.get(0);
        String s = new String(req, StandardCharsets.ISO_8859_1);
        assertTrue(s.contains("hello"), "the IN OUT value is sent");
        assertEquals((long) 0x0400 | 0x20 | 0x08 | 0x01, options(req), "PL/SQL bind, execute, bind, parse");
        OrathinProtocolException missing = assertThrows(OrathinProtocolException.class, () -> c.execute("select :a, :b from dual",
                Map.of("a", 1)));
        assertEquals(CoreErrorCode.BIND_ERROR, missing.errorCode());
        assertTrue(missing.getMessage().contains("[B]"), missing.getMessage());
    }

    @Test
    void executeManyReturnsPerRowCounts() {
        FakeSqlSession net = scripted(reply().rowCounts(1, 0, 2).error(4, 3, 0, null).bytes());
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        long[] counts = c.executeMany("update t set v = :1 where k = :2", List.of(new Object[] {"a", 1}, new Object[] {null, 2},
                new Object[] {"ccc", 3}));
        assertArrayEquals(new long[] {1, 0, 2}, counts);
        byte[] req = net.requests.get(0);
        int rowData = 0;
        for (byte b : req) {
            rowData += b == 7 ? 1 : 0;
        }
        assertTrue(rowData >= 3, "one ROW_DATA per row");
        OrathinProtocolException mixed = assertThrows(OrathinProtocolException.class, () -> c.executeMany("insert into t values (:1)",
                List.of(new Object[] {"a"}, new Object[] {5})));
        assertEquals(CoreErrorCode.BIND_ERROR, mixed.errorCode());
    }

    @Test
    void lobColumnsAreDefinedAsLongAndComeInline() {
        FakeSqlSession net = scripted(
                reply().describe(Col.num("ID", 5, 0), Col.of("DOC", 112, 4000, 1), Col.of("BIN", 113, 4000, 0)).rowHeader(null)
                        .row(num(1), new Replies.Raw(new byte[] {1, 4, 1, 100, 1, 8, 4, 0, 1, 2, 3}), new Replies.Raw(new byte[] {0}))
                        .error(21, 1, 0, null).bytes(),
                reply().rowHeader(null).row(num(1), str("long text"), new Replies.Raw(new byte[] {0, 0}), new byte[] {9, 8},
                        new Replies.Raw(new byte[] {0, 0})).error(21, 1, 1403, "ORA-01403: no data found").bytes());
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        try (Cursor cur = c.execute("select id, doc, bin from docs")) {
            assertEquals(OracleType.CLOB, cur.columns().get(1).type());
            assertTrue(cur.next());
            assertEquals("long text", cur.getString(2));
            assertArrayEquals(new byte[] {9, 8}, cur.getBytes(3));
            assertFalse(cur.next());
        }
        byte[] define = net.requests.get(1);
        assertEquals(94, define[1]);
        assertEquals((long) 0x8000 | 0x40 | 0x10, options(define), "define + fetch, not PL/SQL");
    }

    @Test
    void unsupportedColumnTypeNamesTheColumnAndClosesTheSession() {
        FakeSqlSession net = scripted(reply().describe(Col.of("SHAPE", 109, 100, 0)).error(3, 0, 0, null).bytes());
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        OrathinProtocolException e = assertThrows(OrathinProtocolException.class, () -> c.execute("select shape from geo"));
        assertEquals(CoreErrorCode.UNSUPPORTED_TYPE, e.errorCode());
        assertTrue(e.getMessage().contains("SHAPE") && e.getMessage().contains("109"), e.getMessage());
        assertFalse(c.isHealthy());
    }

    @Test
    void cancelFromAnotherThreadEndsTheCallWithOra01013() throws Exception {
        FakeSqlSession net = new FakeSqlSession(req -> List.of()); // the statement "runs" until interrupted
        net.onMarker = m -> m == 3 ? List.of(FakeSqlSession.marker(1))
                : m == 2 ? List.of(FakeSqlSession.marker(2), dataOf(reply().error(0, 0, 1013, "ORA-01013: user requested cancel of"
                        + " current operation").bytes())) : List.of();
        OracleConnection c = net.connection(Duration.ofSeconds(20));
        CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(() -> {
            try {
                c.execute("begin dbms_session.sleep(60); end;");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        while (net.requests.isEmpty()) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
        c.cancel();
        Throwable t = call.get(10, TimeUnit.SECONDS);
        assertTrue(t instanceof OracleDatabaseException d && d.oraCode() == 1013, String.valueOf(t));
        assertEquals(List.of(3, 2), net.markers, "INTERRUPT, then RESET after the server's BREAK");
        net.script = req -> List.of(reply().status().bytes());
        c.commit();
        assertTrue(c.isHealthy());
    }

    @Test
    void callTimeoutInterruptsAndKeepsTheConnectionWhenTheServerAnswers() {
        FakeSqlSession net = new FakeSqlSession(req -> List.of());
        net.onMarker = m -> m == 3 ? List.of(FakeSqlSession.marker(1))
                : m == 2 ? List.of(FakeSqlSession.marker(2), dataOf(reply().error(0, 0, 1013, "ORA-01013").bytes())) : List.of();
        OracleConnection c = net.connection(Duration.ofMillis(200));
        OrathinProtocolException e = assertThrows(OrathinProtocolException.class, () -> c.execute("delete from big"));
        assertEquals(CoreErrorCode.CALL_TIMEOUT, e.errorCode());
        assertTrue(e.getMessage().contains("still usable"), e.getMessage());
        assertTrue(c.isHealthy());
    }

    @Test
    void callTimeoutClosesTheConnectionWhenTheServerNeverAnswers() {
        FakeSqlSession net = new FakeSqlSession(req -> List.of());
        OracleConnection c = net.connection(Duration.ofMillis(100));
        long t0 = System.nanoTime();
        OrathinProtocolException e = assertThrows(OrathinProtocolException.class, () -> c.execute("delete from big"));
        assertEquals(CoreErrorCode.CALL_TIMEOUT, e.errorCode());
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertFalse(c.isHealthy());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(15), "bounded by call timeout + RESET_TIMEOUT");
    }

    @Test
    void typesDecodeToTheirJavaDefaults() {
        FakeSqlSession net = scripted(reply().describe(Col.of("D", 12, 7, 0), Col.of("BD", 101, 8, 0), Col.of("BF", 100, 4, 0),
                Col.of("R", 23, 10, 0), Col.of("NV", 1, 20, 2), Col.of("IDS", 183, 11, 0), Col.of("RID", 11, 10, 0),
                Col.of("NULLCOL", 1, 0, 1)).rowHeader(null)
                .row(OracleDateTime.encodeTimestamp(LocalDateTime.of(2024, 3, 15, 13, 45, 30), false), OracleDateTime.encodeDouble(1.0),
                        OracleDateTime.encodeFloat(-2.5f), new byte[] {1, 2}, "é".getBytes(StandardCharsets.UTF_16BE),
                        OracleDateTime.encodeIntervalDs(Duration.ofHours(-25).minusMillis(5)),
                        new Replies.Raw(new byte[] {1, 1, 1, 1, 0, 1, 2, 1, 3, 1, 4}))
                .error(5, 1, 1403, "ORA-01403").bytes());
        OracleConnection c = net.connection(Duration.ofSeconds(5));
        try (Cursor cur = c.execute("select * from types")) {
            assertTrue(cur.next());
            assertEquals(LocalDateTime.of(2024, 3, 15, 13, 45, 30), cur.getObject(1));
            assertEquals(1.0, cur.getObject(2));
            assertEquals(-2.5f, cur.getObject(3));
            assertArrayEquals(new byte[] {1, 2}, cur.getBytes(4));
            assertEquals("0102", cur.getString(4));
            assertEquals("é", cur.getObject(5));
            assertEquals(Duration.ofHours(-25).minusMillis(5), cur.getObject(6));
            assertEquals("AAAAABAAAAAAAEDAAE", cur.getObject(7));
            assertNull(cur.getObject(8));
            assertEquals(OracleType.NVARCHAR2, cur.columns().get(4).type());
        }
    }

    /** The execute options: the universal integer after the 3-byte function header. */
    static long options(byte[] req) {
        int n = req[3];
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (req[4 + i] & 0xFF);
        }
        return v;
    }

    static dev.orathin.net.NetPacket dataOf(byte[] b) {
        return new dev.orathin.net.NetPacket(dev.orathin.net.NetPacket.TYPE_DATA, 0, 0, b);
    }
}
