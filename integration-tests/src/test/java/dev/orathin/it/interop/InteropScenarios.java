package dev.orathin.it.interop;

import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.OracleDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The representative scenarios of {@link ProfileInteropIT} for the in-process clients (ojdbc11,
 * orathin), shared with {@code RealDatabaseIT}'s run against a given database. Each returns null
 * when right, else what was wrong; tables are named by the caller.
 */
public final class InteropScenarios {

    private InteropScenarios() {
    }

    /** DML through ojdbc: create, batch insert of three rows, commit, query them back, drop; null when right. */
    public static String ojdbcDml(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create table " + table + " (id number, name varchar2(20))");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into " + table + " values (?, ?)")) {
                for (String[] r : new String[][] {{"1", "one"}, {"2", "two"}, {"3", "three"}}) {
                    ps.setInt(1, Integer.parseInt(r[0]));
                    ps.setString(2, r[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            StringBuilder got = new StringBuilder();
            try (ResultSet rs = st.executeQuery("select id, name from " + table + " order by id")) {
                while (rs.next()) {
                    got.append(rs.getInt(1)).append(rs.getString(2)).append(' ');
                }
            }
            st.execute("drop table " + table);
            return "1one 2two 3three ".contentEquals(got) ? null : "rows " + got;
        }
    }

    /** 2,000 rows of 200 characters at fetch size 500 through ojdbc, checked by count, sum and length; null when right. */
    public static String ojdbcFetch(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setFetchSize(500);
            long n = 0, sum = 0, chars = 0;
            try (ResultSet rs = st.executeQuery("select level, rpad('x', 200, 'y') from dual connect by level <= 2000")) {
                while (rs.next()) {
                    n++;
                    sum += rs.getLong(1);
                    chars += rs.getString(2).length();
                }
            }
            return n == 2000 && sum == 2_001_000 && chars == 400_000 ? null : n + " rows, sum " + sum + ", " + chars + " chars";
        }
    }

    /** ORA-00942 through ojdbc, then the connection still answers; null when right. */
    public static String ojdbcError(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try {
                st.executeQuery("select * from no_such_table").close();
                return "no error";
            } catch (SQLException e) {
                try (ResultSet rs = st.executeQuery("select 1 from dual")) {
                    rs.next();
                }
                return e.getErrorCode() == 942 ? null : "ORA-" + e.getErrorCode();
            }
        }
    }

    /** The same DML through orathin; null when right. */
    public static String orathinDml(OracleConnection c, String table) {
        c.execute("create table " + table + " (id number, name varchar2(20))").close();
        c.executeMany("insert into " + table + " values (:1, :2)", List.of(new Object[] {1, "one"}, new Object[] {2, "two"},
                new Object[] {3, "three"}));
        c.commit();
        StringBuilder got = new StringBuilder();
        try (Cursor cur = c.execute("select id, name from " + table + " order by id")) {
            while (cur.next()) {
                got.append(cur.getLong(1)).append(cur.getString(2)).append(' ');
            }
        }
        c.execute("drop table " + table).close();
        return "1one 2two 3three ".contentEquals(got) ? null : "rows " + got;
    }

    /** The same 2,000 rows through orathin at array size 500; null when right. */
    public static String orathinFetch(OracleConnection c) {
        c.arraySize(500);
        long n = 0, sum = 0, chars = 0;
        try (Cursor cur = c.execute("select level, rpad('x', 200, 'y') from dual connect by level <= 2000")) {
            while (cur.next()) {
                n++;
                sum += cur.getLong(1);
                chars += cur.getString(2).length();
            }
        }
        return n == 2000 && sum == 2_001_000 && chars == 400_000 ? null : n + " rows, sum " + sum + ", " + chars + " chars";
    }

    /** ORA-00942 through orathin, then the connection still answers; null when right. */
    public static String orathinError(OracleConnection c) {
        try (Cursor cur = c.execute("select * from no_such_table")) {
            return "no error";
        } catch (OracleDatabaseException e) {
            try (Cursor cur = c.execute("select 1 from dual")) {
                cur.next();
            }
            return e.oraCode() == 942 ? null : "ORA-" + e.oraCode();
        }
    }
}
