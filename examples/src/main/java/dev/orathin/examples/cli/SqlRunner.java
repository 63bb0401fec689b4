package dev.orathin.examples.cli;

import dev.orathin.OracleConnection;

/** Runs one statement and collects its result for printing. */
final class SqlRunner {

    private SqlRunner() {
    }

    /** Executes {@code sql}; until the driver has SQL execution this raises its OTN-9001 "not supported" error. */
    static ResultPrinter.Result execute(OracleConnection c, String sql) {
        c.execute(sql);
        throw new IllegalStateException("unreachable: execute returned without a cursor");
    }
}
