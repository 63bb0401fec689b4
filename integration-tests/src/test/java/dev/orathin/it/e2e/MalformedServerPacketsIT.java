package dev.orathin.it.e2e;

import static dev.orathin.it.e2e.Fixtures.SERVICE;
import static dev.orathin.it.e2e.Fixtures.USER;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.ConnectParams;
import dev.orathin.OracleConnection;
import dev.orathin.OracleDatabaseException;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.RecordedConnection;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Malformed server packets: the testkit's recorder captures a real plain-TCP session (everything the
 * server sends before the redacted authentication exchange: ACCEPT, negotiation, data types), a
 * tiny fake server replays it with one packet mutated (seeded), and orathin must only ever throw a typed
 * {@link OrathinException} within its timeouts and close its socket — never an NPE, an
 * IndexOutOfBounds, or a hang. The seed of a failing case reproduces it exactly.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MalformedServerPacketsIT {

    static final int CASES = Integer.getInteger("orathin.fuzz.cases", 200);
    static final long BASE_SEED = Long.getLong("orathin.fuzz.seed", 20261125L);

    @Test
    void mutatedServerPacketsOnlyProduceTypedErrors() throws Exception {
        List<RecordedConnection.Packet> script = record();
        List<Integer> outbound = new ArrayList<>();
        for (int i = 0; i < script.size(); i++) {
            if (!script.get(i).inbound()) {
                outbound.add(i);
            }
        }
        assertTrue(outbound.size() >= 3, "recorded at least ACCEPT and the negotiation replies: " + script);
        Map<String, Integer> codes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < CASES; k++) {
            long seed = BASE_SEED + k;
            Random r = new Random(seed);
            int target = outbound.get(r.nextInt(outbound.size()));
            try (FakeServer fake = new FakeServer(script, target, r)) {
                ConnectParams p = ConnectParams.builder().dsn("(description=(retry_count=0)(connect_timeout=2)(address=(protocol=tcp)"
                        + "(host=127.0.0.1)(port=" + fake.port() + "))(connect_data=(service_name=" + SERVICE + ")))")
                        .user(USER).password(Fixtures.password()).connectTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(2)).build();
                long start = System.nanoTime();
                String outcome;
                try (OracleConnection c = Orathin.connect(p)) {
                    outcome = "connected?!";
                    failures.add("seed " + seed + ": connected although the authentication exchange was never replayed");
                } catch (OrathinException e) {
                    outcome = e.code();
                    if (e.getMessage() == null || !e.getMessage().startsWith(e.code())) {
                        failures.add("seed " + seed + ": message without its code: " + e.getMessage());
                    }
                } catch (Throwable t) {
                    outcome = t.getClass().getSimpleName();
                    failures.add("seed " + seed + " (" + fake.mutation + "): " + t);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (took.compareTo(Duration.ofSeconds(4)) > 0) {
                    failures.add("seed " + seed + " (" + fake.mutation + "): took " + took.toMillis() + " ms");
                }
                if (!fake.clientClosed(Duration.ofSeconds(3))) {
                    failures.add("seed " + seed + " (" + fake.mutation + "): the client kept its socket open after " + outcome);
                }
                codes.merge(outcome, 1, Integer::sum);
            }
        }
        Path report = Path.of("target", "fuzz-server-packets.md");
        Files.createDirectories(report.getParent());
        StringBuilder b = new StringBuilder("# Mutated server packets (" + CASES + " cases, base seed " + BASE_SEED + ")\n\n| outcome | cases |\n|---|---|\n");
        codes.forEach((c, n) -> b.append("| ").append(c).append(" | ").append(n).append(" |\n"));
        Files.writeString(report, b.toString());
        assertTrue(failures.isEmpty(), failures.size() + " bad outcomes, e.g. " + failures.subList(0, Math.min(10, failures.size())));
    }

    /**
     * After login, over plain TCP through a {@link Relay}: the server's answer to a call is damaged
     * on the way (seeded). The call either succeeds (a harmless flip) or throws a typed error, and
     * after a protocol error the connection reports itself unhealthy so it cannot be reused on a
     * stream whose framing is unknown.
     */
    @Test
    void mutatedAnswersAfterLoginOnlyProduceTypedErrorsAndAnUnhealthyConnection() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> codes = new TreeMap<>();
        try (OracleTestServer server = OracleTestServer.builder().service(SERVICE).database(Fixtures.database())
                .build().start(); Relay relay = new Relay(server.port())) {
            for (int k = 0; k < 40; k++) {
                long seed = BASE_SEED + 10_000 + k;
                Random r = new Random(seed);
                try (OracleConnection c = Orathin.connect(ConnectParams.builder().dsn("tcp://127.0.0.1:" + relay.port() + "/" + SERVICE)
                        .user(USER).password(Fixtures.password()).callTimeout(Duration.ofSeconds(5)).build())) {
                    Fixtures.use(c);
                    // a damaged length makes the client wait for bytes that never come: keep that wait short
                    c.callTimeout(Duration.ofMillis(300));
                    relay.mutateNextFromServer(b -> {
                        int n = 1 + r.nextInt(3);
                        for (int i = 0; i < n; i++) {
                            b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                        }
                        return b;
                    });
                    String outcome;
                    try {
                        Fixtures.use(c);
                        outcome = "ok";
                    } catch (AssertionError e) {
                        // a flipped bit inside a value: plain TCP has no integrity check (TLS has, on TCPS)
                        outcome = "value changed (undetectable without TLS)";
                    } catch (OracleDatabaseException e) {
                        // the damaged reply still parsed as a complete ORA error: the session stays usable
                        outcome = "ORA-" + e.getMessage().replaceAll("(?s).*ORA-(\\d{5}).*", "$1");
                    } catch (OrathinException e) {
                        outcome = e.code();
                        if (c.isHealthy()) {
                            // only an interrupted call (OTN-5030 after a successful break/reset) may leave it usable,
                            // and then it must really be usable
                            try {
                                c.callTimeout(Duration.ofSeconds(5));
                                Fixtures.use(c);
                                outcome += " then usable";
                            } catch (Throwable again) {
                                failures.add("seed " + seed + ": " + e.code() + " left the connection reporting healthy, but then: " + again);
                            }
                        }
                    } catch (Throwable t) {
                        outcome = t.getClass().getSimpleName();
                        failures.add("seed " + seed + ": " + t);
                    }
                    codes.merge(outcome, 1, Integer::sum);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " bad outcomes " + codes + ", e.g. " + failures.subList(0, Math.min(5, failures.size())));
    }

    /** A clean plain-TCP login recorded by the testkit; the script ends at the first redacted (authentication) packet. */
    static List<RecordedConnection.Packet> record() throws Exception {
        try (OracleTestServer server = OracleTestServer.builder().service(SERVICE).database(Fixtures.database())
                .build().start()) {
            try (OracleConnection c = Orathin.connect(ConnectParams.builder().dsn("tcp://127.0.0.1:" + server.port() + "/" + SERVICE)
                    .user(USER).password(Fixtures.password()).build())) {
                Fixtures.use(c);
            }
            RecordedConnection rec = server.takeConnection(Duration.ofSeconds(5));
            rec.awaitEnd(5, TimeUnit.SECONDS);
            List<RecordedConnection.Packet> script = new ArrayList<>();
            for (RecordedConnection.Packet p : rec.packets()) {
                if (p.bytes() == null) {
                    break;
                }
                script.add(p);
            }
            return script;
        }
    }

    /** Replays the script to one client, mutating the target outbound packet; then half-closes and watches for the client's close. */
    static final class FakeServer implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicBoolean sawEof = new AtomicBoolean();
        private final Thread thread;
        volatile String mutation = "none";

        FakeServer(List<RecordedConnection.Packet> script, int target, Random r) throws IOException {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
            byte[] mutated = mutate(script.get(target).bytes(), r);
            thread = new Thread(() -> serve(script, target, mutated), "fuzz-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve(List<RecordedConnection.Packet> script, int target, byte[] mutated) {
            try (Socket s = server.accept()) {
                // a client that stops talking after the damage is answered with EOF quickly (keeps the suite fast)
                s.setSoTimeout(150);
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                boolean accepted = false;
                try {
                    for (int i = 0; i < script.size(); i++) {
                        RecordedConnection.Packet p = script.get(i);
                        if (p.inbound()) {
                            readPacket(in, accepted);
                        } else {
                            out.write(i == target ? mutated : p.bytes());
                            out.flush();
                            accepted |= p.type() == 2;
                        }
                    }
                } catch (SocketTimeoutException | EOFException e) {
                    // the client stopped talking (it gave up on the damaged packet)
                }
                s.shutdownOutput();
                s.setSoTimeout(3000);
                drainUntilEof(s.getInputStream());
            } catch (IOException e) {
                // reset by the client counts as closed
                sawEof.set(true);
            }
        }

        private void drainUntilEof(InputStream in) throws IOException {
            byte[] buf = new byte[4096];
            try {
                while (in.read(buf) >= 0) {
                    // discard
                }
                sawEof.set(true);
            } catch (SocketTimeoutException e) {
                // the client never closed
            }
        }

        /** TNS framing: 2-byte length before ACCEPT, 4-byte after (version 315+ with large SDU). */
        private static void readPacket(DataInputStream in, boolean accepted) throws IOException {
            byte[] header = new byte[8];
            in.readFully(header);
            int len = accepted ? ((header[0] & 0xFF) << 24 | (header[1] & 0xFF) << 16 | (header[2] & 0xFF) << 8 | header[3] & 0xFF)
                    : ((header[0] & 0xFF) << 8 | header[1] & 0xFF);
            if (len < 8 || len > 1 << 20) {
                throw new EOFException("unexpected client framing");
            }
            in.readFully(new byte[len - 8]);
        }

        byte[] mutate(byte[] original, Random r) {
            byte[] b = original.clone();
            switch (r.nextInt(6)) {
                case 0 -> {
                    int n = 1 + r.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                    mutation = "flip " + n + " bits";
                }
                case 1 -> {
                    int at = 8 + r.nextInt(Math.max(1, b.length - 8));
                    int n = Math.min(b.length - at, 1 + r.nextInt(16));
                    byte v = r.nextBoolean() ? (byte) 0xFF : 0;
                    for (int i = at; i < at + n; i++) {
                        b[i] = v;
                    }
                    mutation = "fill " + n + " bytes at " + at + " with " + (v & 0xFF);
                }
                case 2 -> {
                    int cut = 8 + r.nextInt(Math.max(1, b.length - 8));
                    b = java.util.Arrays.copyOf(b, cut);
                    setLength(b, original, cut);
                    mutation = "truncate to " + cut + " (length fixed)";
                }
                case 3 -> {
                    b = java.util.Arrays.copyOf(b, Math.max(8, r.nextInt(b.length)));
                    mutation = "truncate to " + b.length + " (length not fixed)";
                }
                case 4 -> {
                    int at = 8 + r.nextInt(Math.max(1, b.length - 8));
                    b[at] = (byte) r.nextInt(256);
                    if (at + 1 < b.length) {
                        b[at + 1] = (byte) r.nextInt(256);
                    }
                    mutation = "randomise 2 bytes at " + at;
                }
                default -> {
                    b[r.nextInt(8)] = (byte) r.nextInt(256);
                    mutation = "random header byte";
                }
            }
            return b;
        }

        /** Writes the new total length into the header, in the width (2 or 4 bytes) the original used. */
        private static void setLength(byte[] b, byte[] original, int len) {
            if (((original[0] & 0xFF) << 8 | original[1] & 0xFF) == original.length) {
                b[0] = (byte) (len >> 8);
                b[1] = (byte) len;
            } else {
                b[0] = (byte) (len >> 24);
                b[1] = (byte) (len >> 16);
                b[2] = (byte) (len >> 8);
                b[3] = (byte) len;
            }
        }

        boolean clientClosed(Duration wait) throws InterruptedException {
            thread.join(wait.toMillis());
            return sawEof.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
