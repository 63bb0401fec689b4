package dev.orathin.testkit.internal.ttcserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orathin.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dictionary views read straight from H2 (outside a client call the session owner is PUBLIC). */
class DataDictionaryTest {

    @Test
    void columnsAreDescribedWithOracleTypeNamesAndSizes() throws SQLException {
        try (TestDatabase db = TestDatabase.builder().user("app", "App#2026").build()) {
            db.run("create table t (id number(10) constraint t_pk primary key, n number, v varchar2(40) not null, d date, ts timestamp(3),"
                    + " tz timestamp with time zone, c clob, b blob, r raw(16), bd binary_double, ch char(2), i integer)");
            try (Connection c = db.h2(); Statement s = c.createStatement()) {
                s.execute(DataDictionary.searchPath());
                assertEquals(List.of(
                        "ID NUMBER 22 10 0 N", "N NUMBER 22 null null Y", "V VARCHAR2 40 null null N", "D DATE 7 null null Y",
                        "TS TIMESTAMP(3) 11 null 3 Y", "TZ TIMESTAMP(6) WITH TIME ZONE 13 null 6 Y", "C CLOB 4000 null null Y",
                        "B BLOB 4000 null null Y", "R RAW 16 null null Y", "BD BINARY_DOUBLE 8 null null Y", "CH CHAR 2 null null Y",
                        "I NUMBER 22 null 0 Y"),
                        rows(s, "select column_name || ' ' || data_type || ' ' || to_char(data_length) || ' ' || nvl(to_char(data_precision), 'null')"
                                + " || ' ' || nvl(to_char(data_scale), 'null') || ' ' || nullable from all_tab_columns"
                                + " where table_name = 'T' order by column_id"));
                // the primary key's index is an object too, named after its constraint as Oracle does
                assertEquals(List.of("PUBLIC T TABLE", "PUBLIC T_PK INDEX"), rows(s, "select owner || ' ' || object_name || ' ' || object_type"
                        + " from sys.all_objects order by object_type desc"));
                assertEquals(List.of("P ID"), rows(s, "select k.constraint_type || ' ' || c.column_name from user_constraints k"
                        + " join user_cons_columns c on c.constraint_name = k.constraint_name where k.table_name = 'T'"));
                assertEquals(List.of("APP", "SYS", "SYSTEM"), rows(s, "select username from all_users order by 1"));
                assertEquals(List.of("AMERICAN"), rows(s, "select value from nls_session_parameters where parameter = 'NLS_LANGUAGE'"));
                // USER_ views have no owner column, as in Oracle
                assertThrows(SQLException.class, () -> rows(s, "select owner from user_tables"));
            }
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
