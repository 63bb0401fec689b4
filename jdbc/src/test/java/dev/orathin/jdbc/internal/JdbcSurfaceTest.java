package dev.orathin.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shape of the JDBC classes: the generated {@code *Defaults} files match their generator,
 * every method orathin leaves to them refuses with HYC00 naming itself, and DatabaseMetaData
 * answers every capability question as ojdbc11 does (over the same testkit) except the listed,
 * justified differences.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JdbcSurfaceTest {

    static final char[] WALLET_PW = "Welcome1#Wallet".toCharArray();
    static OracleTestServer server;
    static Path dir;

    /** Where orathin answers differently from ojdbc11, and why. */
    static final Map<String, String> JUSTIFIED = Map.ofEntries(
            Map.entry("getDriverName", "each driver names itself"),
            Map.entry("getDriverVersion", "each driver's own version"),
            Map.entry("getDriverMajorVersion", "each driver's own version"),
            Map.entry("getDriverMinorVersion", "each driver's own version"),
            Map.entry("getDatabaseProductVersion", "ojdbc11 queries v$version (BANNER_FULL, a round trip); orathin gives the banner the"
                    + " server sent at protocol negotiation"),
            Map.entry("getURL", "the URL each driver was opened with (jdbc:orathin: vs jdbc:oracle:thin:)"),
            Map.entry("getMaxColumnNameLength", "ojdbc11 asks the dictionary (SYS), which the testkit lacks; orathin: 128 from 12.2 on"),
            Map.entry("getMaxProcedureNameLength", "as getMaxColumnNameLength"),
            Map.entry("getMaxSchemaNameLength", "as getMaxColumnNameLength"),
            Map.entry("getMaxTableNameLength", "as getMaxColumnNameLength"),
            Map.entry("getMaxUserNameLength", "as getMaxColumnNameLength"),
            Map.entry("getMaxLogicalLobSize", "ojdbc11 asks the server (not on the testkit); orathin answers 0, JDBC's 'not known'"),
            Map.entry("getSQLStateType", "ojdbc11 answers 0 (neither constant); orathin's SQLStates are SQL:2003 (sqlStateSQL)"),
            Map.entry("getResultSetHoldability", "orathin's connection reports and allows only CLOSE_CURSORS_AT_COMMIT"),
            Map.entry("supportsNamedParameters", "orathin's CallableStatement has no named parameters"),
            Map.entry("supportsRefCursors", "orathin cannot return a REF CURSOR OUT parameter"),
            Map.entry("supportsSharding", "orathin has no sharding keys"));

    @BeforeAll
    static void start(@TempDir Path tmp) {
        TestDatabase db = TestDatabase.builder().user("app", "App#2026").build();
        server = OracleTestServer.builder().tcps().service("shop_high").database(db).build().start();
        dir = server.writeClientConfig(tmp, WALLET_PW);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Connection orathin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "app");
        p.setProperty("password", "App#2026");
        p.setProperty("oracle.net.wallet_location", dir.toString());
        p.setProperty("oracle.net.wallet_password", new String(WALLET_PW));
        return DriverManager.getConnection("jdbc:orathin:@shop_high?TNS_ADMIN=" + dir, p);
    }

    static Connection ojdbc() throws SQLException {
        Properties o = new Properties();
        o.setProperty("user", "app");
        o.setProperty("password", "App#2026");
        o.setProperty("oracle.net.tns_admin", dir.toString());
        o.setProperty("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + dir + ")))");
        return new oracle.jdbc.OracleDriver().connect("jdbc:oracle:thin:@shop_high", o);
    }

    @Test
    void generatedDefaultsMatchTheirGenerator() throws Exception {
        for (DefaultsGenerator.Spec s : DefaultsGenerator.SPECS) {
            Path file = Path.of("src/main/java/dev/orathin/jdbc/internal", s.name() + ".java");
            assertEquals(DefaultsGenerator.generate(s), Files.readString(file),
                    file + " differs from DefaultsGenerator's output; run DefaultsGenerator with src/main/java");
        }
    }

    @Test
    void everyMethodLeftToTheDefaultsRefusesWithHyc00NamingItself() throws Exception {
        int checked = 0;
        try (Connection c = orathin()) {
            checked += refusals(c, Connection.class, ConnectionDefaults.class);
            checked += refusals(c.getMetaData(), DatabaseMetaData.class, DatabaseMetaDataDefaults.class);
            try (Statement s = c.createStatement()) {
                checked += refusals(s, Statement.class, StatementDefaults.class);
                try (ResultSet rs = s.executeQuery("select 1 as one from dual")) {
                    assertTrue(rs.next());
                    checked += refusals(rs, ResultSet.class, ResultSetDefaults.class);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select ? from dual")) {
                checked += refusals(ps, PreparedStatement.class, PreparedStatementDefaults.class);
            }
            try (CallableStatement cs = c.prepareCall("{call dbms_output.put_line(?)}")) {
                checked += refusals(cs, CallableStatement.class, CallableStatementDefaults.class);
            }
        }
        assertTrue(checked > 100, "refusals checked: " + checked);
    }

    /** Calls every method of {@code api} that {@code object} inherits from {@code defaults}; each must refuse with HYC00 naming itself. */
    private static int refusals(Object object, Class<?> api, Class<?> defaults) throws Exception {
        int n = 0;
        for (Method m : api.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Method impl = object.getClass().getMethod(m.getName(), m.getParameterTypes());
            if (!impl.getDeclaringClass().getSimpleName().endsWith("Defaults") || !impl.getDeclaringClass().isAssignableFrom(defaults)
                    && impl.getDeclaringClass() != defaults || impl.getName().equals("unwrap") || impl.getName().equals("isWrapperFor")) {
                continue;
            }
            try {
                impl.invoke(object, defaultArguments(m));
                fail(api.getSimpleName() + "." + m.getName() + " returned instead of refusing");
            } catch (InvocationTargetException e) {
                SQLFeatureNotSupportedException f = assertInstanceOf(SQLFeatureNotSupportedException.class, e.getCause(), m.toString());
                assertEquals("HYC00", f.getSQLState(), m.toString());
                assertTrue(f.getMessage().contains("." + m.getName()), m + ": " + f.getMessage());
            }
            n++;
        }
        return n;
    }

    private static Object[] defaultArguments(Method m) {
        return Arrays.stream(m.getParameterTypes()).map(t -> t == int.class ? (Object) 1 : t == long.class ? (Object) 1L
                : t == boolean.class ? (Object) false : t == short.class ? (Object) (short) 1 : t == byte.class ? (Object) (byte) 1
                : t == float.class ? (Object) 1f : t == double.class ? (Object) 1d : null).toArray();
    }

    /** The no-argument answers of DatabaseMetaData (boolean, int, long, String, RowIdLifetime), by method name. */
    private static Map<String, Object> answers(DatabaseMetaData md) throws Exception {
        Map<String, Object> out = new TreeMap<>();
        for (Method m : capabilityQuestions()) {
            if (m.getParameterCount() == 0) {
                try {
                    out.put(m.getName(), m.invoke(md));
                } catch (InvocationTargetException e) {
                    out.put(m.getName(), "threw " + e.getCause());
                }
            }
        }
        return out;
    }

    private static List<Method> capabilityQuestions() {
        List<Method> out = new ArrayList<>();
        for (Method m : DatabaseMetaData.class.getMethods()) {
            Class<?> r = m.getReturnType();
            boolean answer = r == boolean.class || r == int.class || r == long.class || r == String.class || r == RowIdLifetime.class;
            boolean intArgs = Arrays.stream(m.getParameterTypes()).allMatch(t -> t == int.class);
            if (answer && intArgs && !Modifier.isStatic(m.getModifiers())) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(Method::getName));
        return out;
    }

    @Test
    void databaseMetaDataAnswersAsOjdbc11ExceptTheJustifiedDifferences() throws Exception {
        Map<String, Object> ours;
        Map<String, Object> theirs;
        try (Connection c = orathin()) {
            ours = answers(c.getMetaData());
        }
        try (Connection c = ojdbc()) {
            theirs = answers(c.getMetaData());
        }
        assertEquals(theirs.keySet(), ours.keySet());
        List<String> differences = new ArrayList<>();
        for (String name : ours.keySet()) {
            boolean same = String.valueOf(theirs.get(name)).equals(String.valueOf(ours.get(name)));
            if (JUSTIFIED.containsKey(name)) {
                continue;
            }
            if (!same) {
                differences.add(name + ": ojdbc11 " + theirs.get(name) + ", orathin " + ours.get(name));
            }
        }
        assertEquals(List.of(), differences);
        for (String name : JUSTIFIED.keySet()) {
            assertTrue(ours.containsKey(name), "justified difference for a method DatabaseMetaData lacks: " + name);
        }
    }

    @Test
    void everyCapabilityQuestionAnswersWithoutThrowing() throws Exception {
        int[] samples = {ResultSet.TYPE_FORWARD_ONLY, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY,
            ResultSet.CONCUR_UPDATABLE, ResultSet.HOLD_CURSORS_OVER_COMMIT, ResultSet.CLOSE_CURSORS_AT_COMMIT,
            Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_SERIALIZABLE, java.sql.Types.VARCHAR, 0};
        int asked = 0;
        try (Connection c = orathin()) {
            DatabaseMetaData md = c.getMetaData();
            for (Method m : capabilityQuestions()) {
                for (int x : samples) {
                    Object[] args = new Object[m.getParameterCount()];
                    Arrays.fill(args, x);
                    try {
                        m.invoke(md, args);
                    } catch (InvocationTargetException e) {
                        fail(m.getName() + Arrays.toString(args) + " threw " + e.getCause());
                    }
                    asked++;
                }
            }
        }
        assertTrue(asked > 1000, "questions asked: " + asked);
    }

    @Test
    void forwardOnlyResultSetQuestionsAnswerAsOjdbc11() throws Exception {
        List<String> ours = new ArrayList<>();
        List<String> theirs = new ArrayList<>();
        try (Connection c = orathin(); Connection o = ojdbc()) {
            for (Method m : capabilityQuestions()) {
                if (m.getParameterCount() != 1 || m.getReturnType() != boolean.class || m.getName().contains("Holdability")) {
                    continue;
                }
                int arg = m.getName().contains("Isolation") ? Connection.TRANSACTION_READ_COMMITTED : ResultSet.TYPE_FORWARD_ONLY;
                ours.add(m.getName() + "=" + m.invoke(c.getMetaData(), arg));
                theirs.add(m.getName() + "=" + m.invoke(o.getMetaData(), arg));
            }
            assertEquals(o.getMetaData().supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY),
                    c.getMetaData().supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
            assertFalse(c.getMetaData().supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE), "orathin has no scrollable result sets");
        }
        assertFalse(ours.isEmpty());
        assertEquals(theirs, ours);
    }
}
