package dev.orathin.benchmarks;

import dev.orathin.errors.OrathinException;
import dev.orathin.net.internal.naming.ConnectStringResolver;
import dev.orathin.net.internal.naming.NamingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Resolving an alias in a 300,000-line tnsnames.ora (issue #22: it took 166 s to reject before the
 * naming parser became linear). Two shapes: {@code unbalanced}, one entry that never closes its
 * parentheses followed by a good alias (the former quadratic case), and {@code aliases}, 75,000
 * four-line entries with the alias looked up defined last. Reported in docs/security.md.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar TnsnamesBenchmark} (or without JMH:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.orathin.benchmarks.TnsnamesBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class TnsnamesBenchmark {

    /** Lines in the generated file. */
    public static final int LINES = 300_000;

    @Param({"unbalanced", "aliases"})
    public String shape;

    private Path dir;

    @Setup
    public void write() throws IOException {
        dir = Files.createTempDirectory("orathin-tnsnames");
        Files.writeString(dir.resolve("tnsnames.ora"), text(shape));
    }

    @TearDown
    public void delete() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The generated tnsnames.ora of {@code shape}, {@link #LINES} lines plus the alias {@code db}. */
    static String text(String shape) {
        StringBuilder b = new StringBuilder();
        if (shape.equals("unbalanced")) {
            b.append("broken = (DESCRIPTION =\n");
            for (int i = 1; i < LINES; i++) {
                b.append("  (ADDRESS=(HOST=h").append(i % 10).append(")\n");
            }
        } else {
            // short lines, so 300,000 of them stay within ConfigFiles.MAX_FILE_BYTES
            for (int i = 0; i < LINES / 4; i++) {
                b.append("a").append(i).append(" =\n (DESCRIPTION=\n  (ADDRESS=(HOST=h").append(i % 100)
                        .append(")(PORT=1))\n  (CONNECT_DATA=(SID=s)))\n");
            }
        }
        b.append("db = (DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=h)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=s)))\n");
        return b.toString();
    }

    /** Resolves {@code db} (and, for the unbalanced shape, rejects {@code broken}). */
    @Benchmark
    public Object resolve() {
        if (shape.equals("unbalanced")) {
            try {
                ConnectStringResolver.resolve(new NamingRequest("broken", dir, null, Map.of(), n -> null));
                throw new IllegalStateException("the unbalanced entry resolved");
            } catch (OrathinException expected) {
                // rejected, as it must be
            }
        }
        return ConnectStringResolver.resolve(new NamingRequest("db", dir, null, Map.of(), n -> null));
    }

    /** Without JMH: each shape resolved five times, printing the wall time of each run. */
    public static void main(String[] args) throws IOException {
        for (String s : new String[] {"unbalanced", "aliases"}) {
            TnsnamesBenchmark b = new TnsnamesBenchmark();
            b.shape = s;
            b.write();
            try {
                for (int i = 0; i < 5; i++) {
                    long t = System.nanoTime();
                    b.resolve();
                    System.out.printf("%s: %d lines in %d ms%n", s, LINES, (System.nanoTime() - t) / 1_000_000);
                }
            } finally {
                b.delete();
            }
        }
    }
}
