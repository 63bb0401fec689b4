package dev.orathin.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orathin.ConnectParams;
import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code orathin trace decode}: on real server captures (in place, skipped when absent) and on a trace orathin writes itself. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TraceCommandTest {

    private static Path realPackets(String name) {
        String configured = System.getProperty("ORATHIN_REAL_PACKETS", System.getenv("ORATHIN_REAL_PACKETS"));
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "real-packets");
        Path f = dir.resolve(name);
        assumeTrue(Files.isRegularFile(f), f.toAbsolutePath().normalize() + " absent (set ORATHIN_REAL_PACKETS): skipping");
        return f;
    }

    @Test
    void decodesARealSessionWithRowsAndRedactedAuthentication() {
        Cli.Run run = new Cli().run("trace", "decode", realPackets("muhdur-fetch_df.txt").toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("ACCEPT(2)") && run.out().contains("fastAuth=true"), run.out());
        assertTrue(run.out().contains("DESCRIBE_INFO (16)") && run.out().contains("alpha"), run.out());
        assertTrue(run.out().contains("ORA-01403"), run.out());
        assertTrue(run.out().contains("values=not shown (authentication)"), run.out());
        assertFalse(run.out().contains("AUTH_SESSKEY="), "no authentication value is printed");
        assertTrue(run.out().contains("0 unaccounted") || !run.out().contains("unaccounted"), run.out());
    }

    @Test
    void jsonAndRefusalsByFeature() {
        Cli.Run run = new Cli().run("trace", "decode", "--json", realPackets("muhdur-aq_raw.txt").toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().startsWith("{"), run.out());
        assertTrue(run.out().contains("\"outcome\": \"REFUSED\"") && run.out().contains("Advanced Queuing"), run.out());
    }

    @Test
    void anOldSessionIsShownPacketByPacketWithoutACrash() {
        Cli.Run run = new Cli().run("trace", "decode", realPackets("pcap-trex-oracle.txt").toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("not accounted for: OTN-"), "undecodable packets name their code and offset");
        assertTrue(run.out().contains("payload offset"), run.out().lines().limit(40).toList().toString());
        Cli.Run jdbc = new Cli().run("trace", "decode", realPackets("pcap-wireshark-sqldeveloper12-2016.txt").toString());
        assertEquals(0, jdbc.code(), jdbc.toString());
        assertTrue(jdbc.out().contains("client Java_TTC-8.2.0") && jdbc.out().contains("note: ojdbc announces SB1"),
                jdbc.out().lines().skip(Math.max(0, jdbc.out().lines().count() - 3)).toList().toString());
    }

    @Test
    void unreadableInputIsATypedError(@TempDir Path dir) throws Exception {
        Cli.Run missing = new Cli().run("trace", "decode", dir.resolve("nope.txt").toString());
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.err().contains("OTN-1092"), missing.toString());
        Path empty = Files.writeString(dir.resolve("empty.txt"), "hello\n");
        Cli.Run none = new Cli().run("trace", "decode", empty.toString());
        assertTrue(none.err().contains("no packets found"), none.toString());
    }

    /** orathin's own ORATHIN_DEBUG_PACKETS trace of a session against the testkit decodes back: query, rows, end. */
    @Test
    void decodesTheTraceOrathinWritesAgainstTheTestkit(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        Logger jul = Logger.getLogger("dev.orathin.packets");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.addAll(r.getMessage().lines().toList());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = jul.getLevel();
        jul.setLevel(Level.FINE);
        jul.addHandler(capture);
        try (TestDatabase db = TestDatabase.builder().user("admin", "Secret#2026").build();
                OracleTestServer server = OracleTestServer.builder().service("demo").database(db).build().start();
                OracleConnection c = Orathin.connect(ConnectParams.builder().dsn(server.descriptor("demo")).user("admin")
                        .password("Secret#2026".toCharArray()).build());
                Cursor cur = c.execute("select 'traced' as word, 42 as n from dual")) {
            assertTrue(cur.next());
        } finally {
            jul.removeHandler(capture);
            jul.setLevel(before);
        }
        assertFalse(lines.isEmpty(), "the packet trace was written");
        assertFalse(String.join("\n", lines).contains("Secret#2026"));
        Path trace = Files.write(dir.resolve("orathin.trace"), lines, StandardCharsets.UTF_8);
        Cli.Run run = new Cli().run("trace", "decode", trace.toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("redacted by the trace writer"), run.out());
        assertTrue(run.out().contains("row=[traced, 42]"), run.out());
        assertFalse(run.out().contains("DECODER_BUG"), run.out());
        assertFalse(run.out().contains("UNACCOUNTED"), run.out());
    }
}
