package dev.orathin.examples.cli;

import dev.orathin.OracleConnection;
import java.io.PrintWriter;

/** The SQL part of the demo: needs {@code OracleConnection.execute}, which this build does not have yet. */
final class DemoSql {

    private DemoSql() {
    }

    static void run(OracleConnection c, PrintWriter out) {
        out.println("  SQL: not run: OracleConnection.execute is not available in this build (connect, login and ping are)");
    }
}
