package dev.orathin.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.ConnectParams;
import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Micrometer adapter fed by real calls and connects against the testkit. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OrathinMetricsTest {

    @Test
    void callsAndConnectsBecomeMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OrathinMetrics metrics = new OrathinMetrics(registry, Tags.of("db", "demo"));
        try (TestDatabase db = TestDatabase.builder().user("admin", "Secret#2026").build();
                OracleTestServer server = OracleTestServer.builder().service("demo").database(db).build().start()) {
            try (OracleConnection c = Orathin.connect(ConnectParams.builder().dsn(server.descriptor("demo")).user("admin")
                    .password("Secret#2026".toCharArray()).callListener(metrics).connectListener(metrics).build())) {
                try (Cursor cur = c.execute("select 1 from dual union all select 2 from dual union all select 3 from dual")) {
                    while (cur.next()) {
                        cur.getInt(1);
                    }
                }
                assertThrows(OrathinException.class, () -> c.execute("select * from missing_table"));
                c.commit();
            }
        }
        assertEquals(1, registry.get("orathin.connect").tags("outcome", "success", "db", "demo").timer().count());
        assertEquals(1, registry.get("orathin.call").tags("kind", "EXECUTE", "operation", "SELECT", "outcome", "success").timer().count());
        assertEquals(1, registry.get("orathin.call").tags("outcome", "error", "error", "ORA-00942").timer().count());
        assertEquals(1, registry.get("orathin.call").tags("kind", "COMMIT").timer().count());
        double rows = registry.find("orathin.call.rows").tags("operation", "SELECT").counters().stream().mapToDouble(x -> x.count()).sum()
                + registry.find("orathin.call.rows").tags("kind", "FETCH").counters().stream().mapToDouble(x -> x.count()).sum();
        assertEquals(3.0, rows);
        assertTrue(registry.get("orathin.call.bytes").tags("direction", "received").counter().count() > 0);
        for (Meter m : registry.getMeters()) {
            assertTrue(m.getId().getTags().stream().noneMatch(t -> t.getValue().contains("Secret") || t.getValue().contains("missing_table")),
                    "no secret or SQL text in tags: " + m.getId());
        }
    }

    @Test
    void aFailedConnectIsTimedAndItsAttemptsCounted() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OrathinMetrics metrics = new OrathinMetrics(registry);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String dsn = "(DESCRIPTION=(RETRY_COUNT=1)(RETRY_DELAY=0)(ADDRESS=(PROTOCOL=tcp)(HOST=127.0.0.1)(PORT=" + port
                + "))(CONNECT_DATA=(SERVICE_NAME=x)))";
        assertThrows(OrathinException.class, () -> Orathin.connect(ConnectParams.builder().dsn(dsn).user("u").password(new char[] {'p'})
                .connectTimeout(Duration.ofSeconds(10)).connectListener(metrics).build()));
        assertEquals(1, registry.get("orathin.connect").tags("outcome", "error").timer().count());
        assertEquals(2.0, registry.get("orathin.connect.attempts.failed").tags("phase", "TCP", "permanent", "false").counter().count());
        assertEquals(1.0, registry.get("orathin.connect.retries").counter().count());
    }
}
