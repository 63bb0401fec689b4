package dev.orathin.jdbc.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog queries of {@link DatabaseMetaData} through ojdbc11 (the referee: it reads the
 * testkit's data dictionary with its own SQL) and through orathin, over the same testkit and schema
 * ({@link CatalogFixture}): both must give the same result sets — column labels, JDBC types and
 * rows — and those rows must say what the fixture's DDL says.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CatalogDifferentialTest {

    static final char[] WALLET_PW = "Welcome1#Wallet".toCharArray();
    static OracleTestServer server;
    static Path dir;
    static Connection ojdbc;
    static Connection orathin;

    @BeforeAll
    static void start(@TempDir Path tmp) throws SQLException {
        TestDatabase db = TestDatabase.builder().user("app", "App#2026").build();
        server = OracleTestServer.builder().tcps().service("shop_high").database(db).build().start();
        dir = server.writeClientConfig(tmp, WALLET_PW);
        Properties o = new Properties();
        o.setProperty("user", "app");
        o.setProperty("password", "App#2026");
        o.setProperty("oracle.net.tns_admin", dir.toString());
        o.setProperty("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + dir + ")))");
        ojdbc = new oracle.jdbc.OracleDriver().connect("jdbc:oracle:thin:@shop_high", o);
        Properties p = new Properties();
        p.setProperty("user", "app");
        p.setProperty("password", "App#2026");
        p.setProperty("oracle.net.wallet_location", dir.toString());
        p.setProperty("oracle.net.wallet_password", new String(WALLET_PW));
        orathin = DriverManager.getConnection("jdbc:orathin:@shop_high?TNS_ADMIN=" + dir, p);
        try (Statement s = orathin.createStatement()) {
            for (String q : CatalogFixture.DDL) {
                s.execute(q);
            }
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        ojdbc.close();
        orathin.close();
        server.close();
    }

    @FunctionalInterface
    interface Call {
        ResultSet on(DatabaseMetaData md) throws SQLException;
    }

    /** The result set as text: a header of label:type, then one line per row. */
    static List<String> table(ResultSet rs) throws SQLException {
        try (rs) {
            ResultSetMetaData m = rs.getMetaData();
            List<String> out = new ArrayList<>();
            StringBuilder h = new StringBuilder();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                h.append(i == 1 ? "" : " ").append(m.getColumnLabel(i)).append(':').append(m.getColumnType(i));
            }
            out.add(h.toString());
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    b.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                out.add(b.toString());
            }
            return out;
        }
    }

    /** Both drivers' answers, which must be equal; returns the rows (without the header). */
    static List<String> same(Call call) throws SQLException {
        List<String> referee = table(call.on(ojdbc.getMetaData()));
        List<String> ours = table(call.on(orathin.getMetaData()));
        assertEquals(referee, ours, "ojdbc11 (expected) and orathin differ");
        return ours.subList(1, ours.size());
    }

    @Test
    void tables() throws SQLException {
        assertEquals(List.of("null|APP|STAFF|SYNONYM|null", "null|APP|DEPT|TABLE|null", "null|APP|EMP|TABLE|null",
                "null|APP|EMP_V|VIEW|null"), same(md -> md.getTables(null, "APP", "%", null)));
        assertEquals(List.of("null|APP|EMP|TABLE|null"), same(md -> md.getTables(null, null, "EMP%", new String[] {"TABLE"})));
        assertEquals(List.of("null|APP|EMP_V|VIEW|null"), same(md -> md.getTables(null, "APP", "EMP/_%", new String[] {"VIEW"})));
        assertEquals(List.of(), same(md -> md.getTables(null, "NOBODY", null, null)));
    }

    @Test
    void keys() throws SQLException {
        assertEquals(1, same(md -> md.getPrimaryKeys(null, "APP", "EMP")).size());
        assertTrue(same(md -> md.getPrimaryKeys(null, "APP", "EMP")).get(0).startsWith("null|APP|EMP|ID|1|"));
        // DELETE_RULE 0 = importedKeyCascade (on delete cascade), DEFERRABILITY 7 = importedKeyNotDeferrable
        List<String> imported = same(md -> md.getImportedKeys(null, "APP", "EMP"));
        assertEquals(1, imported.size());
        assertTrue(imported.get(0).matches("null\\|APP\\|DEPT\\|ID\\|null\\|APP\\|EMP\\|DEPT_ID\\|1\\|null\\|0\\|EMP_DEPT_FK\\|\\w+\\|7"),
                imported.get(0));
        assertEquals(imported, same(md -> md.getExportedKeys(null, "APP", "DEPT")));
        assertEquals(imported, same(md -> md.getCrossReference(null, "APP", "DEPT", null, "APP", "EMP")));
        assertEquals(List.of(), same(md -> md.getExportedKeys(null, "APP", "EMP")));
    }

    @Test
    void indexes() throws SQLException {
        List<String> emp = same(md -> md.getIndexInfo(null, "APP", "EMP", false, true));
        assertEquals(4, emp.size(), emp.toString());
        assertTrue(emp.get(0).startsWith("null|APP|EMP|0|null|null|0|0|null|"), "the table statistics row first: " + emp.get(0));
        assertTrue(emp.get(1).matches("null\\|APP\\|EMP\\|0\\|null\\|\\w+\\|1\\|1\\|ID\\|.*"), emp.get(1));
        assertTrue(emp.get(2).startsWith("null|APP|EMP|1|null|EMP_NAME_IX|1|1|NAME|"), emp.get(2));
        assertTrue(emp.get(3).startsWith("null|APP|EMP|1|null|EMP_NAME_IX|1|2|HIRED|"), emp.get(3));
        List<String> unique = same(md -> md.getIndexInfo(null, "APP", "DEPT", true, false));
        assertEquals(3, unique.size(), "statistics, the primary key and the unique NAME: " + unique);
    }

    @Test
    void schemasCatalogsTypes() throws SQLException {
        assertEquals(List.of("APP|null", "SYS|null", "SYSTEM|null"), same(DatabaseMetaData::getSchemas));
        assertEquals(List.of("APP|null"), same(md -> md.getSchemas(null, "AP%")));
        assertEquals(List.of(), same(DatabaseMetaData::getCatalogs));
        assertEquals(List.of("SYNONYM", "TABLE", "VIEW"), same(DatabaseMetaData::getTableTypes));
        List<String> types = same(DatabaseMetaData::getTypeInfo);
        assertTrue(types.stream().anyMatch(r -> r.startsWith("VARCHAR2|12|")), types.toString());
        assertTrue(types.stream().anyMatch(r -> r.startsWith("NUMBER|2|38|")), types.toString());
    }

    @Test
    void proceduresAndFunctions() throws SQLException {
        // the testkit has no stored PL/SQL: both drivers see none, with the same columns
        assertEquals(List.of(), same(md -> md.getProcedures(null, "APP", "%")));
        assertEquals(List.of(), same(md -> md.getFunctions(null, "APP", "%")));
    }

    /**
     * getColumns: ojdbc11 reads it through a PL/SQL block returning a REF CURSOR, which the
     * testkit cannot serve, so orathin's rows are checked against the fixture's DDL alone.
     */
    @Test
    void columns() throws SQLException {
        List<String> cols = table(orathin.getMetaData().getColumns(null, "APP", "EMP", "%"));
        assertEquals("TABLE_CAT:12 TABLE_SCHEM:12 TABLE_NAME:12 COLUMN_NAME:12 DATA_TYPE:2 TYPE_NAME:12 COLUMN_SIZE:2"
                + " BUFFER_LENGTH:2 DECIMAL_DIGITS:2 NUM_PREC_RADIX:2 NULLABLE:2 REMARKS:12 COLUMN_DEF:12 SQL_DATA_TYPE:2"
                + " SQL_DATETIME_SUB:2 CHAR_OCTET_LENGTH:2 ORDINAL_POSITION:2 IS_NULLABLE:12 SCOPE_CATALOG:12 SCOPE_SCHEMA:12"
                + " SCOPE_TABLE:12 SOURCE_DATA_TYPE:12 IS_AUTOINCREMENT:12 IS_GENERATEDCOLUMN:12", cols.get(0));
        List<String> rows = cols.subList(1, cols.size());
        List<String> brief = new ArrayList<>();
        for (String r : rows) {
            String[] f = r.split("\\|", -1);
            brief.add(f[3] + " " + f[4] + " " + f[5] + " " + f[6] + " " + f[8] + " " + f[17] + " " + f[22]);
        }
        assertEquals(List.of(
                "ID " + Types.NUMERIC + " NUMBER 0 -127 NO YES",
                "DEPT_ID " + Types.NUMERIC + " NUMBER 10 0 YES NO",
                "NAME " + Types.VARCHAR + " VARCHAR2 100 null NO NO",
                "HIRED " + Types.TIMESTAMP + " DATE 7 null YES NO",
                "SALARY " + Types.NUMERIC + " NUMBER 12 2 YES NO",
                "RATE 101 BINARY_DOUBLE 8 null YES NO",
                "NOTE " + Types.CLOB + " CLOB 4000 null YES NO",
                "PHOTO " + Types.BLOB + " BLOB 4000 null YES NO",
                "CODE " + Types.CHAR + " CHAR 3 null YES NO",
                "CHANGED " + Types.TIMESTAMP + " TIMESTAMP(6) 11 6 YES NO",
                "ACTIVE " + Types.BOOLEAN + " BOOLEAN 1 null YES NO"), brief);
        assertEquals(List.of("SALARY"), rows.stream().filter(r -> r.split("\\|", -1)[12].equals("0")).map(r -> r.split("\\|")[3]).toList(),
                "COLUMN_DEF of SALARY is its default");
    }

    @Test
    void badArgumentsAreTypedErrors() {
        SQLException e = assertThrows(SQLNonTransientException.class, () -> orathin.getMetaData().getPrimaryKeys(null, "APP", null));
        assertEquals("HY009", e.getSQLState());
        e = assertThrows(SQLNonTransientException.class, () -> orathin.getMetaData().getTables(null, null, null, new String[] {"T'X"}));
        assertEquals("HY009", e.getSQLState());
    }
}
