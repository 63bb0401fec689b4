package dev.orathin.testkit.internal.ttcserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statement kinds, bind placeholders, Oracle idioms, the PL/SQL subset and number text. */
class SqlTextTest {

    @Test
    void kindsFromTheFirstKeyword() {
        assertEquals(SqlText.Kind.QUERY, SqlText.kind("  /* hint */ (select 1 from dual)"));
        assertEquals(SqlText.Kind.QUERY, SqlText.kind("with a as (select 1 from dual) select * from a"));
        assertEquals(SqlText.Kind.DML, SqlText.kind("-- c\ninsert into t values (1)"));
        assertEquals(SqlText.Kind.PLSQL, SqlText.kind("BEGIN null; END;"));
        assertEquals(SqlText.Kind.DDL, SqlText.kind("create table t (x number)"));
        assertEquals(SqlText.Kind.COMMIT, SqlText.kind("commit"));
    }

    @Test
    void placeholdersOutsideLiteralsAndComments() {
        SqlText.Parsed p = SqlText.binds("select ':no', \"A:B\" /* :c */ from t where a = :1 and b = :Name -- :x\n and c = :\"q\"");
        assertEquals(List.of("1", "NAME", "q"), p.bindNames());
        assertEquals("select ':no', \"A:B\" /* :c */ from t where a = ? and b = ? -- :x\n and c = ?", p.h2Sql());
        assertEquals(List.of(), SqlText.binds("begin :=  null; end;").bindNames());
    }

    @Test
    void connectByLevelBecomesARangeWithTheLevelLabel() {
        assertEquals("SELECT level, 'r' || level FROM (SELECT X AS \"LEVEL\" FROM SYSTEM_RANGE(1, 10))",
                SqlText.rewrite("select level, 'r' || level from dual connect by level <= 10"));
        assertEquals("select '+00:00' from dual", SqlText.rewrite("select dbtimezone from dual"));
    }

    @Test
    void plsqlSubset() {
        PlsqlBlock b = PlsqlBlock.parse("begin :out := :a + 1; insert into t values (:a); dbms_session.sleep(0.01); end;");
        assertEquals(List.of("OUT", "A"), b.bindNames());
        assertEquals(PlsqlBlock.OUT, b.direction("OUT"));
        assertEquals(PlsqlBlock.IN, b.direction("A"));
        assertEquals(PlsqlBlock.IN_OUT, PlsqlBlock.parse("begin :x := :x * 2; end;").direction("X"));
        OraErrors.OraException e = assertThrows(OraErrors.OraException.class, () -> PlsqlBlock.parse("declare x number; begin null; end;"));
        assertEquals(6550, e.error.number());
    }

    @Test
    void numbersAsOracleWritesThem() {
        assertEquals("1.0E-130", SqlSession.numberText(new BigDecimal("1e-130")));
        assertEquals("9.99E+125", SqlSession.numberText(new BigDecimal("9.99e125")));
        assertEquals(".5", SqlSession.numberText(new BigDecimal("0.50")));
        assertEquals("-.5", SqlSession.numberText(new BigDecimal("-0.5")));
        assertEquals("100", SqlSession.numberText(new BigDecimal("1E+2")));
    }
}
