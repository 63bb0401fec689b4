package dev.orathin.examples.cli;

import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.OracleDatabaseException;
import dev.orathin.errors.OrathinException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The interop scenarios of {@code orathin selftest}, run on any database: every object it creates
 * is named with a unique prefix ({@code ORATHIN_ST_<8 hex>_...}) and dropped at the end, so it never
 * touches anything else. Each scenario yields a {@link Step} with its timing; a failure is recorded
 * and the next scenario still runs.
 */
final class SelftestScenarios {

    /**
     * One scenario's outcome.
     *
     * @param name scenario name
     * @param ok whether it passed
     * @param millis how long it took
     * @param detail what went wrong (an error code and the server's text, never a secret), or a note
     */
    record Step(String name, boolean ok, long millis, String detail) {
    }

    private final OracleConnection c;
    private final String prefix;
    private final List<String> created = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

    SelftestScenarios(OracleConnection c) {
        this.c = c;
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        this.prefix = "ORATHIN_ST_" + HexFormat.of().withUpperCase().formatHex(b);
    }

    /** The prefix of every object this run creates. */
    String prefix() {
        return prefix;
    }

    /** Runs every scenario, then drops what it created; returns the steps in order. */
    List<Step> run() {
        step("select_from_dual", () -> {
            try (Cursor cur = c.execute("select 1 from dual")) {
                return cur.next() && cur.getLong(1) == 1 ? null : "unexpected result";
            }
        });
        step("typed_round_trip", this::types);
        step("commit_and_rollback", this::transactions);
        step("fetch_10000_rows", this::fetch);
        step("query_error_then_usable", this::queryError);
        step("ping", () -> {
            c.ping();
            return null;
        });
        step("drop_created_objects", this::cleanup);
        return List.copyOf(steps);
    }

    @FunctionalInterface
    private interface Body {
        String run();
    }

    private void step(String name, Body body) {
        long start = System.nanoTime();
        String detail;
        boolean ok;
        try {
            detail = body.run();
            ok = detail == null;
        } catch (OrathinException e) {
            ok = false;
            detail = e.getMessage(); // orathin's messages carry codes and server text, never passwords
        } catch (RuntimeException e) {
            ok = false;
            detail = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        steps.add(new Step(name, ok, (System.nanoTime() - start) / 1_000_000, detail));
    }

    private String table(String suffix) {
        String name = prefix + "_" + suffix;
        created.add(name);
        return name;
    }

    private String types() {
        String t = table("TYPES");
        c.execute("create table " + t + " (id number(4), n number(20,5), s varchar2(40), d date, ts timestamp(6), r raw(16))").close();
        LocalDateTime d = LocalDateTime.of(2024, 2, 29, 23, 59, 59);
        LocalDateTime ts = LocalDateTime.of(2024, 3, 15, 13, 45, 30, 123_456_000);
        byte[] raw = {0, (byte) 0xFF, 16};
        c.execute("insert into " + t + " values (:1, :2, :3, :4, :5, :6)", 1, new BigDecimal("12345.67891"), "héllo wörld – 日本語", d, ts, raw)
                .close();
        c.execute("insert into " + t + " values (:1, :2, :3, :4, :5, :6)", 2, null, null, null, null, null).close();
        List<String> problems = new ArrayList<>();
        try (Cursor cur = c.execute("select n, s, d, ts, r from " + t + " order by id")) {
            if (!cur.next()) {
                return "no rows";
            }
            expect(problems, "NUMBER", new BigDecimal("12345.67891"), cur.getBigDecimal(1));
            expect(problems, "VARCHAR2", "héllo wörld – 日本語", cur.getString(2));
            expect(problems, "DATE", d, cur.getObject(3, LocalDateTime.class));
            expect(problems, "TIMESTAMP", ts, cur.getObject(4, LocalDateTime.class));
            if (!Arrays.equals(raw, cur.getBytes(5))) {
                problems.add("RAW");
            }
            if (!cur.next()) {
                return "second row missing";
            }
            for (int i = 1; i <= 5; i++) {
                if (cur.getObject(i) != null) {
                    problems.add("NULL in column " + i);
                }
            }
        }
        return problems.isEmpty() ? null : "wrong values: " + String.join(", ", problems);
    }

    private static void expect(List<String> problems, String what, Object want, Object got) {
        boolean same = want instanceof BigDecimal w && got instanceof BigDecimal g ? w.compareTo(g) == 0 : want.equals(got);
        if (!same) {
            problems.add(what + " (expected " + want + ", got " + got + ")");
        }
    }

    private String transactions() {
        String t = table("TX");
        c.execute("create table " + t + " (id number)").close();
        boolean auto = c.autoCommit();
        c.autoCommit(false);
        try {
            c.execute("insert into " + t + " values (1)").close();
            c.commit();
            c.execute("insert into " + t + " values (2)").close();
            c.rollback();
        } finally {
            c.autoCommit(auto);
        }
        try (Cursor cur = c.execute("select count(*), max(id) from " + t)) {
            cur.next();
            long n = cur.getLong(1);
            long max = cur.getLong(2);
            return n == 1 && max == 1 ? null : "after commit and rollback: " + n + " rows, max id " + max + " (expected 1, 1)";
        }
    }

    private String fetch() {
        int before = c.arraySize();
        c.arraySize(1000);
        try (Cursor cur = c.execute("select level, rpad('x', 100, 'y') from dual connect by level <= 10000")) {
            long n = 0, sum = 0, chars = 0;
            while (cur.next()) {
                n++;
                sum += cur.getLong(1);
                chars += cur.getString(2).length();
            }
            return n == 10_000 && sum == 50_005_000L && chars == 1_000_000 ? null : n + " rows, sum " + sum + ", " + chars + " chars";
        } finally {
            c.arraySize(before);
        }
    }

    private String queryError() {
        try (Cursor cur = c.execute("select * from " + prefix + "_NO_SUCH_TABLE")) {
            return "no error for a missing table";
        } catch (OracleDatabaseException e) {
            try (Cursor cur = c.execute("select 1 from dual")) {
                cur.next();
            }
            return e.oraCode() == 942 ? null : "expected ORA-00942, got ORA-" + e.oraCode();
        }
    }

    private String cleanup() {
        List<String> left = new ArrayList<>();
        for (String t : created) {
            try {
                c.execute("drop table " + t + " purge").close(); // purge: nothing left in the recycle bin
            } catch (OracleDatabaseException e) {
                if (e.oraCode() == 942) {
                    continue; // never created (its scenario failed first): nothing to drop
                }
                try {
                    c.execute("drop table " + t).close(); // a database without PURGE (the testkit's H2)
                } catch (OracleDatabaseException again) {
                    left.add(t.toLowerCase(Locale.ROOT) + " (ORA-" + again.oraCode() + ")");
                }
            }
        }
        return left.isEmpty() ? null : "could not drop: " + String.join(", ", left);
    }
}
