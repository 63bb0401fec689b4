package dev.orathin.examples.cli;

import dev.orathin.OracleConnection;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;

/** The SQL part of the demo: create a table, insert rows with binds in one round trip, query them. */
final class DemoSql {

    private DemoSql() {
    }

    static void run(OracleConnection c, PrintWriter out) {
        out.println();
        timed(out, "create table demo_orders (id number(9) primary key, item varchar2(40) not null, qty number(5), price number(8,2))",
                () -> c.execute("create table demo_orders (id number(9) primary key, item varchar2(40) not null, qty number(5),"
                        + " price number(8,2))").close());
        List<Object[]> rows = List.of(new Object[] {1, "wallet.zip", 1, new BigDecimal("0.00")},
                new Object[] {2, "TLS handshake", 2, new BigDecimal("12.50")},
                new Object[] {3, "listener hand-off", 1, new BigDecimal("7.25")},
                new Object[] {4, "O5LOGON", 3, new BigDecimal("3.10")});
        timed(out, "insert into demo_orders values (:1, :2, :3, :4)   -- " + rows.size() + " rows, one round trip",
                () -> c.executeMany("insert into demo_orders values (:1, :2, :3, :4)", rows));
        timed(out, "commit", c::commit);
        String query = "select id, item, qty, price, qty * price as total from demo_orders order by id";
        ResultPrinter.Result[] result = new ResultPrinter.Result[1];
        timed(out, query, () -> result[0] = SqlRunner.execute(c, query));
        out.println();
        ResultPrinter.table(result[0], out);
    }

    private static void timed(PrintWriter out, String what, Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        out.printf("  SQL> %s%n       %.1f ms%n", what, (System.nanoTime() - t0) / 1e6);
        out.flush();
    }
}
