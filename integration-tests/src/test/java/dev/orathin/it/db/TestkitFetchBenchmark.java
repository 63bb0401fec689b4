package dev.orathin.it.db;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * How fast the testkit serves rows to ojdbc11 (a benchmark, not a test): 100,000 rows of mixed
 * types over TCPS at fetch sizes 100 / 1,000 / 10,000, best of five runs after two warm-ups. Run with
 * {@code mvn -pl integration-tests -am test-compile} then
 * {@code java -cp <test classpath> dev.orathin.it.db.TestkitFetchBenchmark}; the figures go into
 * testkit/README.md so client benchmarks know the server is not their limit.
 */
public final class TestkitFetchBenchmark {

    private TestkitFetchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        char[] walletPassword = "Welcome1#Wallet".toCharArray();
        TestDatabase db = TestDatabase.builder().user("bench", "Bench#2026").build();
        db.run("create table bench_rows as select x as id, 'row ' || x as name, x * 1.25 as amount,"
                + " timestamp '2024-01-01 00:00:00' + x * interval '1' second as ts from system_range(1, 100000)");
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("bench_high").database(db).build().start()) {
            Path dir = server.writeClientConfig(Files.createTempDirectory("orathin-bench"), walletPassword);
            Properties p = new Properties();
            p.put("user", "bench");
            p.put("password", "Bench#2026");
            p.put("oracle.net.tns_admin", dir.toString());
            p.put("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + dir + ")))");
            try (Connection c = DriverManager.getConnection("jdbc:oracle:thin:@bench_high", p)) {
                for (int fetchSize : new int[] {100, 1000, 10000}) {
                    long best = Long.MAX_VALUE;
                    for (int run = 0; run < 7; run++) {
                        long t0 = System.nanoTime();
                        long n = 0;
                        try (Statement s = c.createStatement()) {
                            s.setFetchSize(fetchSize);
                            try (ResultSet rs = s.executeQuery("select id, name, amount, ts from bench_rows")) {
                                while (rs.next()) {
                                    rs.getLong(1);
                                    rs.getString(2);
                                    rs.getBigDecimal(3);
                                    rs.getTimestamp(4);
                                    n++;
                                }
                            }
                        }
                        long t = System.nanoTime() - t0;
                        if (n != 100_000) {
                            throw new IllegalStateException(n + " rows");
                        }
                        if (run >= 2) {
                            best = Math.min(best, t);
                        }
                    }
                    System.out.printf("fetch size %6d: %,10.0f rows/s (best of 5: %.1f ms for 100,000 rows)%n", fetchSize,
                            100_000 / (best / 1e9), best / 1e6);
                }
            }
        }
    }
}
