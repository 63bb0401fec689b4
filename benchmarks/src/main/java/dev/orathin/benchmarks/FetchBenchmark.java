package dev.orathin.benchmarks;

import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * 100,000 rows of mixed types (NUMBER, VARCHAR2, NUMBER(12,2), TIMESTAMP) over TCPS; one operation
 * is one row, so the score is rows per second (and {@code -prof gc}'s {@code gc.alloc.rate.norm}
 * is bytes allocated per row).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FetchBenchmark {

    @Param({"100", "1000", "10000"})
    public int arraySize;

    private Fixture fixture;
    private OracleConnection orathin;
    private Connection ojdbc;

    @Setup
    public void start() throws SQLException {
        fixture = new Fixture(false);
        orathin = fixture.orathin();
        ojdbc = fixture.ojdbc();
    }

    @TearDown
    public void stop() throws SQLException {
        orathin.close();
        ojdbc.close();
        fixture.close();
    }

    @Benchmark
    @OperationsPerInvocation(Fixture.ROWS)
    public void orathin(Blackhole bh) {
        try (Cursor c = orathin.execute(Fixture.QUERY).arraySize(arraySize)) {
            while (c.next()) {
                bh.consume(c.getLong(1));
                bh.consume(c.getString(2));
                bh.consume(c.getBigDecimal(3));
                bh.consume(c.getLocalDateTime(4));
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(Fixture.ROWS)
    public void ojdbc(Blackhole bh) throws SQLException {
        try (Statement s = ojdbc.createStatement()) {
            s.setFetchSize(arraySize);
            try (ResultSet rs = s.executeQuery(Fixture.QUERY)) {
                while (rs.next()) {
                    bh.consume(rs.getLong(1));
                    bh.consume(rs.getString(2));
                    bh.consume(rs.getBigDecimal(3));
                    bh.consume(rs.getObject(4, java.time.LocalDateTime.class));
                }
            }
        }
    }
}
