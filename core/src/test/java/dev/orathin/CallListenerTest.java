package dev.orathin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.internal.calls.CallMeter;
import dev.orathin.net.ConnectEvent;
import dev.orathin.net.RecordingConnectListener;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The per-call listener SPI (issue #21: metrics on each call) and the connect listener through ConnectParams, against the testkit. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CallListenerTest {

    static TestDatabase db;
    static OracleTestServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.builder().user("admin", "Secret#2026").build();
        db.run("create table metered (id number(10) primary key, name varchar2(40))");
        server = OracleTestServer.builder().service("demo").database(db).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static OracleConnection connect(CallListener calls, RecordingConnectListener steps) {
        return Orathin.connect(ConnectParams.builder().dsn(server.descriptor("demo")).user("admin").password("Secret#2026".toCharArray())
                .callListener(calls).connectListener(steps).build());
    }

    @Test
    void everyCallIsReportedWithItsRowsRoundTripsAndBytes() {
        List<CallEvent> events = new ArrayList<>();
        RecordingConnectListener steps = new RecordingConnectListener();
        try (OracleConnection c = connect(events::add, steps)) {
            assertEquals(1, steps.events(ConnectEvent.Connected.class).size(), "the connect listener saw the connect: " + steps.names());
            assertTrue(events.isEmpty(), "the login is not a call: " + events);

            c.arraySize(3);
            long[] counts = c.executeMany("insert into metered values (:1, :2)", List.of(new Object[] {1, "a"}, new Object[] {2, "b"},
                    new Object[] {3, "c"}, new Object[] {4, "d"}, new Object[] {5, "e"}, new Object[] {6, "f"}, new Object[] {7, "g"}));
            assertEquals(7, counts.length);
            CallEvent many = events.get(events.size() - 1);
            assertEquals(CallEvent.Kind.EXECUTE_MANY, many.kind());
            assertEquals("INSERT", many.operation());
            assertEquals(7, many.rows());
            assertEquals(1, many.roundTrips());
            assertTrue(many.bytesSent() > 7 && many.bytesReceived() > 0, many.toString());
            assertTrue(many.succeeded());

            c.commit();
            assertEquals(CallEvent.Kind.COMMIT, events.get(events.size() - 1).kind());
            assertEquals("COMMIT", events.get(events.size() - 1).operation());

            events.clear();
            int seen = 0;
            try (Cursor cur = c.execute(" /* hint */ select id, name from metered order by id")) {
                while (cur.next()) {
                    seen++;
                }
            }
            assertEquals(7, seen);
            assertEquals(CallEvent.Kind.EXECUTE, events.get(0).kind());
            assertEquals("SELECT", events.get(0).operation());
            long fetchedRows = events.stream().filter(e -> e.kind() == CallEvent.Kind.FETCH).mapToLong(CallEvent::rows).sum();
            assertEquals(7, events.get(0).rows() + fetchedRows, "the execute's prefetched rows plus the fetches' rows: " + events);
            assertTrue(events.stream().filter(e -> e.kind() == CallEvent.Kind.FETCH).count() >= 2, "array size 3 needs fetches: " + events);
            assertTrue(events.stream().allMatch(e -> e.roundTrips() == 1 && !e.duration().isNegative()), events.toString());

            events.clear();
            assertEquals(2, c.executeUpdate("update metered set name = 'z' where id <= :1", 2));
            assertEquals(2, events.get(0).rows());
            assertEquals("UPDATE", events.get(0).operation());

            events.clear();
            OracleDatabaseException e = assertThrows(OracleDatabaseException.class, () -> c.execute("select * from no_such_table"));
            CallEvent failed = events.get(0);
            assertFalse(failed.succeeded());
            assertEquals("ORA-00942", failed.errorCode().orElseThrow(), e.getMessage());
            assertFalse(failed.connectionBroken(), "an ORA error leaves the connection usable");
            assertEquals(0, failed.rows());

            events.clear();
            c.ping();
            assertEquals(List.of(CallEvent.Kind.PING), events.stream().map(CallEvent::kind).toList());
        }
    }

    @Test
    void aListenerThatThrowsDoesNotBreakTheCall() {
        try (OracleConnection c = connect(e -> {
            throw new IllegalStateException("listener bug");
        }, new RecordingConnectListener()); Cursor cur = c.execute("select 1 from dual")) {
            assertTrue(cur.next());
            assertEquals(1, cur.getInt(1));
        }
    }

    @Test
    void theOperationIsTheLeadingKeywordNeverTheText() {
        assertEquals("SELECT", CallMeter.operation(CallEvent.Kind.EXECUTE, "-- who\n  (select secret from t)"));
        assertEquals("BEGIN", CallMeter.operation(CallEvent.Kind.EXECUTE, "begin p('x'); end;"));
        assertEquals("ALTER", CallMeter.operation(CallEvent.Kind.EXECUTE, "alter user scott identified by tiger"));
        assertEquals("SQL", CallMeter.operation(CallEvent.Kind.EXECUTE, "  :1"));
        assertEquals("FETCH", CallMeter.operation(CallEvent.Kind.FETCH, null));
        assertEquals("WITH", CallMeter.operation(CallEvent.Kind.EXECUTE, "/* unterminated */with x as (select 1 from dual) select * from x"));
    }
}
