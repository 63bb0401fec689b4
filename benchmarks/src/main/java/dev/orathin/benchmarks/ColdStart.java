package dev.orathin.benchmarks;

import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.testkit.RecordedConnection;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What JMH cannot measure: Oracle Net round trips per connect (counted by the testkit's recorder)
 * and the first query in a fresh JVM (a child JVM per run: JVM start to the first row, connect
 * included). {@code java -cp benchmarks.jar dev.orathin.benchmarks.ColdStart [runs]}.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (boolean fast : new boolean[] {false, true}) {
            try (Fixture f = new Fixture(fast)) {
                try (OracleConnection c = f.orathin()) {
                    c.ping();
                }
                int ours = roundTrips(f);
                try (Connection c = f.ojdbc()) {
                    c.isValid(5);
                }
                int theirs = roundTrips(f);
                System.out.printf("round trips for connect + one ping/isValid + close (fast auth offered: %s): orathin %d, ojdbc11 %d%n",
                        fast, ours, theirs);
                if (!fast) {
                    for (String client : new String[] {"orathin", "ojdbc"}) {
                        List<Long> ms = new ArrayList<>();
                        for (int i = 0; i < runs; i++) {
                            ms.add(runChild(client, f.dir));
                        }
                        Collections.sort(ms);
                        System.out.printf("first query in a fresh JVM, %s: median %d ms (runs %s)%n", client, ms.get(ms.size() / 2), ms);
                    }
                }
            }
        }
    }

    private static int roundTrips(Fixture f) throws InterruptedException {
        RecordedConnection rec = f.server.takeConnection(Duration.ofSeconds(10));
        rec.awaitEnd(10, TimeUnit.SECONDS);
        return rec.roundTrips();
    }

    private static long runChild(String client, Path dir) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ColdStart.class.getName(), "child", client,
                dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(client + " child failed: " + out);
        }
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        return Long.parseLong(last.replaceAll("[^0-9]", ""));
    }

    /** In the child JVM: connect, run one query, print the milliseconds since this JVM started. */
    private static void child(String client, Path dir) throws Exception {
        Fixture f = Fixture.client(dir);
        if (client.equals("orathin")) {
            try (OracleConnection c = f.orathin(); Cursor cur = c.execute("select id, name from bench_rows where id = 1")) {
                cur.next();
            }
        } else {
            try (Connection c = f.ojdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select id, name from bench_rows where id = 1")) {
                rs.next();
            }
        }
        System.out.println(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }
}
