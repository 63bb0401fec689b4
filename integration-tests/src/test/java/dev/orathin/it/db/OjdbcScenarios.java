package dev.orathin.it.db;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The database scenarios of the interop matrix, driven through ojdbc11 as a black box: the same
 * scenarios and values as {@code scenarios.py} and {@code scenarios.js}.
 */
final class OjdbcScenarios {

    /** One scenario's outcome: passed, or the error code / what differed. */
    record Outcome(boolean ok, String code, String detail) {
        static Outcome pass() {
            return new Outcome(true, null, null);
        }

        static Outcome fail(String detail) {
            return new Outcome(false, null, detail);
        }

        static Outcome error(SQLException e) {
            return new Outcome(false, String.format("ORA-%05d", e.getErrorCode()), firstLine(e.getMessage()));
        }
    }

    static final Object[][] ROWS = {
        {1, 123456789L, new BigDecimal("12345.67891"), new BigDecimal("12345678901234567890123456789012345678"), 1.5f,
            3.141592653589793, "héllo wörld – 日本語 🎉", "abc", "Ωμέγα", LocalDateTime.of(2024, 2, 29, 23, 59, 59),
            LocalDateTime.of(2024, 3, 15, 13, 45, 30, 123_456_000),
            OffsetDateTime.of(2024, 3, 15, 13, 45, 30, 500_000_000, ZoneOffset.ofHoursMinutes(5, 30)), new byte[] {0, (byte) 255, 16},
            true, "a small clob ✓", new byte[] {1, 2, 3}},
        {2, -1L, new BigDecimal("-0.5"), new BigDecimal("1E-130"), -2.25f, -1e300, "x", "z", "n", LocalDateTime.of(1999, 12, 31, 0, 0),
            LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1000), OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), new byte[] {7}, false,
            null, null},
        {3, 0L, BigDecimal.ZERO, new BigDecimal("9.99E+125"), 0f, 0.0, null, null, null, null, null, null, null, null, null, null},
    };

    private OjdbcScenarios() {
    }

    static Map<String, Outcome> run(String url, Properties props, String tag) {
        Map<String, Outcome> results = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, props)) {
            results.put("login", Outcome.pass());
            c.setAutoCommit(false);
            results.put("types", attempt(() -> types(c, tag)));
            results.put("fetch_100k", attempt(() -> fetch100k(c)));
            results.put("transactions", attempt(() -> transactions(c, url, props, tag)));
            results.put("query_error", attempt(() -> queryError(c)));
        } catch (SQLException e) {
            results.put("login", Outcome.error(e));
            return results;
        }
        // last and on its own connection: a protocol error here closes that connection
        try (Connection c = DriverManager.getConnection(url, props)) {
            c.setAutoCommit(false);
            results.put("lobs", attempt(() -> lobs(c, tag)));
        } catch (SQLException e) {
            results.put("lobs", Outcome.error(e));
        }
        return results;
    }

    @FunctionalInterface
    interface Body {
        String run() throws SQLException;
    }

    private static Outcome attempt(Body body) {
        try {
            String detail = body.run();
            return detail == null ? Outcome.pass() : Outcome.fail(detail);
        } catch (SQLException e) {
            return Outcome.error(e);
        } catch (RuntimeException e) {
            return new Outcome(false, e.getClass().getSimpleName(), firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static String types(Connection c, String tag) throws SQLException {
        String table = "types_" + tag;
        try (Statement s = c.createStatement()) {
            s.execute("create table " + table + " (id number(4) primary key, n_int number(10), n_dec number(20,5), n_big number,"
                    + " bf binary_float, bd binary_double, vc varchar2(100), ch char(10), nv nvarchar2(50), d date,"
                    + " ts timestamp(6), tz timestamp(6) with time zone, r raw(16), b boolean)");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into " + table
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] r : ROWS) {
                ps.setInt(1, (Integer) r[0]);
                setOrNull(ps, 2, r[1], Types.NUMERIC, () -> ps.setLong(2, (Long) r[1]));
                setOrNull(ps, 3, r[2], Types.NUMERIC, () -> ps.setBigDecimal(3, (BigDecimal) r[2]));
                setOrNull(ps, 4, r[3], Types.NUMERIC, () -> ps.setBigDecimal(4, (BigDecimal) r[3]));
                // setFloat / setDouble bind NUMBER in ojdbc (and -1e300 overflows it): bind the binary types
                setOrNull(ps, 5, r[4], Types.REAL, () -> ps.unwrap(oracle.jdbc.OraclePreparedStatement.class).setBinaryFloat(5, (Float) r[4]));
                setOrNull(ps, 6, r[5], Types.DOUBLE, () -> ps.unwrap(oracle.jdbc.OraclePreparedStatement.class).setBinaryDouble(6, (Double) r[5]));
                setOrNull(ps, 7, r[6], Types.VARCHAR, () -> ps.setString(7, (String) r[6]));
                setOrNull(ps, 8, r[7], Types.CHAR, () -> ps.setString(8, (String) r[7]));
                setOrNull(ps, 9, r[8], Types.NVARCHAR, () -> ps.setNString(9, (String) r[8]));
                setOrNull(ps, 10, r[9], Types.TIMESTAMP, () -> ps.setObject(10, r[9]));
                setOrNull(ps, 11, r[10], Types.TIMESTAMP, () -> ps.setObject(11, r[10]));
                setOrNull(ps, 12, r[11], Types.TIMESTAMP_WITH_TIMEZONE, () -> ps.setObject(12, r[11]));
                setOrNull(ps, 13, r[12], Types.VARBINARY, () -> ps.setBytes(13, (byte[]) r[12]));
                setOrNull(ps, 14, r[13], Types.BOOLEAN, () -> ps.setBoolean(14, (Boolean) r[13]));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            if (Arrays.stream(counts).sum() != ROWS.length) {
                return "batch counts " + Arrays.toString(counts);
            }
        }
        c.commit();
        List<String> problems = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table + " order by id")) {
            int k = 0;
            while (rs.next()) {
                Object[] want = ROWS[k++];
                Object[] got = {rs.getInt(1), rs.getObject(2) == null ? null : rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                    rs.getObject(5) == null ? null : rs.getFloat(5), rs.getObject(6) == null ? null : rs.getDouble(6), rs.getString(7),
                    rs.getString(8), rs.getNString(9), rs.getObject(10, LocalDateTime.class), rs.getObject(11, LocalDateTime.class),
                    rs.getObject(12, OffsetDateTime.class), rs.getBytes(13), rs.getObject(14) == null ? null : rs.getBoolean(14)};
                for (int i = 0; i < got.length; i++) {
                    Object e = i == 7 && want[i] != null ? String.format("%-10s", want[i]) : want[i];
                    if (!same(e, got[i])) {
                        problems.add("row " + want[0] + " col " + i + ": expected " + show(e) + " got " + show(got[i]));
                    }
                }
            }
            if (k != ROWS.length) {
                problems.add(k + " rows");
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** Values equal as the scenarios mean it: numbers by value, arrays by content, instants by instant. */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.isEqual(y);
        }
        return Objects.equals(a, b);
    }

    static String show(Object o) {
        return o instanceof byte[] b ? Arrays.toString(b) : String.valueOf(o);
    }

    @FunctionalInterface
    interface Setter {
        void set() throws SQLException;
    }

    private static void setOrNull(PreparedStatement ps, int i, Object v, int sqlType, Setter setter) throws SQLException {
        if (v == null) {
            ps.setNull(i, sqlType);
        } else {
            setter.set();
        }
    }

    private static String lobs(Connection c, String tag) throws SQLException {
        String table = "lobs_" + tag;
        try (Statement s = c.createStatement()) {
            s.execute("create table " + table + " (id number(4) primary key, c clob, bl blob)");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into " + table + " values (?, ?, ?)")) {
            for (Object[] r : ROWS) {
                ps.setInt(1, (Integer) r[0]);
                setOrNull(ps, 2, r[14], Types.VARCHAR, () -> ps.setString(2, (String) r[14]));
                setOrNull(ps, 3, r[15], Types.VARBINARY, () -> ps.setBytes(3, (byte[]) r[15]));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select c, bl from " + table + " order by id")) {
            List<String> got = new ArrayList<>();
            while (rs.next()) {
                byte[] b = rs.getBytes(2);
                got.add(rs.getString(1) + "/" + (b == null ? null : Arrays.toString(b)));
            }
            List<String> want = List.of("a small clob ✓/[1, 2, 3]", "null/null", "null/null");
            return got.equals(want) ? null : "got " + got;
        }
    }

    private static String fetch100k(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery("select level, 'row ' || level from dual connect by level <= 100000")) {
                long n = 0;
                long sum = 0;
                long length = 0;
                while (rs.next()) {
                    n++;
                    sum += rs.getLong(1);
                    length += rs.getString(2).getBytes(StandardCharsets.UTF_8).length;
                }
                return n == 100_000 && sum == 5_000_050_000L && length == 888_895 ? null : "rows " + n + " sum " + sum + " text " + length;
            }
        }
    }

    private static String transactions(Connection c, String url, Properties props, String tag) throws SQLException {
        String table = "txn_" + tag;
        try (Connection other = DriverManager.getConnection(url, props); Statement a = c.createStatement()) {
            a.execute("create table " + table + " (id number)");
            a.execute("insert into " + table + " values (1)");
            long before = count(other, table);
            c.commit();
            long afterCommit = count(other, table);
            a.execute("insert into " + table + " values (2)");
            c.rollback();
            long afterRollback = count(other, table);
            return before == 0 && afterCommit == 1 && afterRollback == 1 ? null : before + " " + afterCommit + " " + afterRollback;
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String queryError(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeQuery("select * from no_such_table");
            return "no error";
        } catch (SQLException e) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1 from dual")) {
                rs.next();
            }
            return e.getErrorCode() == 942 ? null : "ORA-" + e.getErrorCode();
        }
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** For trying the scenarios by hand against a running testkit: {@code url user password}. */
    public static void main(String[] args) {
        Properties p = new Properties();
        p.put("user", args[1]);
        p.put("password", args[2]);
        run(args[0], p, args.length > 3 ? args[3] : "ojdbc").forEach((k, v) -> System.out.println(k + " " + v));
    }
}
