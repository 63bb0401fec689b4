package dev.orathin.it.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orathin.ByteVector;
import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.SparseVector;
import dev.orathin.errors.OrathinException;
import dev.orathin.it.ExternalClient;
import dev.orathin.it.NodeInstaller;
import dev.orathin.it.db.TypeCases.Vec;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import oracle.jdbc.OracleType;
import oracle.sql.VECTOR;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The 23ai types (issue #16) against the testkit, with Oracle's clients as referees of the
 * testkit's encodings: each client binds the cases of {@link TypeCases}, fetches them back and the
 * testkit-seeded rows, and compares with the expected values. Writes
 * {@code target/interop-matrix-types.md}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TypesInteropIT {

    static final String USER = "scott";
    static final String PASSWORD = "Tiger#2026";
    static final String SERVICE = "freepdb1";
    static OracleTestServer server;
    static TestDatabase db;
    static Optional<ExternalClient> node = Optional.empty();
    static Optional<ExternalClient> python = Optional.empty();
    static final Map<String, Map<String, String>> MATRIX = new LinkedHashMap<>();

    static List<String> scenarios() {
        List<String> s = new ArrayList<>();
        s.add("vector_seeded");
        s.addAll(TypeCases.vectorCases().keySet());
        s.addAll(TypeCases.jsonCases().keySet());
        s.add("json_bind");
        return s;
    }

    @BeforeAll
    static void start() throws Exception {
        Path work = Path.of("target/interop-types");
        Files.createDirectories(work);
        if (NodeInstaller.onPath("node") && NodeInstaller.onPath("npm")) {
            Path modules = NodeInstaller.ensure(Path.of(System.getProperty("orathin.node.prefix", "target/node")),
                    System.getProperty("node.oracledb.version", "26.0.0"));
            node = ExternalClient.node(modules, work).map(c -> c.withScript("types.js"));
        }
        python = ExternalClient.python(System.getProperty("orathin.python", "/usr/bin/python3"), work);
        db = TestDatabase.builder().user(USER, PASSWORD).build();
        db.run("create table vec_seed (id number primary key, v vector(3, float32))",
                "insert into vec_seed values (1, to_vector('[1, 2.5, -3]'))", "insert into vec_seed values (2, null)");
        // JSON documents: seeded as text (orathin's JsonValue.toJson), served by the testkit as OSON
        db.run("create table json_seed (id number primary key, j json)");
        int base = 0;
        List<String> expected = new ArrayList<>();
        for (List<dev.orathin.json.JsonValue> docs : TypeCases.jsonCases().values()) {
            int id = base;
            for (dev.orathin.json.JsonValue d : docs) {
                db.run("insert into json_seed values (" + id++ + ", " + (d == null ? "null" : "json '" + d.toJson().replace("'", "''") + "'") + ")");
                expected.add(d == null ? null : d.toJson());
            }
            base += 10;
        }
        StringBuilder file = new StringBuilder("[");
        for (String e : expected) {
            file.append(file.length() > 1 ? "," : "").append(e == null ? "null" : ExternalClient.quote(e));
        }
        Files.writeString(work.resolve("json-expected.json"), file.append(']'));
        server = OracleTestServer.builder().service(SERVICE).readTimeout(Duration.ofMinutes(3)).database(db).build().start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        StringBuilder md = new StringBuilder("# Types matrix: VECTOR / JSON against the testkit\n\n");
        md.append("Each cell: ✅ passed, ❌ failed (code, detail), ⏭ skipped (reason). Written by `TypesInteropIT`.\n\n| scenario |");
        MATRIX.keySet().forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|").append("---|".repeat(MATRIX.size())).append('\n');
        for (String s : scenarios()) {
            md.append("| ").append(s).append(" |");
            MATRIX.values().forEach(col -> md.append(' ').append(col.getOrDefault(s, "–")).append(" |"));
            md.append('\n');
        }
        Files.writeString(Path.of("target/interop-matrix-types.md"), md);
    }

    // ------------------------------------------------------------------ ojdbc11

    @Test
    void ojdbc11() throws SQLException {
        Map<String, String> cells = new LinkedHashMap<>();
        String url = "jdbc:oracle:thin:@//" + server.host() + ":" + server.port() + "/" + SERVICE;
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD)) {
            cells.put("vector_seeded", cell(() -> compare(TypeCases.seeded(), ojdbcFetch(c, "select v from vec_seed order by id"))));
            try (Statement s = c.createStatement()) {
                s.execute("create table vec_ojdbc (id number primary key, v vector)");
            }
            int base = 0;
            for (Map.Entry<String, List<Vec>> e : TypeCases.vectorCases().entrySet()) {
                int first = base;
                cells.put(e.getKey(), cell(() -> {
                    try (PreparedStatement ps = c.prepareStatement("insert into vec_ojdbc values (?, ?)")) {
                        int id = first;
                        for (Vec v : e.getValue()) {
                            ps.setInt(1, id++);
                            if (v == null) {
                                ps.setNull(2, OracleType.VECTOR.getVendorTypeNumber());
                            } else {
                                ps.setObject(2, ojdbcValue(v), ojdbcType(v));
                            }
                            ps.executeUpdate();
                        }
                    }
                    return compare(e.getValue(), ojdbcFetch(c, "select v from vec_ojdbc where id >= " + first + " and id < "
                            + (first + e.getValue().size()) + " order by id"));
                }));
                base += 10;
            }
        }
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD)) {
            int base = 0;
            for (Map.Entry<String, List<dev.orathin.json.JsonValue>> e : TypeCases.jsonCases().entrySet()) {
                int first = base;
                cells.put(e.getKey(), cell(() -> {
                    // compared as ojdbc's own values (objects are maps: Oracle's JSON type keeps no member order)
                    oracle.sql.json.OracleJsonFactory f = new oracle.sql.json.OracleJsonFactory();
                    List<Object> want = new ArrayList<>();
                    for (dev.orathin.json.JsonValue d : e.getValue()) {
                        want.add(d == null ? null : f.createJsonTextValue(new java.io.StringReader(d.toJson())));
                    }
                    List<Object> got = new ArrayList<>();
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select j from json_seed where id >= " + first
                            + " and id < " + (first + e.getValue().size()) + " order by id")) {
                        while (rs.next()) {
                            oracle.sql.json.OracleJsonValue v = rs.getObject(1, oracle.sql.json.OracleJsonValue.class);
                            got.add(v);
                            if (v instanceof oracle.sql.json.OracleJsonObject o && o.containsKey("key_0")
                                    && !"1050".equals(String.valueOf(o.get("key_150")))) {
                                // a lookup by name, not a walk: ojdbc finds members by binary search over field ids
                                return "lookup of key_150 found " + o.get("key_150") + ", expected 1050";
                            }
                        }
                    }
                    if (want.equals(got)) {
                        return null;
                    }
                    List<String> w = new ArrayList<>();
                    want.forEach(x -> w.add(ojdbcSorted(x)));
                    List<String> g = new ArrayList<>();
                    got.forEach(x -> g.add(ojdbcSorted(x)));
                    return firstDifference(w, g);
                }));
                base += 10;
            }
            cells.put("json_bind", cell(() -> {
                oracle.sql.json.OracleJsonFactory f = new oracle.sql.json.OracleJsonFactory();
                try (Statement s = c.createStatement()) {
                    s.execute("create table json_ojdbc (id number primary key, j json)");
                }
                List<String> want = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("insert into json_ojdbc values (?, ?)")) {
                    int id = 0;
                    for (dev.orathin.json.JsonValue d : TypeCases.jsonBinds()) {
                        oracle.sql.json.OracleJsonValue v = f.createJsonTextValue(new java.io.StringReader(d.toJson()));
                        want.add(v.toString());
                        ps.setInt(1, id++);
                        ps.setObject(2, v, OracleType.JSON);
                        ps.executeUpdate();
                    }
                }
                // Oracle's JSON type does not keep member order (ojdbc writes large objects in field-id order):
                // compare as ojdbc's own values, whose objects are maps
                List<oracle.sql.json.OracleJsonValue> wantValues = new ArrayList<>();
                for (String w : want) {
                    wantValues.add(f.createJsonTextValue(new java.io.StringReader(w)));
                }
                List<oracle.sql.json.OracleJsonValue> gotValues = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select j from json_ojdbc order by id")) {
                    while (rs.next()) {
                        gotValues.add(rs.getObject(1, oracle.sql.json.OracleJsonValue.class));
                    }
                }
                if (wantValues.equals(gotValues)) {
                    return null;
                }
                List<String> got = new ArrayList<>();
                gotValues.forEach(v -> got.add(String.valueOf(v)));
                return firstDifference(want, got);
            }));
        }
        check("ojdbc11", cells);
    }

    private static Object ojdbcValue(Vec v) throws SQLException {
        if (v.indices() != null) {
            return v.format().equals("FLOAT32") ? VECTOR.SparseFloatArray.of(v.dims(), v.indices(), v.floats())
                    : VECTOR.SparseDoubleArray.of(v.dims(), v.indices(), v.values());
        }
        return switch (v.format()) {
            case "FLOAT32" -> v.floats();
            case "FLOAT64" -> v.values();
            default -> v.bytes();
        };
    }

    private static OracleType ojdbcType(Vec v) {
        return switch (v.format()) {
            case "FLOAT32" -> OracleType.VECTOR_FLOAT32;
            case "FLOAT64" -> OracleType.VECTOR_FLOAT64;
            case "INT8" -> OracleType.VECTOR_INT8;
            default -> OracleType.VECTOR_BINARY;
        };
    }

    private static List<String> ojdbcFetch(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                VECTOR v = rs.getObject(1, VECTOR.class);
                out.add(v == null ? null : ojdbcCanonical(v));
            }
        }
        return out;
    }

    private static String ojdbcCanonical(VECTOR v) throws SQLException {
        OracleType t = v.getType();
        String format = t == OracleType.VECTOR_FLOAT32 ? "FLOAT32" : t == OracleType.VECTOR_FLOAT64 ? "FLOAT64"
                : t == OracleType.VECTOR_INT8 ? "INT8" : t == OracleType.VECTOR_BINARY ? "BINARY" : String.valueOf(t);
        if (v.isSparse()) {
            if (format.equals("FLOAT32")) {
                VECTOR.SparseFloatArray a = v.toSparseFloatArray();
                return new Vec(format, a.length(), a.indices(), toDoubles(a.values())).canonical();
            }
            VECTOR.SparseDoubleArray a = v.toSparseDoubleArray();
            return new Vec(format, a.length(), a.indices(), a.values()).canonical();
        }
        return switch (format) {
            case "FLOAT32" -> {
                float[] f = v.toFloatArray();
                yield new Vec(format, f.length, null, toDoubles(f)).canonical();
            }
            case "FLOAT64" -> {
                double[] d = v.toDoubleArray();
                yield new Vec(format, d.length, null, d).canonical();
            }
            default -> {
                byte[] b = v.toByteArray();
                yield new Vec(format, format.equals("BINARY") ? b.length * 8 : b.length, null, toDoubles(b)).canonical();
            }
        };
    }

    // ------------------------------------------------------------------ orathin

    @Test
    void orathin() {
        Map<String, String> cells = new LinkedHashMap<>();
        try (OracleConnection c = dev.orathin.Orathin.connect(dev.orathin.ConnectParams.builder()
                .dsn(server.host() + ":" + server.port() + "/" + SERVICE).user(USER).password(PASSWORD.toCharArray()).build())) {
            cells.put("vector_seeded", cell(() -> compare(TypeCases.seeded(), orathinFetch(c, "select v from vec_seed order by id", false))));
            c.execute("create table vec_orathin (id number primary key, v vector)").close();
            int base = 0;
            for (Map.Entry<String, List<Vec>> e : TypeCases.vectorCases().entrySet()) {
                int first = base;
                cells.put(e.getKey(), cell(() -> {
                    int id = first;
                    for (Vec v : e.getValue()) {
                        c.executeUpdate("insert into vec_orathin values (:1, :2)", id++, v == null ? null : orathinValue(v));
                    }
                    return compare(e.getValue(), orathinFetch(c, "select v from vec_orathin where id >= " + first + " and id < "
                            + (first + e.getValue().size()) + " order by id", e.getKey().equals("vector_binary")));
                }));
                base += 10;
            }
        }
        try (OracleConnection c = dev.orathin.Orathin.connect(dev.orathin.ConnectParams.builder()
                .dsn(server.host() + ":" + server.port() + "/" + SERVICE).user(USER).password(PASSWORD.toCharArray()).build())) {
            int base = 0;
            for (Map.Entry<String, List<dev.orathin.json.JsonValue>> e : TypeCases.jsonCases().entrySet()) {
                int first = base;
                cells.put(e.getKey(), cell(() -> {
                    List<String> want = new ArrayList<>();
                    e.getValue().forEach(d -> want.add(d == null ? null : sorted(d)));
                    List<String> got = new ArrayList<>();
                    try (Cursor cur = c.execute("select j from json_seed where id >= :1 and id < :2 order by id", first,
                            first + e.getValue().size())) {
                        while (cur.next()) {
                            Object o = cur.getObject(1);
                            got.add(o == null ? null : sorted((dev.orathin.json.JsonValue) o));
                            if (o != null && !cur.getString(1).equals(((dev.orathin.json.JsonValue) o).toJson())) {
                                got.add("getString gave " + cur.getString(1)); // the JSON text, not the tree's toString
                            }
                            if (o instanceof dev.orathin.json.JsonValue.JsonObject && !(cur.getObject(1, Map.class) instanceof Map)) {
                                got.add("getObject(Map.class) gave " + cur.getObject(1, Map.class));
                            }
                        }
                    }
                    return want.equals(got) ? null : "expected " + shorten(want) + " got " + shorten(got);
                }));
                base += 10;
            }
            cells.put("json_bind", cell(() -> {
                c.execute("create table json_orathin (id number primary key, j json)").close();
                List<String> want = new ArrayList<>();
                int id = 0;
                for (dev.orathin.json.JsonValue d : TypeCases.jsonBinds()) {
                    want.add(sorted(d));
                    c.executeUpdate("insert into json_orathin values (:1, :2)", id++, d);
                }
                List<String> got = new ArrayList<>();
                try (Cursor cur = c.execute("select j from json_orathin order by id")) {
                    while (cur.next()) {
                        got.add(sorted(cur.getObject(1, dev.orathin.json.JsonValue.class)));
                    }
                }
                return want.equals(got) ? null : "expected " + shorten(want) + " got " + shorten(got);
            }));
        }
        check("orathin", cells);
    }

    private static Object orathinValue(Vec v) {
        if (v.indices() != null) {
            return v.format().equals("FLOAT32") ? SparseVector.ofFloats(v.dims(), v.indices(), v.floats())
                    : SparseVector.ofDoubles(v.dims(), v.indices(), v.values());
        }
        return switch (v.format()) {
            case "FLOAT32" -> v.floats();
            case "FLOAT64" -> v.values();
            case "INT8" -> ByteVector.int8(v.bytes());
            default -> ByteVector.binary(v.bytes());
        };
    }

    private static List<String> orathinFetch(OracleConnection c, String sql, boolean binaryCase) {
        List<String> out = new ArrayList<>();
        try (Cursor cur = c.execute(sql)) {
            dev.orathin.Column col = cur.columns().get(0);
            while (cur.next()) {
                Object o = cur.getObject(1);
                if (o == null) {
                    out.add(null);
                } else if (o instanceof float[] f) {
                    out.add(new Vec("FLOAT32", f.length, null, toDoubles(f)).canonical());
                } else if (o instanceof double[] d) {
                    out.add(new Vec("FLOAT64", d.length, null, d).canonical());
                } else if (o instanceof byte[] b) {
                    // INT8 and BINARY both fetch as byte[]; Column.vectorFormat() says which when the server describes it
                    // (the server describes the format only at field version 24, so the case says which it is)
                    boolean binary = col.vectorFormat() == dev.orathin.VectorFormat.BINARY || binaryCase;
                    out.add(new Vec(binary ? "BINARY" : "INT8", binary ? b.length * 8 : b.length, null, toDoubles(b)).canonical());
                } else if (o instanceof SparseVector s) {
                    Object vals = s.values();
                    double[] d = vals instanceof float[] f ? toDoubles(f) : (double[]) vals;
                    out.add(new Vec(s.format().name(), s.dimensions(), s.indices(), d).canonical());
                } else {
                    out.add("unexpected " + o.getClass().getName());
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ node-oracledb, python-oracledb

    @Test
    void nodeOracledb() {
        org.junit.jupiter.api.Assumptions.assumeTrue(node.isPresent(), "node-oracledb is not available (node/npm missing)");
        ExternalClient.Result r = node.get().run("{\"user\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\",\"connectString\":\""
                + server.host() + ":" + server.port() + "/" + SERVICE + "\",\"tag\":\"js\",\"jsonExpected\":"
                + ExternalClient.quote(Path.of("target/interop-types/json-expected.json").toAbsolutePath().toString()) + "}", Duration.ofMinutes(3));
        Map<String, String> cells = new LinkedHashMap<>();
        Matcher m = RESULT.matcher(r.json());
        while (m.find()) {
            cells.put(m.group(1), Boolean.parseBoolean(m.group(2)) ? "✅" : "❌ " + (m.group(3) == null ? "" : m.group(3)) + " "
                    + (m.group(5) == null ? "" : m.group(5)));
        }
        if (cells.isEmpty()) {
            cells.put("vector_seeded", "❌ " + r.json());
        }
        check("node-oracledb", cells);
    }

    /**
     * python-oracledb: not scripted for these rows yet. The row says why it is skipped: not importable,
     * or the installed version (Debian's python3-oracledb may be 1.x, which has neither VECTOR, 2.2+,
     * nor OSON JSON in thin mode, 2.0+).
     */
    @Test
    void pythonOracledb() throws Exception {
        String py = System.getProperty("orathin.python", "/usr/bin/python3");
        String reason;
        if (python.isEmpty()) {
            reason = "python-oracledb not importable by " + py;
        } else {
            Process p = new ProcessBuilder(py, "-c", "import oracledb; print(oracledb.__version__)").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            p.waitFor(60, TimeUnit.SECONDS);
            reason = version.startsWith("1.") ? "python-oracledb " + version + " has no VECTOR / OSON support in thin mode (2.2+ needed)"
                    : "python-oracledb " + version + ": no types script yet";
        }
        Map<String, String> cells = new LinkedHashMap<>();
        scenarios().forEach(s -> cells.put(s, "⏭ " + reason));
        MATRIX.put("python-oracledb", cells);
        org.junit.jupiter.api.Assumptions.abort(reason);
    }

    private static final Pattern RESULT = Pattern.compile("\"(\\w+)\":\\s*\\{\"ok\":\\s*(true|false)(?:,\\s*\"code\":\\s*\"([^\"]*)\")?(?:,\\s*\"detail\":\\s*(null|\"((?:[^\"\\\\]|\\\\.)*)\"))?");

    // ------------------------------------------------------------------ helpers

    @FunctionalInterface
    interface Body {
        String run() throws Exception;
    }

    private static String cell(Body body) {
        try {
            String problem = body.run();
            return problem == null ? "✅" : "❌ " + problem;
        } catch (SQLException e) {
            return "❌ " + String.format("ORA-%05d ", e.getErrorCode()) + OjdbcScenarios.firstLine(String.valueOf(e.getMessage()));
        } catch (OrathinException e) {
            return "❌ " + e.code() + " " + OjdbcScenarios.firstLine(String.valueOf(e.getMessage()));
        } catch (Exception e) {
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            return "❌ " + e.getClass().getSimpleName() + " " + OjdbcScenarios.firstLine(String.valueOf(e.getMessage())) + " at " + at;
        }
    }

    private static String compare(List<Vec> expected, List<String> got) {
        List<String> want = new ArrayList<>();
        expected.forEach(v -> want.add(v == null ? null : v.canonical()));
        if (want.equals(got)) {
            return null;
        }
        return "expected " + shorten(want) + " got " + shorten(got);
    }

    /** ojdbc's JSON value as text with object members sorted by name (its objects' equals is order-sensitive). */
    static String ojdbcSorted(Object v) {
        if (v instanceof oracle.sql.json.OracleJsonObject o) {
            StringBuilder sb = new StringBuilder("{");
            new java.util.TreeMap<>(o).forEach((k, x) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":")
                    .append(ojdbcSorted(x)));
            return sb.append('}').toString();
        }
        if (v instanceof oracle.sql.json.OracleJsonArray a) {
            StringBuilder sb = new StringBuilder("[");
            a.forEach(x -> sb.append(sb.length() > 1 ? "," : "").append(ojdbcSorted(x)));
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }

    /** JSON text with object members sorted by name: Oracle's JSON type does not keep member order. */
    static String sorted(dev.orathin.json.JsonValue v) {
        if (v instanceof dev.orathin.json.JsonValue.JsonObject o) {
            java.util.TreeMap<String, dev.orathin.json.JsonValue> m = new java.util.TreeMap<>(o.members());
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(sb.length() > 1 ? "," : "").append(new dev.orathin.json.JsonValue.JsonString(k).toJson())
                    .append(':').append(sorted(x)));
            return sb.append('}').toString();
        }
        if (v instanceof dev.orathin.json.JsonValue.JsonArray a) {
            StringBuilder sb = new StringBuilder("[");
            a.elements().forEach(x -> sb.append(sb.length() > 1 ? "," : "").append(sorted(x)));
            return sb.append(']').toString();
        }
        return v.toJson();
    }

    /** The first row that differs, both sides shortened. */
    private static String firstDifference(List<String> want, List<String> got) {
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String w = i < want.size() ? want.get(i) : "(no row)";
            String g = i < got.size() ? got.get(i) : "(no row)";
            if (!java.util.Objects.equals(w, g)) {
                return "row " + i + ": expected " + shorten(java.util.Collections.singletonList(w)) + " got "
                        + shorten(java.util.Collections.singletonList(g));
            }
        }
        return null;
    }

    private static String shorten(List<String> l) {
        String s = String.valueOf(l);
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static double[] toDoubles(byte[] b) {
        double[] d = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            d[i] = b[i];
        }
        return d;
    }

    private static void check(String client, Map<String, String> cells) {
        MATRIX.put(client, cells);
        List<String> failures = new ArrayList<>();
        for (String s : scenarios()) {
            String cell = cells.getOrDefault(s, "❌ not run");
            if (!cell.startsWith("✅")) {
                failures.add(s + ": " + cell);
            }
        }
        assertEquals(List.of(), failures, client + " against the testkit (types)");
    }

}
