package dev.orathin.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small service without a framework: a HikariCP pool over orathin's JDBC driver with an ADB
 * wallet, and worker threads doing lookups — what a Spring Boot app does with
 * {@code spring.datasource.*}.
 *
 * <pre>
 * ORATHIN_PASSWORD=... ORATHIN_WALLET_PASSWORD=... java dev.orathin.examples.HikariService /opt/wallet_mydb mydb_high admin
 * </pre>
 */
public final class HikariService {

    private HikariService() {
    }

    /** Runs the example; exit code 0 on success, 1 on a failure, 2 on usage errors. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: HikariService <config-dir> <alias> <user>   (ORATHIN_PASSWORD, ORATHIN_WALLET_PASSWORD in the environment)");
            System.exit(2);
        }
        System.exit(run(args[0], args[1], args[2], Env.password("ORATHIN_PASSWORD"), Env.password("ORATHIN_WALLET_PASSWORD"), 8,
                System.out));
    }

    /** Starts a pool, runs {@code workers} threads of {@code select ... from dual} lookups, prints the count. */
    public static int run(String configDir, String alias, String user, char[] password, char[] walletPassword, int workers,
            PrintStream out) throws InterruptedException {
        HikariConfig cfg = new HikariConfig();
        cfg.setDataSourceClassName("dev.orathin.jdbc.OrathinDataSource");
        cfg.addDataSourceProperty("url", "jdbc:orathin:@" + alias + "?TNS_ADMIN=" + configDir);
        cfg.addDataSourceProperty("user", user);
        cfg.addDataSourceProperty("password", new String(password));
        if (walletPassword != null) {
            cfg.addDataSourceProperty("walletPassword", new String(walletPassword));
        }
        cfg.setMaximumPoolSize(4);
        cfg.setPoolName("orathin-example");
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (HikariDataSource pool = new HikariDataSource(cfg)) {
            ExecutorService threads = Executors.newFixedThreadPool(workers);
            for (int w = 0; w < workers; w++) {
                int worker = w;
                threads.execute(() -> {
                    for (int i = 0; i < 25; i++) {
                        try (Connection c = pool.getConnection();
                                PreparedStatement ps = c.prepareStatement("select ? * 2, sys_context('USERENV', 'SESSION_USER') from dual")) {
                            ps.setInt(1, worker * 100 + i);
                            try (ResultSet rs = ps.executeQuery()) {
                                if (rs.next() && rs.getInt(1) == (worker * 100 + i) * 2) {
                                    done.incrementAndGet();
                                }
                            }
                        } catch (SQLException e) {
                            failed.incrementAndGet();
                            out.println(e.getMessage());
                        }
                    }
                });
            }
            threads.shutdown();
            threads.awaitTermination(2, TimeUnit.MINUTES);
        } catch (RuntimeException e) {
            out.println("pool failed to start: " + e.getMessage());
            return 1;
        }
        out.println(done.get() + " lookups through a pool of 4 orathin connections, " + failed.get() + " failed");
        return failed.get() == 0 && done.get() == workers * 25L ? 0 : 1;
    }
}
