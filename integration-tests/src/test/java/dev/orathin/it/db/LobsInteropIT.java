package dev.orathin.it.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orathin.Blob;
import dev.orathin.Clob;
import dev.orathin.ConnectParams;
import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import dev.orathin.it.ExternalClient;
import dev.orathin.it.NodeInstaller;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * LOBs (issue #16) against the testkit with Oracle's clients as referees: ojdbc11 (getClob().getSubString,
 * getBlob().getBytes, streams, setCharacterStream / setBinaryStream of large values), orathin core
 * (locators, streams, temporary LOBs), orathin jdbc, node-oracledb thin (Lob objects, CLOB / BLOB binds as
 * temporary LOBs) and python-oracledb thin where importable (createlob + write, LOB objects read). Each client writes a CLOB and a BLOB of each size — 0, 1, chunk-1, chunk, chunk+1 and
 * 3 MB, text mixing Latin-1, CJK and supplementary characters — then reads back every row written so far,
 * its own and the earlier clients'; at the end ojdbc11 reads every client's rows. Writes
 * {@code target/interop-matrix-lobs.md}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LobsInteropIT {

    static final String USER = "scott";
    static final String PASSWORD = "Tiger#2026";
    static final String SERVICE = "freepdb1";
    /** The testkit's chunk size (LobStore.CHUNK_SIZE), as every client reads it from the locator or LOB_OP. */
    static final int CHUNK = 8132;
    static final int[] SIZES = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * 1024 * 1024 + 5};
    static final Path WORK = Path.of("target/interop-lobs");
    static OracleTestServer server;
    static TestDatabase db;
    static Optional<ExternalClient> node = Optional.empty();
    static final Map<String, Map<String, String>> MATRIX = new LinkedHashMap<>();
    static final List<String> WRITERS = new ArrayList<>();

    static List<String> scenarios() {
        List<String> s = new ArrayList<>();
        for (int n : SIZES) {
            s.add("clob_" + n);
            s.add("blob_" + n);
        }
        return s;
    }

    /**
     * The text of {@code n} UTF-16 code units: ASCII, Latin-1, CJK and supplementary characters, no
     * surrogate pair across a multiple of 8192 units (ojdbc11 sends setCharacterStream binds in pieces of
     * 8192 characters and replaces a pair split between two with two U+FFFD; see jdbc/README "LOBs").
     */
    static String text(int n) {
        Random r = new Random(n);
        String[] pieces = {"a", "é", "漢", "😀", "z", "ß", "𝄞", " "};
        StringBuilder b = new StringBuilder(n);
        while (b.length() < n) {
            String p = pieces[r.nextInt(pieces.length)];
            int at = b.length();
            boolean straddles = p.length() == 2 && (at + 1) % 8192 == 0;
            b.append(at + p.length() > n || straddles ? "x" : p);
        }
        return b.toString();
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(-n).nextBytes(b);
        return b;
    }

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(WORK);
        for (int n : SIZES) {
            Files.writeString(WORK.resolve("clob_" + n + ".txt"), text(n));
            Files.write(WORK.resolve("blob_" + n + ".bin"), bytes(n));
        }
        if (NodeInstaller.onPath("node") && NodeInstaller.onPath("npm")) {
            Path modules = NodeInstaller.ensure(Path.of(System.getProperty("orathin.node.prefix", "target/node")),
                    System.getProperty("node.oracledb.version", "26.0.0"));
            node = ExternalClient.node(modules, WORK).map(c -> c.withScript("lobs.js"));
        }
        db = TestDatabase.builder().user(USER, PASSWORD).build();
        db.run("create table lob_m (writer varchar2(10), sz number, c clob, b blob)");
        server = OracleTestServer.builder().service(SERVICE).readTimeout(Duration.ofMinutes(3)).database(db).build().start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        StringBuilder md = new StringBuilder("# LOB matrix: CLOB / BLOB through locators against the testkit\n\n");
        md.append("Each cell: ✅ passed, ❌ failed (code, detail), ⏭ skipped (reason). A client's cell covers its own write of the"
                + " size and its reads of every row written so far (earlier columns' clients too). Written by `LobsInteropIT`.\n\n"
                + "| scenario |");
        MATRIX.keySet().forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|").append("---|".repeat(MATRIX.size())).append('\n');
        for (String s : scenarios()) {
            md.append("| ").append(s).append(" |");
            MATRIX.values().forEach(col -> md.append(' ').append(col.getOrDefault(s, "–")).append(" |"));
            md.append('\n');
        }
        Files.writeString(Path.of("target/interop-matrix-lobs.md"), md);
    }

    static String url() {
        return "jdbc:oracle:thin:@//" + server.host() + ":" + server.port() + "/" + SERVICE;
    }

    // ------------------------------------------------------------------ ojdbc11, first: its own rows

    @Test
    @Order(1)
    void ojdbc11() throws SQLException {
        Map<String, String> cells = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url(), USER, PASSWORD)) {
            for (int n : SIZES) {
                String write = problem(() -> {
                    try (PreparedStatement ps = c.prepareStatement("insert into lob_m values ('ojdbc', ?, ?, ?)")) {
                        ps.setInt(1, n);
                        ps.setCharacterStream(2, new StringReader(text(n)), n);
                        ps.setBinaryStream(3, new ByteArrayInputStream(bytes(n)), n);
                        ps.executeUpdate();
                    }
                    return null;
                });
                cells.put("clob_" + n, write != null ? "❌ write: " + write : cell(() -> ojdbcRead(c, n, true, List.of("ojdbc"))));
                cells.put("blob_" + n, write != null ? "❌ write: " + write : cell(() -> ojdbcRead(c, n, false, List.of("ojdbc"))));
            }
        }
        WRITERS.add("ojdbc");
        check("ojdbc11", cells);
    }

    /** ojdbc11 reads: getClob().getSubString and getCharacterStream; getBlob().getBytes and getBinaryStream. */
    static String ojdbcRead(Connection c, int n, boolean clob, List<String> writers) throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select writer, c, b from lob_m where sz = ? order by writer")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String w = rs.getString(1);
                    seen.add(w);
                    if (clob) {
                        java.sql.Clob cl = rs.getClob(2);
                        String viaLob = cl == null ? null : cl.getSubString(1, (int) cl.length());
                        String viaStream = cl == null ? null : read(cl.getCharacterStream());
                        expectText(problems, w, n, viaLob, "getSubString");
                        expectText(problems, w, n, viaStream, "getCharacterStream");
                    } else {
                        java.sql.Blob bl = rs.getBlob(3);
                        expectBytes(problems, w, n, bl == null ? null : bl.getBytes(1, (int) bl.length()), "getBytes");
                        expectBytes(problems, w, n, bl == null ? null : bl.getBinaryStream().readAllBytes(), "getBinaryStream");
                    }
                }
            }
        }
        writers.stream().filter(w -> !seen.contains(w)).forEach(w -> problems.add("no row of " + w));
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    // ------------------------------------------------------------------ orathin core

    @Test
    @Order(2)
    void orathinCore() {
        Map<String, String> cells = new LinkedHashMap<>();
        try (OracleConnection c = Orathin.connect(ConnectParams.builder().dsn(server.descriptor(SERVICE)).user(USER)
                .password(PASSWORD.toCharArray()).build())) {
            c.autoCommit(true);
            c.fetchLobs(true);
            for (int n : SIZES) {
                String write = problem(() -> {
                    // a Reader binds as a temporary CLOB written in chunks; a Blob created and written through its stream
                    Blob b = c.createBlob();
                    try (var out = b.outputStream(1)) {
                        out.write(bytes(n));
                    }
                    c.executeUpdate("insert into lob_m values ('orathin', :1, :2, :3)", n, new StringReader(text(n)), b);
                    b.free();
                    return null;
                });
                List<String> writers = new ArrayList<>(WRITERS);
                writers.add("orathin");
                cells.put("clob_" + n, write != null ? "❌ write: " + write : cell(() -> coreRead(c, n, true, writers)));
                cells.put("blob_" + n, write != null ? "❌ write: " + write : cell(() -> coreRead(c, n, false, writers)));
            }
        }
        WRITERS.add("orathin");
        check("orathin", cells);
    }

    /** orathin core reads: Clob.read / reader, Blob.read / inputStream, lengths from the locator. */
    static String coreRead(OracleConnection c, int n, boolean clob, List<String> writers) throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try (Cursor cur = c.execute("select writer, c, b from lob_m where sz = :1 order by writer", n)) {
            while (cur.next()) {
                String w = cur.getString(1);
                seen.add(w);
                if (clob) {
                    Clob cl = cur.getClob(2);
                    if (cl != null && cl.length() != n) {
                        problems.add(w + ": length " + cl.length() + ", expected " + n);
                    }
                    expectText(problems, w, n, cl == null ? null : cl.read(1, (int) Math.max(1, cl.length())), "Clob.read");
                    expectText(problems, w, n, cl == null ? null : read(cl.reader()), "Clob.reader");
                } else {
                    Blob bl = cur.getBlob(3);
                    expectBytes(problems, w, n, bl == null ? null : bl.read(1, (int) Math.max(1, bl.length())), "Blob.read");
                    byte[] streamed = null;
                    if (bl != null) {
                        try (InputStream in = bl.inputStream()) {
                            streamed = in.readAllBytes();
                        }
                    }
                    expectBytes(problems, w, n, streamed, "Blob.inputStream");
                }
            }
        }
        writers.stream().filter(w -> !seen.contains(w)).forEach(w -> problems.add("no row of " + w));
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    // ------------------------------------------------------------------ orathin jdbc

    @Test
    @Order(3)
    void orathinJdbc() throws SQLException {
        Map<String, String> cells = new LinkedHashMap<>();
        String url = "jdbc:orathin:@//" + server.host() + ":" + server.port() + "/" + SERVICE;
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        try (Connection c = DriverManager.getConnection(url, p)) {
            for (int n : SIZES) {
                String write = problem(() -> {
                    try (PreparedStatement ps = c.prepareStatement("insert into lob_m values ('jdbc', ?, ?, ?)")) {
                        ps.setInt(1, n);
                        ps.setCharacterStream(2, new StringReader(text(n)), n);
                        ps.setBinaryStream(3, new ByteArrayInputStream(bytes(n)), n);
                        ps.executeUpdate();
                    }
                    return null;
                });
                List<String> writers = new ArrayList<>(WRITERS);
                writers.add("jdbc");
                cells.put("clob_" + n, write != null ? "❌ write: " + write : cell(() -> ojdbcRead(c, n, true, writers)));
                cells.put("blob_" + n, write != null ? "❌ write: " + write : cell(() -> ojdbcRead(c, n, false, writers)));
            }
        }
        WRITERS.add("jdbc");
        check("orathin-jdbc", cells);
    }

    // ------------------------------------------------------------------ node-oracledb thin

    @Test
    @Order(4)
    void nodeOracledb() {
        if (node.isEmpty()) {
            Map<String, String> cells = new LinkedHashMap<>();
            scenarios().forEach(s -> cells.put(s, "⏭ node/npm missing"));
            MATRIX.put("node-oracledb", cells);
            org.junit.jupiter.api.Assumptions.abort("node-oracledb is not available (node/npm missing)");
        }
        ExternalClient.Result r = node.get().run(clientOptions("connectString"), Duration.ofMinutes(5));
        WRITERS.add("node");
        check("node-oracledb", cells(r));
    }

    /** The options of the node / python scripts: user, password, the connect string under {@code dsnKey}, files, sizes, writers. */
    static String clientOptions(String dsnKey) {
        StringBuilder sizes = new StringBuilder();
        for (int n : SIZES) {
            sizes.append(sizes.length() == 0 ? "" : ",").append(n);
        }
        StringBuilder writers = new StringBuilder();
        for (String w : WRITERS) {
            writers.append(writers.length() == 0 ? "" : ",").append(ExternalClient.quote(w));
        }
        return "{\"user\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\",\"" + dsnKey + "\":\""
                + server.host() + ":" + server.port() + "/" + SERVICE + "\",\"dir\":" + ExternalClient.quote(WORK.toAbsolutePath().toString())
                + ",\"sizes\":[" + sizes + "],\"writers\":[" + writers + "]}";
    }

    static Map<String, String> cells(ExternalClient.Result r) {
        Map<String, String> cells = new LinkedHashMap<>();
        Matcher m = RESULT.matcher(r.json());
        while (m.find()) {
            cells.put(m.group(1), Boolean.parseBoolean(m.group(2)) ? "✅" : "❌ " + (m.group(3) == null ? "" : m.group(3)) + " "
                    + (m.group(5) == null ? "" : m.group(5)));
        }
        if (cells.isEmpty()) {
            cells.put("clob_0", "❌ " + r.json());
        }
        return cells;
    }

    // ------------------------------------------------------------------ python-oracledb thin

    /** python-oracledb thin (where importable): temporary LOBs written with LOB_OP, LOB objects read with LOB_OP. */
    @Test
    @Order(5)
    void pythonOracledb() {
        String py = System.getProperty("orathin.python", "/usr/bin/python3");
        Optional<ExternalClient> python = ExternalClient.python(py, WORK).map(c -> c.withScript("lobs.py"));
        if (python.isEmpty()) {
            Map<String, String> cells = new LinkedHashMap<>();
            scenarios().forEach(s -> cells.put(s, "⏭ python-oracledb not importable by " + py));
            MATRIX.put("python-oracledb", cells);
            org.junit.jupiter.api.Assumptions.abort("python-oracledb not importable by " + py);
        }
        ExternalClient.Result r = python.get().run(clientOptions("dsn"), Duration.ofMinutes(5));
        Map<String, String> cells = cells(r);
        WRITERS.add("python");
        check("python-oracledb", cells);
    }

    // ------------------------------------------------------------------ ojdbc11 again: every client's rows

    @Test
    @Order(6)
    void ojdbc11ReadsEveryWriter() throws SQLException {
        Map<String, String> cells = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url(), USER, PASSWORD)) {
            for (int n : SIZES) {
                cells.put("clob_" + n, cell(() -> ojdbcRead(c, n, true, WRITERS)));
                cells.put("blob_" + n, cell(() -> ojdbcRead(c, n, false, WRITERS)));
            }
        }
        check("ojdbc11 reads all " + WRITERS, cells);
    }

    // ------------------------------------------------------------------ helpers

    private static final Pattern RESULT = Pattern.compile("\"(\\w+)\":\\s*\\{\"ok\":\\s*(true|false)(?:,\\s*\"code\":\\s*\"([^\"]*)\")?(?:,\\s*\"detail\":\\s*(null|\"((?:[^\"\\\\]|\\\\.)*)\"))?");

    @FunctionalInterface
    interface Body {
        String run() throws Exception;
    }

    private static String problem(Body body) {
        String cell = cell(body);
        return cell.startsWith("✅") ? null : cell.substring(2);
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

    static String read(Reader r) throws IOException {
        StringWriter w = new StringWriter();
        try (r) {
            r.transferTo(w);
        }
        return w.toString();
    }

    /** Size 0: Oracle stores an empty value as NULL (or an empty LOB); otherwise the exact text. */
    static void expectText(List<String> problems, String writer, int n, String got, String how) {
        if (n == 0) {
            if (got != null && !got.isEmpty()) {
                problems.add(writer + " " + how + ": " + got.length() + " units for size 0");
            }
            return;
        }
        String want = text(n);
        if (!want.equals(got)) {
            int i = 0;
            while (got != null && i < Math.min(want.length(), got.length()) && want.charAt(i) == got.charAt(i)) {
                i++;
            }
            problems.add(writer + " " + how + ": " + (got == null ? "NULL" : got.length() + " units, first difference at " + i));
        }
    }

    static void expectBytes(List<String> problems, String writer, int n, byte[] got, String how) {
        if (n == 0) {
            if (got != null && got.length != 0) {
                problems.add(writer + " " + how + ": " + got.length + " bytes for size 0");
            }
            return;
        }
        if (!Arrays.equals(bytes(n), got)) {
            problems.add(writer + " " + how + ": " + (got == null ? "NULL" : got.length + " bytes, first difference at "
                    + Arrays.mismatch(bytes(n), got)));
        }
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
        assertEquals(List.of(), failures, client + " against the testkit (LOBs)");
    }
}
