package dev.orathin.benchmarks;

import dev.orathin.ConnectParams;
import dev.orathin.net.Redaction;
import dev.orathin.net.internal.naming.ConnectStringResolver;
import dev.orathin.net.internal.naming.NamingRequest;
import dev.orathin.net.naming.ResolvedConnect;
import dev.orathin.net.internal.plan.WireDescriptor;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code orathin resolve} does with a 1 MiB Easy Connect string (issue: the old regex redaction
 * took 24 s on 100 KiB): resolve it, then show it redacted, plus the text redaction alone. Target:
 * under two seconds for the whole resolve on this machine's size. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar RedactionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class RedactionBenchmark {

    private String easyConnect;

    /** A 1 MiB Easy Connect string: one host, then repeated parameters with secrets and proxy credentials holding / ) @. */
    @Setup
    public void setup() {
        StringBuilder b = new StringBuilder("tcps://db.example.com:1522/svc_high?wallet_password=Pw/1)x@y&https_proxy=user:p)w@proxy");
        int i = 0;
        while (b.length() < 1 << 20) {
            b.append("&password").append(i).append("=Se/cr)et@").append(i).append("&token_x").append(i).append("=tok").append(i++);
        }
        easyConnect = b.toString();
    }

    /** Resolve (parse, place, validate) and render the redacted descriptor and explain: what {@code resolve} prints. */
    @Benchmark
    public int resolveAndShow() {
        ResolvedConnect r = ConnectStringResolver.resolve(new NamingRequest(easyConnect, null, null, Map.of(), n -> null));
        return WireDescriptor.shown(r.descriptions()).length() + r.explain().length();
    }

    /** The text redaction of the raw string (errors, toString). */
    @Benchmark
    public int redactText() {
        return Redaction.connectString(easyConnect).length();
    }

    /** {@code ConnectParams.toString()} with that dsn. */
    @Benchmark
    public int paramsToString() {
        return ConnectParams.builder().dsn(easyConnect).build().toString().length();
    }
}
