package dev.orathin.micrometer;

import dev.orathin.CallEvent;
import dev.orathin.CallListener;
import dev.orathin.net.ConnectEvent;
import dev.orathin.net.ConnectListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * orathin's calls and connects as Micrometer meters. One instance serves any number of
 * connections; give it as both listeners:
 *
 * <pre>{@code
 * OrathinMetrics metrics = new OrathinMetrics(registry, Tags.of("db", "orders"));
 * ConnectParams.builder()...callListener(metrics).connectListener(metrics).build();
 * // or, for a pool: dataSource.setCallListener(metrics); dataSource.setConnectListener(metrics);
 * }</pre>
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>tags</th></tr>
 * <tr><td>{@code orathin.call}</td><td>timer</td><td>{@code kind} (EXECUTE, FETCH, ...), {@code operation}
 *     (leading SQL keyword), {@code outcome} (success / error), {@code error} (ORA-/OTN- code or none)</td></tr>
 * <tr><td>{@code orathin.call.round.trips}</td><td>distribution summary</td><td>{@code kind}, {@code operation}</td></tr>
 * <tr><td>{@code orathin.call.rows}</td><td>counter</td><td>{@code kind}, {@code operation}</td></tr>
 * <tr><td>{@code orathin.call.bytes}</td><td>counter (bytes)</td><td>{@code direction} (sent / received)</td></tr>
 * <tr><td>{@code orathin.call.broken}</td><td>counter</td><td>{@code error}: calls that lost their connection</td></tr>
 * <tr><td>{@code orathin.connect}</td><td>timer (network connect, before login)</td><td>{@code outcome},
 *     {@code error}</td></tr>
 * <tr><td>{@code orathin.connect.attempts.failed}</td><td>counter</td><td>{@code phase} (DNS, TCP, PROXY, TLS,
 *     NS, TLS2), {@code permanent}, {@code error}</td></tr>
 * <tr><td>{@code orathin.connect.retries}</td><td>counter</td><td>none</td></tr>
 * </table>
 *
 * <p>Tags never hold SQL text, bind values, user names or secrets; their values come from small
 * fixed sets (error codes are bounded by the codes the database and orathin define).
 */
public final class OrathinMetrics implements CallListener, ConnectListener {

    private final MeterRegistry registry;
    private final Tags common;

    /** Meters in {@code registry} without extra tags. */
    public OrathinMetrics(MeterRegistry registry) {
        this(registry, Tags.empty());
    }

    /** Meters in {@code registry}, each with {@code commonTags} added (for example the database's name). */
    public OrathinMetrics(MeterRegistry registry, Iterable<Tag> commonTags) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.common = Tags.of(Objects.requireNonNull(commonTags, "commonTags"));
    }

    @Override
    public void callEnded(CallEvent e) {
        Tags what = common.and("kind", e.kind().name(), "operation", e.operation());
        String error = e.errorCode().orElse("none");
        Timer.builder("orathin.call").description("calls to the database").tags(what)
                .tags("outcome", e.succeeded() ? "success" : "error", "error", error).register(registry).record(e.duration());
        DistributionSummary.builder("orathin.call.round.trips").description("round trips per call").tags(what).register(registry)
                .record(e.roundTrips());
        if (e.rows() > 0) {
            Counter.builder("orathin.call.rows").description("rows returned or changed").tags(what).register(registry).increment(e.rows());
        }
        Counter.builder("orathin.call.bytes").baseUnit("bytes").description("TTC payload bytes").tags(common).tag("direction", "sent")
                .register(registry).increment(e.bytesSent());
        Counter.builder("orathin.call.bytes").baseUnit("bytes").description("TTC payload bytes").tags(common).tag("direction", "received")
                .register(registry).increment(e.bytesReceived());
        if (e.connectionBroken()) {
            Counter.builder("orathin.call.broken").description("calls that lost their connection").tags(common).tag("error", error)
                    .register(registry).increment();
        }
    }

    @Override
    public void event(ConnectEvent e) {
        if (e instanceof ConnectEvent.Connected c) {
            connectTimer("success", "none").record(c.elapsed());
        } else if (e instanceof ConnectEvent.ConnectFailed f) {
            connectTimer("error", f.error().code()).record(f.elapsed());
        } else if (e instanceof ConnectEvent.AttemptFailed a) {
            Counter.builder("orathin.connect.attempts.failed").description("connect attempts that failed").tags(common)
                    .tags("phase", a.phase().name(), "permanent", String.valueOf(a.permanent()), "error", a.error().code())
                    .register(registry).increment();
        } else if (e instanceof ConnectEvent.RetryScheduled) {
            Counter.builder("orathin.connect.retries").description("RETRY_COUNT passes started").tags(common).register(registry).increment();
        }
    }

    private Timer connectTimer(String outcome, String error) {
        return Timer.builder("orathin.connect").description("network connects (DNS to Oracle Net ACCEPT, retries included)").tags(common)
                .tags("outcome", outcome, "error", error).register(registry);
    }
}
