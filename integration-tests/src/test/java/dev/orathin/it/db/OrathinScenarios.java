package dev.orathin.it.db;

import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.OracleDatabaseException;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import dev.orathin.it.db.OjdbcScenarios.Outcome;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The interop scenarios through orathin's own API ({@code Orathin.connect}, the seed flow). */
final class OrathinScenarios {

    private OrathinScenarios() {
    }

    static Map<String, Outcome> run(Supplier<OracleConnection> connect, String tag) {
        Map<String, Outcome> results = new LinkedHashMap<>();
        try (OracleConnection c = connect.get()) {
            results.put("login", Outcome.pass());
            results.put("types", attempt(() -> types(c, tag)));
            results.put("lobs", attempt(() -> lobs(c, tag)));
            results.put("fetch_100k", attempt(() -> fetch100k(c)));
            results.put("transactions", attempt(() -> transactions(c, connect, tag)));
            results.put("query_error", attempt(() -> queryError(c)));
        } catch (OrathinException e) {
            results.put("login", error(e));
        }
        return results;
    }

    static Outcome error(OrathinException e) {
        String code = e instanceof OracleDatabaseException o ? String.format("ORA-%05d", o.oraCode()) : e.code();
        return new Outcome(false, code, OjdbcScenarios.firstLine(String.valueOf(e.getMessage())));
    }

    private static Outcome attempt(Supplier<String> body) {
        try {
            String detail = body.get();
            return detail == null ? Outcome.pass() : Outcome.fail(detail);
        } catch (OrathinException e) {
            return error(e);
        }
    }

    private static String types(OracleConnection c, String tag) {
        String table = "types_" + tag;
        c.execute("create table " + table + " (id number(4) primary key, n_int number(10), n_dec number(20,5), n_big number,"
                + " bf binary_float, bd binary_double, vc varchar2(100), ch char(10), nv nvarchar2(50), d date,"
                + " ts timestamp(6), tz timestamp(6) with time zone, r raw(16), b boolean)").close();
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : OjdbcScenarios.ROWS) {
            rows.add(Arrays.copyOf(r, 14));
        }
        long[] counts = c.executeMany("insert into " + table + " values (:1, :2, :3, :4, :5, :6, :7, :8, :9, :10, :11, :12, :13, :14)", rows);
        if (Arrays.stream(counts).sum() != rows.size()) {
            return "counts " + Arrays.toString(counts);
        }
        c.commit();
        List<String> problems = new ArrayList<>();
        try (Cursor cur = c.execute("select * from " + table + " order by id")) {
            int k = 0;
            while (cur.next()) {
                Object[] want = OjdbcScenarios.ROWS[k++];
                Object[] got = {cur.getInt(1), cur.getObject(2) == null ? null : cur.getLong(2), cur.getBigDecimal(3), cur.getBigDecimal(4),
                    cur.getObject(5) == null ? null : ((Number) cur.getObject(5)).floatValue(), cur.getObject(6) == null ? null : cur.getDouble(6),
                    cur.getString(7), cur.getString(8), cur.getString(9), cur.getLocalDateTime(10), cur.getLocalDateTime(11),
                    cur.getOffsetDateTime(12), cur.getBytes(13), cur.getBoolean(14)};
                for (int i = 0; i < got.length; i++) {
                    Object e = i == 7 && want[i] != null ? String.format("%-10s", want[i]) : want[i];
                    if (!OjdbcScenarios.same(e, got[i])) {
                        problems.add("row " + want[0] + " col " + i + ": expected " + OjdbcScenarios.show(e) + " got " + OjdbcScenarios.show(got[i]));
                    }
                }
            }
            if (k != OjdbcScenarios.ROWS.length) {
                problems.add(k + " rows");
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static String lobs(OracleConnection c, String tag) {
        String table = "lobs_" + tag;
        c.execute("create table " + table + " (id number(4) primary key, c clob, bl blob)").close();
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : OjdbcScenarios.ROWS) {
            rows.add(new Object[] {r[0], r[14], r[15]});
        }
        c.executeMany("insert into " + table + " values (:1, :2, :3)", rows);
        c.commit();
        List<String> got = new ArrayList<>();
        try (Cursor cur = c.execute("select c, bl from " + table + " order by id")) {
            while (cur.next()) {
                byte[] b = cur.getBytes(2);
                got.add(cur.getString(1) + "/" + (b == null ? null : Arrays.toString(b)));
            }
        }
        List<String> want = List.of("a small clob ✓/[1, 2, 3]", "null/null", "null/null");
        return got.equals(want) ? null : "got " + got;
    }

    private static String fetch100k(OracleConnection c) {
        try (Cursor cur = c.execute("select level, 'row ' || level from dual connect by level <= 100000").arraySize(1000)) {
            long n = 0;
            long sum = 0;
            long length = 0;
            while (cur.next()) {
                n++;
                sum += cur.getLong(1);
                length += cur.getString(2).getBytes(StandardCharsets.UTF_8).length;
            }
            return n == 100_000 && sum == 5_000_050_000L && length == 888_895 ? null : "rows " + n + " sum " + sum + " text " + length;
        }
    }

    private static String transactions(OracleConnection c, Supplier<OracleConnection> connect, String tag) {
        String table = "txn_" + tag;
        try (OracleConnection other = connect.get()) {
            c.execute("create table " + table + " (id number)").close();
            c.execute("insert into " + table + " values (1)").close();
            long before = count(other, table);
            c.commit();
            long afterCommit = count(other, table);
            c.execute("insert into " + table + " values (2)").close();
            c.rollback();
            long afterRollback = count(other, table);
            return before == 0 && afterCommit == 1 && afterRollback == 1 ? null : before + " " + afterCommit + " " + afterRollback;
        }
    }

    private static long count(OracleConnection c, String table) {
        try (Cursor cur = c.execute("select count(*) from " + table)) {
            cur.next();
            return cur.getLong(1);
        }
    }

    private static String queryError(OracleConnection c) {
        try {
            c.execute("select * from no_such_table").close();
            return "no error";
        } catch (OracleDatabaseException e) {
            try (Cursor cur = c.execute("select 1 from dual")) {
                cur.next();
            }
            return e.oraCode() == 942 ? null : "ORA-" + e.oraCode();
        }
    }

    /** Connects with the seed flow's arguments. */
    static Supplier<OracleConnection> seedFlow(Path configDir, String dsn, String user, String password, char[] walletPassword) {
        return () -> Orathin.connect(configDir, dsn, user, password.toCharArray(), configDir.toString(), walletPassword.clone());
    }
}
