package dev.orathin.it.e2e;

import static dev.orathin.it.e2e.Fixtures.SERVICE;
import static dev.orathin.it.e2e.Fixtures.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.ConnectParams;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import dev.orathin.testkit.Fault;
import dev.orathin.testkit.OracleTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens when things go wrong after the happy path: the server killed mid-handshake and
 * mid-call, the network going silent, 50 threads at once with faults mixed in. Every failure must
 * be a typed OrathinException with a stable code, bounded in time, with nothing leaked and the
 * connection reporting itself unhealthy.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RobustnessIT {

    static final Pattern CODE = Pattern.compile("OTN-\\d{4}");

    @TempDir
    Path tmp;

    static String descriptor(int port, String params) {
        return "(description=(retry_count=0)" + params + "(address=(protocol=tcps)(host=127.0.0.1)(port=" + port
                + "))(connect_data=(service_name=" + SERVICE + "))(security=(ssl_server_dn_match=yes)))";
    }

    ConnectParams.Builder params(OracleTestServer server, String dsn) {
        Path cfg = server.writeClientConfig(tmp.resolve("cfg-" + server.port()), Fixtures.walletPassword());
        return ConnectParams.builder().dsn(dsn).user(USER).password(Fixtures.password()).walletLocation(cfg.resolve("cwallet.sso").toString());
    }

    /**
     * The server closes after n bytes of its output, for n across the whole connect + login + call:
     * every cut before the call's answer is complete is a typed error within the bounds; a cut after
     * the whole exchange lets the scenario succeed.
     */
    @Test
    void serverKilledMidHandshakeAtEveryStage() throws Exception {
        try (OracleTestServer server = Fixtures.server().build().start()) {
            ConnectParams p = params(server, descriptor(server.port(), "(connect_timeout=3)")).connectTimeout(Duration.ofSeconds(5)).build();
            // a clean run measures how many bytes the server writes up to the end of the call's answer
            long total;
            try (OracleConnection c = Orathin.connect(p)) {
                Fixtures.use(c);
                total = server.connections().get(0).bytesOut();
            }
            List<String> outcomes = new ArrayList<>();
            Random random = new Random(7);
            for (int i = 0; i < 30; i++) {
                int n = i < 25 ? (int) (total * i / 25) + (i == 0 ? 0 : random.nextInt(20)) : (int) total + 50 * i;
                server.enqueueFault(new Fault.CloseAfterBytes(n));
                long start = System.nanoTime();
                String outcome;
                try (OracleConnection c = Orathin.connect(p)) {
                    Fixtures.use(c);
                    outcome = "ok";
                } catch (OrathinException e) {
                    assertTrue(CODE.matcher(e.code()).matches(), e.toString());
                    assertTrue(e.getMessage().length() > 20, e.getMessage());
                    outcome = e.code();
                }
                outcomes.add(n + "=" + outcome);
                assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(4)) < 0, "cut at " + n + " bytes took too long");
                if (n < total) {
                    assertTrue(!outcome.equals("ok"), "cut at " + n + " of " + total + " bytes cannot succeed: " + outcomes);
                } else {
                    assertEquals("ok", outcome, "cut after the whole exchange (" + total + " bytes): " + outcomes);
                }
            }
        }
    }

    /** The server goes away while a call is waiting for its answer: the call fails at once (not at the call timeout), typed. */
    @Test
    void serverKilledMidCall() throws Exception {
        try (OracleTestServer server = Fixtures.server().build().start(); Relay relay = new Relay(server.port())) {
            try (OracleConnection c = Orathin.connect(params(server, descriptor(relay.port(), "")).callTimeout(Duration.ofSeconds(20)).build())) {
                Fixtures.use(c);
                relay.freeze();
                Thread killer = new Thread(() -> {
                    sleep(300);
                    relay.cut();
                });
                killer.start();
                long start = System.nanoTime();
                OrathinException e = assertThrows(OrathinException.class, () -> Fixtures.use(c));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
                assertTrue(List.of("OTN-3030", "OTN-3031", "OTN-4030").contains(e.code()), e.getMessage());
                assertFalse(c.isHealthy());
                OrathinException again = assertThrows(OrathinException.class, () -> Fixtures.use(c));
                assertTrue(CODE.matcher(again.code()).matches(), again.getMessage());
            }
        }
    }

    /** A big query (many fetch round trips) over the relay. */
    static final String BIG_QUERY = "select level, rpad('x', 200, 'x') from dual connect by level <= 20000";

    /** The server goes away while a query is executing: typed error, promptly, connection unhealthy. */
    @Test
    void serverKilledMidQuery() {
        try (OracleTestServer server = Fixtures.server().build().start(); Relay relay = new Relay(server.port())) {
            try (OracleConnection c = Orathin.connect(params(server, descriptor(relay.port(), "")).callTimeout(Duration.ofSeconds(20)).build())) {
                Fixtures.use(c);
                relay.freeze();
                Thread killer = new Thread(() -> {
                    sleep(300);
                    relay.cut();
                });
                killer.start();
                long start = System.nanoTime();
                OrathinException e = assertThrows(OrathinException.class, () -> c.execute(BIG_QUERY).close());
                assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
                assertTrue(List.of("OTN-3030", "OTN-3031", "OTN-4030").contains(e.code()), e.getMessage());
                assertFalse(c.isHealthy());
            }
        }
    }

    /** The server goes away between fetch round trips: the rows already read were right, the next fetch fails typed. */
    @Test
    void serverKilledMidFetch() {
        try (OracleTestServer server = Fixtures.server().build().start(); Relay relay = new Relay(server.port())) {
            try (OracleConnection c = Orathin.connect(params(server, descriptor(relay.port(), "")).callTimeout(Duration.ofSeconds(20)).build())) {
                Fixtures.use(c);
                var cur = c.execute(BIG_QUERY);
                long seen = 0;
                assertTrue(cur.next());
                assertEquals(1L, ((Number) cur.getObject(1)).longValue());
                seen++;
                relay.cut();
                OrathinException e = assertThrows(OrathinException.class, () -> {
                    long n = 1;
                    while (cur.next()) {
                        n++;
                        assertEquals(n, ((Number) cur.getObject(1)).longValue(), "rows stay in order and intact");
                    }
                    throw new AssertionError("all " + n + " rows arrived although the connection was cut after the first batch");
                });
                assertTrue(List.of("OTN-3030", "OTN-3031", "OTN-4030").contains(e.code()), e.getMessage());
                assertFalse(c.isHealthy());
                OrathinException again = assertThrows(OrathinException.class, () -> c.execute("select 1 from dual"));
                assertTrue(CODE.matcher(again.code()).matches(), again.getMessage());
                assertTrue(seen == 1);
            }
        }
    }

    /** The network goes silent between fetch round trips: the call timeout fires on the fetch, not later. */
    @Test
    void silentNetworkMidFetch() {
        try (OracleTestServer server = Fixtures.server().build().start(); Relay relay = new Relay(server.port())) {
            try (OracleConnection c = Orathin.connect(params(server, descriptor(relay.port(), "")).callTimeout(Duration.ofMillis(800)).build())) {
                var cur = c.execute(BIG_QUERY);
                assertTrue(cur.next());
                relay.freeze();
                long start = System.nanoTime();
                OrathinException e = assertThrows(OrathinException.class, () -> {
                    while (cur.next()) {
                        // drain the buffered batch; the next fetch meets the silence
                    }
                });
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals("OTN-5030", e.code(), e.getMessage());
                assertBetween(took, Duration.ofMillis(750), Duration.ofMillis(800).plus(OracleConnection.RESET_TIMEOUT).plusSeconds(3));
                assertFalse(c.isHealthy());
            }
        }
    }

    /** The server process dies after login (listener closed, every socket closed): next call fails typed; close() is quick. */
    @Test
    void serverShutDownBetweenCalls() {
        OracleTestServer server = Fixtures.server().build().start();
        OracleConnection c = Orathin.connect(params(server, descriptor(server.port(), "")).callTimeout(Duration.ofSeconds(20)).build());
        Fixtures.use(c);
        server.close();
        OrathinException e = assertThrows(OrathinException.class, () -> Fixtures.use(c));
        assertTrue(List.of("OTN-3030", "OTN-3031", "OTN-4030").contains(e.code()), e.getMessage());
        assertFalse(c.isHealthy());
        long start = System.nanoTime();
        c.close();
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
    }

    /**
     * Network silent after login: the call timeout fires (OTN-5030), orathin interrupts the call
     * (break marker) and, as no reset answer comes within RESET_TIMEOUT, closes the connection;
     * it reports unhealthy and close() does not wait long.
     */
    @Test
    void silentNetworkCallTimeout() {
        try (OracleTestServer server = Fixtures.server().build().start(); Relay relay = new Relay(server.port())) {
            OracleConnection c = Orathin.connect(params(server, descriptor(relay.port(), "")).callTimeout(Duration.ofMillis(500)).build());
            Fixtures.use(c);
            relay.freeze();
            long start = System.nanoTime();
            OrathinException e = assertThrows(OrathinException.class, () -> Fixtures.use(c));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals("OTN-5030", e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("500 ms") && e.getMessage().contains("RESET_TIMEOUT"), e.getMessage());
            assertBetween(took, Duration.ofMillis(450), Duration.ofMillis(500).plus(OracleConnection.RESET_TIMEOUT).plusSeconds(3));
            assertFalse(c.isHealthy(), "after a timed-out call whose interrupt got no answer the session must not be reused");
            start = System.nanoTime();
            c.close();
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
        }
    }

    static void assertBetween(Duration took, Duration min, Duration max) {
        assertTrue(took.compareTo(min) >= 0 && took.compareTo(max) < 0, "took " + took.toMillis() + " ms, expected " + min.toMillis()
                + ".." + max.toMillis() + " ms");
    }

    /** Same with RECV_TIMEOUT in the descriptor, which caps a much longer call timeout. */
    @Test
    void silentNetworkRecvTimeoutFromTheDescriptor() {
        try (OracleTestServer server = Fixtures.server().build().start(); Relay relay = new Relay(server.port())) {
            try (OracleConnection c = Orathin.connect(params(server, descriptor(relay.port(), "(recv_timeout=700ms)"))
                    .callTimeout(Duration.ofSeconds(30)).build())) {
                Fixtures.use(c);
                relay.freeze();
                long start = System.nanoTime();
                OrathinException e = assertThrows(OrathinException.class, () -> Fixtures.use(c));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals("OTN-5030", e.code(), e.getMessage());
                assertTrue(e.getMessage().contains("RECV_TIMEOUT") && e.getMessage().contains("700 ms")
                        && !e.getMessage().contains("30000"), "names the timeout that fired: " + e.getMessage());
                // fired at RECV_TIMEOUT (700 ms), not at the 30 s call timeout; plus the bounded interrupt
                assertBetween(took, Duration.ofMillis(650), Duration.ofMillis(700).plus(OracleConnection.RESET_TIMEOUT).plusSeconds(3));
                assertFalse(c.isHealthy());
            }
        }
    }

    /**
     * EXPIRE_TIME turns TCP keepalive on for the session socket: the kernel shows the keepalive
     * timer armed on it (/proc/net/tcp "tr" = 2). Probes themselves fire after EXPIRE_TIME minutes,
     * too long for this suite; a silent network is caught by the call timeout above.
     */
    @Test
    void expireTimeArmsTcpKeepalive() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux /proc/net/tcp");
        try (OracleTestServer server = Fixtures.server().build().start(); Relay relay = new Relay(server.port())) {
            try (OracleConnection with = Orathin.connect(params(server, descriptor(relay.port(), "(expire_time=1)")).build())) {
                Fixtures.use(with);
                assertEquals("02", timer(relay.clients.get(0).getPort()), "keepalive timer armed with EXPIRE_TIME=1");
            }
            try (OracleConnection without = Orathin.connect(params(server, descriptor(relay.port(), "")).build())) {
                Fixtures.use(without);
                assertEquals("00", timer(relay.clients.get(1).getPort()), "no timer without EXPIRE_TIME");
            }
        }
    }

    /** The "tr" column of the client socket bound to {@code localPort} in /proc/net/tcp{,6}. */
    static String timer(int localPort) throws IOException {
        String port = String.format(":%04X ", localPort);
        for (String f : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(f))) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length > 5 && (cols[1] + " ").endsWith(port) && cols[3].equals("01")) {
                    return cols[5].substring(0, 2);
                }
            }
        }
        throw new AssertionError("no established socket with local port " + localPort);
    }

    /**
     * 50 threads connect, use and close for a bounded time while faults are mixed in: every outcome is a success or a typed
     * OTN error, nothing hangs, and afterwards no thread or socket is left behind.
     */
    @Test
    void fiftyThreadsConcurrently() throws Exception {
        warmUp();
        int socketsBefore = openSockets();
        int threadsBefore = Thread.activeCount();
        AtomicInteger ok = new AtomicInteger();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        List<Throwable> wrong = new CopyOnWriteArrayList<>();
        try (OracleTestServer server = Fixtures.server().build().start()) {
            // bounds generous enough for 50 concurrent TLS handshakes on 2 shared cores; NeverAnswer costs connect_timeout
            ConnectParams p = params(server, descriptor(server.port(), "(connect_timeout=8)")).connectTimeout(Duration.ofSeconds(15))
                    .callTimeout(Duration.ofSeconds(10)).build();
            Random random = new Random(42);
            for (int i = 0; i < 60; i++) {
                server.enqueueFault(switch (i % 4) {
                    case 0 -> new Fault.CloseAfterBytes(random.nextInt(4000));
                    case 1 -> new Fault.NeverAnswer();
                    case 2 -> new Fault.SendGarbage(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
                    default -> new Fault.DropMidTlsHandshake();
                });
            }
            long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            CountDownLatch done = new CountDownLatch(50);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                Thread th = new Thread(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            try (OracleConnection c = Orathin.connect(p)) {
                                Fixtures.use(c);
                                Fixtures.use(c);
                                ok.incrementAndGet();
                            } catch (OrathinException e) {
                                if (!CODE.matcher(e.code()).matches() || e.getMessage() == null) {
                                    wrong.add(e);
                                }
                                errors.merge(e.code(), 1, Integer::sum);
                            } catch (Throwable e) {
                                wrong.add(e);
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                }, "it-client-" + t);
                threads.add(th);
                th.start();
            }
            assertTrue(done.await(90, TimeUnit.SECONDS), "every thread finished in time (no hang)");
        }
        assertTrue(wrong.isEmpty(), "only typed OTN errors: " + wrong);
        assertTrue(ok.get() >= 25, "ok=" + ok + " errors=" + errors);
        assertTrue(errors.values().stream().mapToInt(Integer::intValue).sum() >= 30, "the faults produced errors: " + errors);
        // nothing leaked: sockets and threads come back to where they were (server closed too)
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((openSockets() > socketsBefore || Thread.activeCount() > threadsBefore + 2) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(openSockets() <= socketsBefore, "open sockets before " + socketsBefore + ", after " + openSockets());
        assertTrue(Thread.activeCount() <= threadsBefore + 2, "threads before " + threadsBefore + ", after " + Thread.activeCount());
    }

    /** Starts the shared client I/O threads once so they are part of the baseline. */
    private void warmUp() {
        try (OracleTestServer server = Fixtures.server().build().start();
             OracleConnection c = Orathin.connect(params(server, descriptor(server.port(), "")).build())) {
            Fixtures.use(c);
        }
    }

    static int openSockets() throws IOException {
        int n = 0;
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                        n++;
                    }
                } catch (IOException ignored) {
                    // fd closed while listing
                }
            }
        }
        return n;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
