package dev.orathin.it.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Heap stays flat while a LOB far larger than the heap is written and read (issue #16): a client
 * JVM with {@code -Xmx64m} binds a 256 MB BLOB and a 48 M-character CLOB (96 MB as UTF-16) from
 * generated streams, then reads both back through locator streams and checks every unit. The
 * testkit runs in a third JVM with a large heap, since it keeps the values whole. Sizes:
 * {@code -Dorathin.lobHeap.blobMb} / {@code clobMchars}; the 1 GB run is the benchmark
 * ({@code benchmarks} LobStreamBenchmark).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LobHeapIT {

    static final String USER = "scott";
    static final String PASSWORD = "Tiger#2026";
    static final String SERVICE = "freepdb1";

    @Test
    void aLobSeveralTimesTheHeapStreamsThroughA64MbClient() throws Exception {
        long blob = Long.getLong("orathin.lobHeap.blobMb", 256) * 1024 * 1024;
        long clob = Long.getLong("orathin.lobHeap.clobMchars", 48) * 1024 * 1024;
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process server = new ProcessBuilder(javaBin, "-Xmx4g", "-cp", cp, LobHeapServerMain.class.getName(), USER, PASSWORD, SERVICE)
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String port = null;
            List<String> seen = new ArrayList<>();
            for (String line; port == null && (line = out.readLine()) != null;) {
                seen.add(line);
                if (line.startsWith("PORT ")) {
                    port = line.substring(5).trim();
                }
            }
            assertTrue(port != null, "testkit JVM did not start: " + seen);
            Thread drain = new Thread(() -> {
                try {
                    out.transferTo(java.io.Writer.nullWriter());
                } catch (java.io.IOException ignored) {
                    // the server JVM went away
                }
            });
            drain.setDaemon(true);
            drain.start();
            ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx64m", "-XX:+UseSerialGC", "-cp", cp, LobHeapClientMain.class.getName(),
                    "127.0.0.1", port, SERVICE, USER, Long.toString(blob), Long.toString(clob)).redirectErrorStream(true);
            pb.environment().put("ORATHIN_IT_PASSWORD", PASSWORD);
            Process client = pb.start();
            if (!client.waitFor(8, TimeUnit.MINUTES)) {
                client.destroyForcibly();
                throw new AssertionError("the 64 MB client did not finish in 8 minutes");
            }
            String result = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String last = result.lines().reduce((a, b) -> b).orElse("");
            assertTrue(last.startsWith("OK "), result);
            System.out.println("LobHeapIT client: " + last + " (OK bytes chars crc peak-heap-MB)");
            String[] f = last.split(" ");
            assertEquals(Long.toString(blob), f[1]);
            assertEquals(Long.toString(clob), f[2]);
            assertTrue(Long.parseLong(f[4]) <= 64, "peak heap " + f[4] + " MB");
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
