package dev.orathin.opentelemetry;

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
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The OpenTelemetry adapter fed by real calls against the testkit, read back through the SDK's in-memory exporters. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OrathinTelemetryTest {

    @Test
    void callsAreClientSpansUnderTheCallersSpanAndADurationHistogram() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        InMemoryMetricReader metrics = InMemoryMetricReader.create();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build();
                TestDatabase db = TestDatabase.builder().user("admin", "Secret#2026").build();
                OracleTestServer server = OracleTestServer.builder().service("demo").database(db).build().start()) {
            OrathinTelemetry otel = new OrathinTelemetry(sdk);
            Span parent = sdk.getTracer("test").spanBuilder("request").startSpan();
            try (Scope ignored = parent.makeCurrent();
                    OracleConnection c = Orathin.connect(ConnectParams.builder().dsn(server.descriptor("demo")).user("admin")
                            .password("Secret#2026".toCharArray()).callListener(otel).connectListener(otel).build())) {
                try (Cursor cur = c.execute("select 1 from dual union all select 2 from dual")) {
                    while (cur.next()) {
                        cur.getInt(1);
                    }
                }
                assertThrows(OrathinException.class, () -> c.execute("select * from missing_table"));
            } finally {
                parent.end();
            }
            List<SpanData> done = spans.getFinishedSpanItems();
            SpanData connect = done.stream().filter(s -> s.getName().equals("orathin.connect")).findFirst().orElseThrow();
            assertEquals(1L, connect.getAttributes().get(OrathinTelemetry.ATTEMPTS));
            SpanData select = done.stream().filter(s -> s.getName().equals("SELECT") && s.getStatus().getStatusCode() != StatusCode.ERROR)
                    .findFirst().orElseThrow(() -> new AssertionError(done));
            assertEquals(SpanKind.CLIENT, select.getKind());
            assertEquals(parent.getSpanContext().getSpanId(), select.getParentSpanId(), "a child of the caller's span");
            assertEquals("oracle.db", select.getAttributes().get(OrathinTelemetry.DB_SYSTEM));
            assertEquals(1L, select.getAttributes().get(OrathinTelemetry.ROUND_TRIPS));
            assertTrue(select.getEndEpochNanos() >= select.getStartEpochNanos());
            SpanData failed = done.stream().filter(s -> s.getStatus().getStatusCode() == StatusCode.ERROR).findFirst().orElseThrow();
            assertEquals("ORA-00942", failed.getAttributes().get(OrathinTelemetry.DB_STATUS));
            for (SpanData s : done) {
                assertTrue(!s.getAttributes().toString().contains("missing_table") && !s.getAttributes().toString().contains("Secret"),
                        "no SQL text or secret in " + s);
            }
            MetricData histogram = metrics.collectAllMetrics().stream().filter(m -> m.getName().equals("db.client.operation.duration"))
                    .findFirst().orElseThrow();
            long count = histogram.getHistogramData().getPoints().stream().mapToLong(p -> p.getCount()).sum();
            assertTrue(count >= 2, "the SELECT (and its fetch) and the failed call: " + count);
        }
    }
}
