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
 * 100,000 rows of mixed types (NUMBER, VARCHAR2, NUMBER(12,2), TIMESTAMP) over TCPS, read three
 * ways in the same run: orathin's core API ({@code orathin}), orathin's JDBC driver
 * ({@code orathinJdbc}) and ojdbc11 ({@code ojdbc}); both JDBC runs read with getLong, getString,
 * getBigDecimal and getTimestamp. One operation is one row, so the score is rows per second (and
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes allocated per row, the in-process
 * server's share included).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FetchBenchmark {

    @Param({"100", "1000"})
    public int arraySize;

    private Fixture fixture;
    private OracleConnection orathin;
    private Connection orathinJdbc;
    private Connection ojdbc;

    @Setup
    public void start() throws SQLException {
        fixture = new Fixture(false);
        orathin = fixture.orathin();
        orathinJdbc = fixture.orathinJdbc();
        ojdbc = fixture.ojdbc();
    }

    @TearDown
    public void stop() throws SQLException {
        orathin.close();
        orathinJdbc.close();
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
    public void orathinJdbc(Blackhole bh) throws SQLException {
        jdbc(orathinJdbc, bh);
    }

    @Benchmark
    @OperationsPerInvocation(Fixture.ROWS)
    public void ojdbc(Blackhole bh) throws SQLException {
        jdbc(ojdbc, bh);
    }

    private void jdbc(Connection conn, Blackhole bh) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setFetchSize(arraySize);
            try (ResultSet rs = s.executeQuery(Fixture.QUERY)) {
                while (rs.next()) {
                    bh.consume(rs.getLong(1));
                    bh.consume(rs.getString(2));
                    bh.consume(rs.getBigDecimal(3));
                    bh.consume(rs.getTimestamp(4));
                }
            }
        }
    }
}
