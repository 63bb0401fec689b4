package dev.orathin.benchmarks;

import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The shared set-up: a testkit server with the ADB flow (TCPS, listener hand-off, wallet) and a
 * 100,000-row table of mixed types, and connect helpers for orathin and ojdbc11 with the same
 * config directory and wallet.
 */
public final class Fixture implements AutoCloseable {

    static final char[] WALLET_PASSWORD = "Welcome1#Wallet".toCharArray();
    static final String USER = "bench";
    static final String PASSWORD = "Bench#2026";
    static final String ALIAS = "bench_high";
    /** The query every fetch benchmark runs: 100,000 rows of NUMBER, VARCHAR2, NUMBER(12,2), TIMESTAMP. */
    static final String QUERY = "select id, name, amount, ts from bench_rows";
    static final int ROWS = 100_000;

    final OracleTestServer server;
    final Path dir;

    private Fixture(Path dir) {
        this.server = null;
        this.dir = dir;
    }

    /** A client-side fixture for a server started elsewhere (the cold-start child JVM). */
    static Fixture client(Path dir) {
        return new Fixture(dir);
    }

    Fixture(boolean fastAuth) {
        TestDatabase db = TestDatabase.builder().user(USER, PASSWORD).build();
        db.run("create table bench_rows as select x as id, 'row ' || x as name, cast(x * 1.25 as number(12,2)) as amount,"
                + " timestamp '2024-01-01 00:00:00' + x * interval '1' second as ts from system_range(1, " + ROWS + ")");
        server = OracleTestServer.builder().tcps().service(ALIAS).fastAuth(fastAuth).database(db).build().start();
        try {
            dir = server.writeClientConfig(Files.createTempDirectory("orathin-bench"), WALLET_PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OracleConnection orathin() {
        return Orathin.connect(dir, ALIAS, USER, PASSWORD.toCharArray(), dir.toString(), WALLET_PASSWORD.clone());
    }

    /** orathin's JDBC driver with the same config directory and wallet. */
    Connection orathinJdbc() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        p.setProperty("oracle.net.wallet_location", dir.toString());
        p.setProperty("oracle.net.wallet_password", new String(WALLET_PASSWORD));
        return DriverManager.getConnection("jdbc:orathin:@" + ALIAS + "?TNS_ADMIN=" + dir, p);
    }

    Connection ojdbc() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        p.setProperty("oracle.net.tns_admin", dir.toString());
        p.setProperty("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + dir + ")))");
        return DriverManager.getConnection("jdbc:oracle:thin:@" + ALIAS, p);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
