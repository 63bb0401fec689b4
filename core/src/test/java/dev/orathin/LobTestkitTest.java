package dev.orathin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LOB locators (fetchLobs(true)), temporary LOBs, streams and stream binds against the testkit's LOB_OP. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LobTestkitTest {

    static TestDatabase db;
    static OracleTestServer server;
    /** The chunk size the testkit reports (LobStore.CHUNK_SIZE). */
    static final int CHUNK = 8132;

    @BeforeAll
    static void start() {
        db = TestDatabase.builder().user("admin", "Secret#2026").build();
        server = OracleTestServer.builder().service("demo").database(db).build().start();
        db.run("create table lobs_t (id number(5), cl clob, bl blob)");
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static OracleConnection connect() {
        return Orathin.connect(ConnectParams.builder().dsn(server.descriptor("demo")).user("admin").password("Secret#2026".toCharArray())
                .build());
    }

    /** Text of {@code n} UTF-16 code units mixing ASCII, Latin-1, CJK and supplementary characters (two units each). */
    static String text(int n, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(n);
        String[] pieces = {"a", "é", "漢", "😀", "z", "ß", "𝄞"};
        while (b.length() < n) {
            String p = pieces[r.nextInt(pieces.length)];
            if (b.length() + p.length() > n) {
                p = "x";
            }
            b.append(p);
        }
        return b.toString();
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void temporaryLobsWriteReadTrimAndStream() throws Exception {
        try (OracleConnection c = connect()) {
            Clob clob = c.createClob();
            assertTrue(clob.isTemporary());
            assertEquals(0, clob.length());
            assertEquals(CHUNK, clob.chunkSize());
            String s = text(3 * CHUNK + 7, 1);
            clob.write(1, s);
            assertEquals(s.length(), clob.length());
            assertEquals(s, clob.string());
            assertEquals(s.substring(CHUNK - 1, 2 * CHUNK + 1), clob.read(CHUNK, CHUNK + 2));
            StringWriter sw = new StringWriter();
            try (Reader rd = clob.reader()) {
                rd.transferTo(sw);
            }
            assertEquals(s, sw.toString());
            clob.trim(10);
            assertEquals(10, clob.length());
            assertEquals(s.substring(0, 10), clob.string());
            clob.write(11, "ü😀");
            assertEquals(s.substring(0, 10) + "ü😀", clob.string());
            assertEquals("", clob.read(100, 5)); // past the end

            Blob blob = c.createBlob();
            byte[] data = bytes(2 * CHUNK + 1, 2);
            try (OutputStream out = blob.outputStream(1)) {
                for (int i = 0; i < data.length; i += 1000) {
                    out.write(data, i, Math.min(1000, data.length - i));
                }
            }
            assertEquals(data.length, blob.length());
            try (InputStream in = blob.inputStream()) {
                assertArrayEquals(data, in.readAllBytes());
            }
            assertArrayEquals(java.util.Arrays.copyOfRange(data, 5, 25), blob.read(6, 20));
            blob.open();
            assertTrue(blob.isOpen());
            blob.close();
            assertFalse(blob.isOpen());
            blob.free();
            OrathinUsageException freed = assertThrows(OrathinUsageException.class, blob::length);
            assertEquals(CoreErrorCode.LOB_STATE, freed.errorCode());
            OracleDatabaseException trim = assertThrows(OracleDatabaseException.class, () -> clob.trim(1000));
            assertEquals(22926, trim.oraCode());
            clob.free();
            assertTrue(c.isHealthy());
        }
    }

    @Test
    void badOffsetsAreTypedErrors() {
        try (OracleConnection c = connect()) {
            Blob blob = c.createBlob();
            OrathinUsageException e = assertThrows(OrathinUsageException.class, () -> blob.read(0, 5));
            assertEquals(CoreErrorCode.LOB_STATE, e.errorCode());
            assertTrue(e.getMessage().contains("offset 0"), e.getMessage());
            assertThrows(OrathinUsageException.class, () -> blob.read(1, -1));
            assertThrows(OrathinUsageException.class, () -> blob.trim(-1));
            assertThrows(OrathinUsageException.class, () -> blob.write(0, new byte[1]));
        }
    }

    /** The sizes the issue names: 0, 1, chunk-1, chunk, chunk+1 and a few MB, bound as temporary LOBs and fetched as locators. */
    @Test
    void roundTripsOfEdgeSizesThroughLocators() throws Exception {
        int[] sizes = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * 1024 * 1024 + 5};
        try (OracleConnection c = connect()) {
            c.executeUpdate("delete from lobs_t");
            for (int i = 0; i < sizes.length; i++) {
                Clob cl = c.createClob();
                cl.write(1, text(sizes[i], i));
                Blob bl = c.createBlob();
                bl.write(1, bytes(sizes[i], i));
                c.executeUpdate("insert into lobs_t values (:1, :2, :3)", i, cl, bl);
                cl.free();
                bl.free();
            }
            c.fetchLobs(true);
            try (Cursor cur = c.execute("select id, cl, bl from lobs_t order by id")) {
                for (int i = 0; i < sizes.length; i++) {
                    assertTrue(cur.next());
                    int n = sizes[i];
                    Object cl = cur.getObject(2);
                    Object bl = cur.getObject(3);
                    if (n == 0) {
                        // H2 in Oracle mode stores an empty value as NULL, as Oracle does for '' (not for EMPTY_CLOB())
                        assertTrue(cl == null || ((Clob) cl).length() == 0, "size 0: " + cl);
                        continue;
                    }
                    Clob clob = assertInstanceOf(Clob.class, cl);
                    Blob blob = assertInstanceOf(Blob.class, bl);
                    String expected = text(n, i);
                    assertEquals(n, clob.length(), "CLOB length in UTF-16 code units, size " + n);
                    assertEquals(n, blob.length());
                    StringWriter sw = new StringWriter();
                    try (Reader rd = clob.reader()) {
                        rd.transferTo(sw);
                    }
                    assertEquals(expected, sw.toString(), "size " + n);
                    ByteArrayOutputStream bo = new ByteArrayOutputStream();
                    try (InputStream in = blob.inputStream()) {
                        in.transferTo(bo);
                    }
                    assertArrayEquals(bytes(n, i), bo.toByteArray(), "size " + n);
                    assertEquals(expected, cur.getString(2)); // a locator read whole
                }
                assertFalse(cur.next());
            }
        }
    }

    @Test
    void streamsBindAsTemporaryLobsAndInlineStaysTheDefault() {
        try (OracleConnection c = connect()) {
            String s = text(70_000, 9);
            byte[] b = bytes(70_000, 9);
            c.executeUpdate("insert into lobs_t values (:1, :2, :3)", 100, new StringReader(s), new ByteArrayInputStream(b));
            String sql = "select cl, bl from lobs_t where id = 100";
            try (Cursor cur = c.execute(sql)) {
                assertTrue(cur.next());
                assertEquals(s, cur.getObject(1)); // inline by default
                assertArrayEquals(b, (byte[]) cur.getObject(2));
            }
            c.fetchLobs(true); // the cached statement was defined inline: parsed again for locators
            try (Cursor cur = c.execute(sql)) {
                assertTrue(cur.next());
                assertEquals(s, cur.getClob(1).string());
                assertArrayEquals(b, cur.getBlob(2).bytes());
            }
            c.fetchLobs(false);
            try (Cursor cur = c.execute(sql)) {
                assertTrue(cur.next());
                assertEquals(s, cur.getObject(1));
            }
            c.executeUpdate("delete from lobs_t where id = 100");
        }
    }

    @Test
    void aWriterKeepsSurrogatePairsWholeAcrossPieces() throws Exception {
        try (OracleConnection c = connect()) {
            Clob clob = c.createClob();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 40_000; i++) {
                sb.append(i % 3 == 0 ? "😀" : "é");
            }
            String s = sb.toString();
            try (Writer w = clob.writer(1)) {
                for (int i = 0; i < s.length(); i += 333) {
                    w.write(s, i, Math.min(333, s.length() - i));
                }
            }
            assertEquals(s.length(), clob.length());
            assertEquals(s, clob.string());
            clob.free();
        }
    }
}
