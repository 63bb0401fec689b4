package dev.orathin.opentelemetry;

import dev.orathin.CallEvent;
import dev.orathin.CallListener;
import dev.orathin.Orathin;
import dev.orathin.net.ConnectEvent;
import dev.orathin.net.ConnectListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * orathin's calls and connects as OpenTelemetry client spans and metrics, following the database
 * semantic conventions: each call is a {@link SpanKind#CLIENT} span named after its operation
 * ({@code SELECT}, {@code INSERT}, {@code FETCH}, {@code COMMIT}, ...), a child of the span current
 * on the calling thread, with {@code db.system.name=oracle.db}, {@code db.operation.name},
 * {@code db.response.returned_rows}, {@code error.type} and {@code db.response.status_code} on
 * failure, plus orathin's {@code orathin.round_trips}, {@code orathin.bytes_sent} and
 * {@code orathin.bytes_received}; its duration also goes to the
 * {@code db.client.operation.duration} histogram (seconds). A connect is an {@code orathin.connect}
 * span with its attempt count and, on failure, the OTN code.
 *
 * <pre>{@code
 * OrathinTelemetry otel = new OrathinTelemetry(openTelemetry);
 * ConnectParams.builder()...callListener(otel).connectListener(otel).build();
 * }</pre>
 *
 * <p>The span is recorded when the call has ended (start time = end − duration), so it never
 * holds the SQL text, bind values or secrets — {@code db.query.text} is deliberately not set.
 */
public final class OrathinTelemetry implements CallListener, ConnectListener {

    /** The instrumentation scope name. */
    public static final String SCOPE = "dev.orathin";

    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");
    static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation.name");
    static final AttributeKey<Long> DB_ROWS = AttributeKey.longKey("db.response.returned_rows");
    static final AttributeKey<String> DB_STATUS = AttributeKey.stringKey("db.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> ROUND_TRIPS = AttributeKey.longKey("orathin.round_trips");
    static final AttributeKey<Long> BYTES_SENT = AttributeKey.longKey("orathin.bytes_sent");
    static final AttributeKey<Long> BYTES_RECEIVED = AttributeKey.longKey("orathin.bytes_received");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("orathin.connect.attempts");
    static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");

    private final Tracer tracer;
    private final DoubleHistogram duration;

    /** Spans and metrics through {@code openTelemetry}'s tracer and meter providers. */
    public OrathinTelemetry(OpenTelemetry openTelemetry) {
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        String version = Orathin.DRIVER_NAME.substring(Orathin.DRIVER_NAME.indexOf(' ') + 1);
        this.tracer = openTelemetry.getTracer(SCOPE, version);
        this.duration = openTelemetry.getMeter(SCOPE).histogramBuilder("db.client.operation.duration").setUnit("s")
                .setDescription("Duration of database client operations.")
                .setExplicitBucketBoundariesAdvice(List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0)).build();
    }

    @Override
    public void callEnded(CallEvent e) {
        Instant end = Instant.now();
        AttributesBuilder a = Attributes.builder().put(DB_SYSTEM, "oracle.db").put(DB_OPERATION, e.operation());
        e.errorCode().ifPresent(code -> {
            a.put(ERROR_TYPE, code);
            if (code.startsWith("ORA-")) {
                a.put(DB_STATUS, code);
            }
        });
        Attributes metricAttributes = a.build();
        duration.record(e.duration().toNanos() / 1e9, metricAttributes);
        Span span = tracer.spanBuilder(e.operation()).setSpanKind(SpanKind.CLIENT).setStartTimestamp(end.minus(e.duration()))
                .setAllAttributes(metricAttributes).setAttribute(DB_ROWS, e.rows()).setAttribute(ROUND_TRIPS, (long) e.roundTrips())
                .setAttribute(BYTES_SENT, e.bytesSent()).setAttribute(BYTES_RECEIVED, e.bytesReceived()).startSpan();
        if (!e.succeeded()) {
            span.setStatus(StatusCode.ERROR, e.errorCode().get() + (e.connectionBroken() ? " (connection lost)" : ""));
        }
        span.end(end);
    }

    @Override
    public void event(ConnectEvent e) {
        if (e instanceof ConnectEvent.Connected c) {
            Span span = connectSpan(c.elapsed(), c.attempts());
            span.setAttribute(SERVER, c.route().host()).setAttribute(PORT, (long) c.route().port());
            span.end();
        } else if (e instanceof ConnectEvent.ConnectFailed f) {
            Span span = connectSpan(f.elapsed(), f.attempts());
            span.setAttribute(ERROR_TYPE, f.error().code()).setStatus(StatusCode.ERROR, f.error().code());
            span.end();
        }
    }

    private Span connectSpan(Duration elapsed, int attempts) {
        return tracer.spanBuilder("orathin.connect").setSpanKind(SpanKind.CLIENT).setStartTimestamp(Instant.now().minus(elapsed))
                .setAttribute(DB_SYSTEM, "oracle.db").setAttribute(ATTEMPTS, (long) attempts).startSpan();
    }
}
