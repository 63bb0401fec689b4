package dev.orathin.benchmarks;

import dev.orathin.OracleConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Connect (and close) through the ADB flow: TCP, TLS, hand-off, second TLS, negotiation, login. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConnectBenchmark {

    /** Whether the listener offers FAST_AUTH (ojdbc and orathin both use it when offered). */
    @Param({"false", "true"})
    public boolean fastAuth;

    private Fixture fixture;

    @Setup
    public void start() {
        fixture = new Fixture(fastAuth);
    }

    @TearDown
    public void stop() {
        fixture.close();
    }

    @Benchmark
    public long orathin() {
        try (OracleConnection c = fixture.orathin()) {
            return c.sessionId();
        }
    }

    @Benchmark
    public boolean orathinJdbc() throws SQLException {
        try (Connection c = fixture.orathinJdbc()) {
            return c.isClosed();
        }
    }

    @Benchmark
    public boolean ojdbc() throws SQLException {
        try (Connection c = fixture.ojdbc()) {
            return c.isClosed();
        }
    }
}
