/**
 * Optional OpenTelemetry adapter: {@link dev.orathin.opentelemetry.OrathinTelemetry} turns
 * orathin's calls and connects into client spans and the {@code db.client.operation.duration}
 * histogram.
 */
module dev.orathin.opentelemetry {
    requires transitive dev.orathin.core;
    requires transitive io.opentelemetry.api;
    requires io.opentelemetry.context;

    exports dev.orathin.opentelemetry;
}
