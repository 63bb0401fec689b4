package dev.orathin.testkit.internal.ttcserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Real H2 errors (Oracle mode) come out as the ORA numbers Oracle gives for the same mistakes. */
class OraErrorsTest {

    static OraErrors.OraError run(Statement s, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        return OraErrors.fromH2(e, sql);
    }

    @Test
    void mapping() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:oraerrors;MODE=Oracle", "", ""); Statement s = c.createStatement()) {
            s.execute("create table t (id number primary key, name varchar2(3) not null)");
            s.execute("insert into t values (1, 'a')");
            OraErrors.OraError e = run(s, "select * from nope");
            assertEquals(942, e.number());
            assertEquals("ORA-00942: table or view does not exist", e.message());
            assertEquals(14, e.offset(), "offset of the missing table in the SQL");
            assertEquals(904, run(s, "select nope from t").number());
            assertEquals(1, run(s, "insert into t values (1, 'b')").number());
            assertEquals(1400, run(s, "insert into t values (2, null)").number());
            assertEquals(12899, run(s, "insert into t values (3, 'long')").number());
            assertEquals(1476, run(s, "select 1/0 from dual").number());
            assertEquals(955, run(s, "create table t (x number)").number());
            assertEquals(900, run(s, "selec 1 from dual").number());
            assertTrue(run(s, "select 1 from dual where").message().startsWith("ORA-00933"));
        }
    }
}
