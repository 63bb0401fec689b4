package dev.orathin.benchmarks;

import dev.orathin.Blob;
import dev.orathin.ConnectParams;
import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 1 GB BLOB written from a generated stream (a stream bind: a temporary LOB written in chunks of
 * about 64 KB) and read back through its locator's stream, with orathin's core API against the
 * in-process testkit over TCP. One operation is one whole LOB; the score is seconds per GB (single
 * shot). The fork needs a large heap because the testkit in it keeps the LOB whole; the client's
 * own heap stays flat — {@code -prof gc} shows the allocation per operation, and integration-tests'
 * {@code LobHeapIT} proves the client side in a 64 MB JVM. Not part of CI:
 * {@code java -jar benchmarks/target/benchmarks.jar LobStreamBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class LobStreamBenchmark {

    @Param({"1024"})
    public int megabytes;

    private TestDatabase db;
    private OracleTestServer server;
    private OracleConnection conn;

    @Setup
    public void start() {
        db = TestDatabase.builder().user("bench", "Bench#2026").build();
        db.run("create table bench_lob (id number, b blob)");
        server = OracleTestServer.builder().service("bench").readTimeout(Duration.ofMinutes(10)).database(db).build().start();
        conn = Orathin.connect(ConnectParams.builder().dsn(server.descriptor("bench")).user("bench")
                .password("Bench#2026".toCharArray()).callTimeout(Duration.ofMinutes(10)).build());
        conn.fetchLobs(true);
    }

    @TearDown
    public void stop() {
        conn.close();
        server.close();
        db.close();
    }

    /** Writes the LOB, reads it back through the locator stream; returns the bytes read (checked against the length). */
    @Benchmark
    public long writeThenStreamRead() throws Exception {
        long n = (long) megabytes * 1024 * 1024;
        conn.executeUpdate("delete from bench_lob");
        conn.executeUpdate("insert into bench_lob values (1, :1)", generated(n));
        long read = 0;
        try (Cursor c = conn.execute("select b from bench_lob")) {
            c.next();
            Blob b = c.getBlob(1);
            byte[] buf = new byte[65536];
            try (InputStream in = b.inputStream()) {
                for (int k; (k = in.read(buf)) > 0;) {
                    read += k;
                }
            }
        }
        if (read != n) {
            throw new IllegalStateException("read " + read + " of " + n + " bytes");
        }
        return read;
    }

    static InputStream generated(long n) {
        return new InputStream() {
            private long i;

            @Override
            public int read() {
                return i < n ? (int) (i++ & 0xFF) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= n) {
                    return -1;
                }
                int k = (int) Math.min(len, n - i);
                for (int x = 0; x < k; x++) {
                    b[off + x] = (byte) (i++ & 0xFF);
                }
                return k;
            }
        };
    }
}
