package dev.orathin.it.db;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.time.Duration;

/**
 * The testkit for {@link LobHeapIT}, in its own JVM with a large heap (it holds the LOB whole, as
 * a database would on disk): prints {@code PORT n} and serves until its standard input closes.
 */
public final class LobHeapServerMain {

    private LobHeapServerMain() {
    }

    /** Arguments: user, password, service. */
    public static void main(String[] args) throws Exception {
        try (TestDatabase db = TestDatabase.builder().user(args[0], args[1]).build()) {
            db.run("create table big_lob (id number, b blob, c clob)");
            try (OracleTestServer server = OracleTestServer.builder().service(args[2]).readTimeout(Duration.ofMinutes(5)).database(db)
                    .build().start()) {
                System.out.println("PORT " + server.port());
                System.out.flush();
                while (System.in.read() >= 0) {
                    // serve until the parent closes our input
                }
            }
        }
    }
}
