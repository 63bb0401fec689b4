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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@code select 1 from dual} on an open connection (execute, read the row, close): the
 * per-call overhead of each client, through orathin's core API, orathin's JDBC driver and ojdbc11.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoundTripBenchmark {

    static final String QUERY = "select 1 from dual";

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
    public long orathin() {
        try (Cursor c = orathin.execute(QUERY)) {
            c.next();
            return c.getLong(1);
        }
    }

    @Benchmark
    public long orathinJdbc() throws SQLException {
        return selectOne(orathinJdbc);
    }

    @Benchmark
    public long ojdbc() throws SQLException {
        return selectOne(ojdbc);
    }

    private static long selectOne(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
