package dev.orathin.examples.cli;

import dev.orathin.Column;
import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import java.util.List;

/** Runs one statement and collects its result for printing. */
final class SqlRunner {

    private SqlRunner() {
    }

    /** Executes {@code sql}: a query's rows (all of them), or the row count of DML. */
    static ResultPrinter.Result execute(OracleConnection c, String sql) {
        try (Cursor cur = c.execute(sql)) {
            if (cur.isQuery()) {
                List<String> columns = cur.columns().stream().map(Column::name).toList();
                List<Object[]> rows = cur.fetchAll();
                return new ResultPrinter.Result(sql, columns, rows, rows.size());
            }
            return new ResultPrinter.Result(sql, List.of(), List.of(), cur.rowCount());
        }
    }
}
