package dev.orathin.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTextTest {

    @Test
    void kindsFromTheFirstKeyword() {
        assertEquals(SqlText.Kind.QUERY, SqlText.parse("  /* hint */ (select 1 from dual)").kind());
        assertEquals(SqlText.Kind.QUERY, SqlText.parse("-- c\nWITH x AS (SELECT 1 FROM dual) SELECT * FROM x").kind());
        assertEquals(SqlText.Kind.DML, SqlText.parse("merge into t using s on (1=1) when matched then update set a=1").kind());
        assertEquals(SqlText.Kind.PLSQL, SqlText.parse("declare x number; begin null; end;").kind());
        assertEquals(SqlText.Kind.PLSQL, SqlText.parse("call p(:a)").kind());
        assertEquals(SqlText.Kind.DDL, SqlText.parse("create table t (a number)").kind());
        assertEquals(SqlText.Kind.OTHER, SqlText.parse("commit").kind());
        assertThrows(IllegalArgumentException.class, () -> SqlText.parse("  "));
    }

    @Test
    void bindsSkipLiteralsCommentsAndQuotedIdentifiers() {
        SqlText t = SqlText.parse("select ':no', \"A:B\", q'[it's :no]' /* :no */ from t -- :no\n where a = :a and b = : b2 and c = :\"Mixed\""
                + " and d = :1 and e = :a");
        assertEquals(List.of("A", "B2", "Mixed", "1", "A"), t.bindNames());
        assertEquals(List.of("A", "B2", "Mixed", "1"), t.distinctNames());
    }

    @Test
    void plsqlBindsARepeatedNameOnceAndIgnoresAssignments() {
        SqlText t = SqlText.parse("begin :x := :x + 1; v := 'a:b'; :y := :X; end;");
        assertEquals(List.of("X", "Y"), t.bindNames());
    }

    @Test
    void ddlHasNoBinds() {
        assertEquals(List.of(), SqlText.parse("create table t (c varchar2(10) default ':x')").bindNames());
    }

    @Test
    void escapedQuotesInLiterals() {
        assertEquals(List.of("V"), SqlText.parse("select 'it''s :no' from t where x = :v").bindNames());
    }

    @Test
    void returningIntoBindsAreFoundOutsideLiterals() {
        SqlText t = SqlText.parse("update t set a = :a, b = 'returning x into :no' where c = :c returning id, rowid into :id, :rid");
        assertEquals(List.of("A", "C", "ID", "RID"), t.bindNames());
        assertEquals(2, t.returnBindsFrom());
        org.junit.jupiter.api.Assertions.assertTrue(t.hasReturnBinds());
        org.junit.jupiter.api.Assertions.assertFalse(SqlText.parse("insert into t values (':x returning y into :z')").hasReturnBinds());
        org.junit.jupiter.api.Assertions.assertFalse(SqlText.parse("begin insert into t values (1) returning id into :x; end;")
                .hasReturnBinds(), "PL/SQL binds are OUT binds, not return binds");
    }
}
