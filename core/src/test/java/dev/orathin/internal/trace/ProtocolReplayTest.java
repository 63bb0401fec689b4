package dev.orathin.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.internal.sql.ColumnInfo;
import dev.orathin.internal.trace.TraceDecoder.Call;
import dev.orathin.internal.trace.TraceDecoder.Message;
import dev.orathin.internal.trace.TraceDecoder.Outcome;
import dev.orathin.internal.trace.TraceDecoder.PacketResult;
import dev.orathin.internal.trace.TraceDecoder.Report;
import dev.orathin.internal.ttc.ErrorInfo;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Conformance replay: every packet real Oracle servers sent in {@code ../shared/real-packets}, read
 * in place, through orathin's decoders in the context of the client request before it (see
 * {@link TraceDecoder}). Writes {@code core/target/protocol-replay.md}, the per-file table of
 * docs/protocol-coverage.md. Skipped, saying why, when the folder is absent.
 */
class ProtocolReplayTest {

    /** Sessions whose client negotiated the representation orathin negotiates (thin drivers: python-oracledb 2+, OracleNIO). */
    private static boolean thinSession(String file) {
        return file.startsWith("muhdur-") || file.startsWith("oraclenio-");
    }

    @Test
    void everyServerPacketIsDecodedOrRefusedByName() throws IOException {
        Path dir = RealPackets.folder();
        Map<String, Report> reports = new LinkedHashMap<>();
        for (Path f : RealPackets.files(dir)) {
            reports.put(f.getFileName().toString(), TraceDecoder.decode(RealPackets.read(f)));
        }
        assertFalse(reports.isEmpty(), "no capture files in " + dir);
        writeReport(reports);
        List<String> problems = new ArrayList<>();
        reports.forEach((file, rep) -> {
            for (PacketResult p : rep.packets()) {
                if (p.outcome() == Outcome.DECODER_BUG) {
                    problems.add(file + " #" + p.packet().index() + ": " + p.detail());
                }
                if (thinSession(file) && p.packet().fromServer() && p.outcome() == Outcome.UNACCOUNTED) {
                    problems.add(file + " #" + p.packet().index() + " not accounted for: " + p.code() + " " + p.detail());
                }
                if (p.detail() != null && p.detail().startsWith("length field")) {
                    problems.add(file + " #" + p.packet().index() + ": " + p.detail());
                }
                if (p.outcome() == Outcome.REFUSED) {
                    assertNotNull(p.code(), "a refusal carries its OTN code");
                    assertTrue(p.code().matches("OTN-\\d{4}"), p.code());
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyDecodedOraErrorCarriesItsOwnNumberInItsText() {
        int errors = 0;
        for (Path f : RealPackets.files(RealPackets.folder())) {
            for (Call c : TraceDecoder.decode(RealPackets.read(f)).calls()) {
                ErrorInfo e = c.error();
                if (e != null && e.number() != 0 && c.outcome() == Outcome.DECODED) {
                    errors++;
                    assertTrue(e.message().startsWith(String.format("ORA-%05d", e.number())), f.getFileName() + ": ORA " + e.number()
                            + " with text " + e.message());
                }
            }
        }
        assertTrue(errors >= 10, "expected ORA errors in the captures, decoded " + errors);
    }

    /** The rows python-oracledb printed in its capture log are the rows orathin decodes from the server's bytes. */
    @Test
    void queryRowsMatchTheCaptureLog() throws IOException {
        Path file = RealPackets.folder().resolve("muhdur-fetch_df.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), "muhdur-fetch_df.txt absent");
        List<Map<String, String>> logged = loggedRows(Files.readAllLines(file, StandardCharsets.UTF_8));
        assertTrue(logged.size() >= 3, "capture log rows: " + logged);
        Report rep = TraceDecoder.decode(RealPackets.read(file));
        Call query = rep.calls().stream().filter(c -> c.sql() != null && c.sql().startsWith("select * from fdf_golden")).findFirst()
                .orElseThrow();
        assertEquals(Outcome.DECODED, query.outcome());
        assertEquals(1403, query.error().number(), "the fetch ends with ORA-01403");
        List<ColumnInfo> cols = query.columns();
        assertEquals(logged.size() >= 3 ? 3 : -1, query.rows().size());
        assertEquals(query.rows().size(), query.error().rowCount(), "ERROR row count = rows sent");
        int checked = 0;
        for (int i = 0; i < query.rows().size(); i++) {
            Object[] row = query.rows().get(i);
            Map<String, String> expected = logged.get(i);
            for (int c = 0; c < cols.size(); c++) {
                String want = expected.get(cols.get(c).name());
                if (want == null) {
                    continue; // a value the log prints as a Python object (datetime, bytes)
                }
                Object got = row[c];
                if (want.equals("None")) {
                    assertEquals(null, got, cols.get(c).name() + " row " + (i + 1));
                } else if (want.startsWith("'")) {
                    assertEquals(want.substring(1, want.length() - 1), got, cols.get(c).name() + " row " + (i + 1));
                } else {
                    assertEquals(0, new BigDecimal(want).compareTo(new BigDecimal(String.valueOf(got))), cols.get(c).name() + " row "
                            + (i + 1) + ": " + want + " vs " + got);
                }
                checked++;
            }
        }
        assertTrue(checked >= 20, "values compared: " + checked);
        // the SQL says which columns come back, in order
        assertEquals(List.of("ID", "PRICE", "ANYNUM"), rep.calls().stream().filter(c -> c.sql() != null
                && c.sql().startsWith("select id, price, anynum")).findFirst().orElseThrow().columns().stream().map(ColumnInfo::name).toList());
    }

    private static final Pattern LOG_ROW = Pattern.compile("^# capture-log:\\s+\\{('ID'.*)\\}\\s*$");
    private static final Pattern LOG_VALUE = Pattern.compile("'([A-Z_]+)': ('[^']*'|None|-?[0-9.]+)(?=,|$)");

    private static List<Map<String, String>> loggedRows(List<String> lines) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String l : lines) {
            Matcher m = LOG_ROW.matcher(l);
            if (m.matches() && rows.size() < 3) {
                Map<String, String> row = new LinkedHashMap<>();
                Matcher v = LOG_VALUE.matcher(m.group(1));
                while (v.find()) {
                    row.put(v.group(1), v.group(2));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** 23ai: FAST_AUTH offered in the ACCEPT, one reply with PROTOCOL, DATA_TYPES and auth phase one, every reply ends with END_OF_RESPONSE. */
    @Test
    void fastAuthAndEndOfResponseOf23ai() {
        Report rep = TraceDecoder.decode(RealPackets.read("muhdur-fetch_df.txt"));
        PacketResult accept = rep.packets().stream().filter(p -> p.tns().startsWith("ACCEPT")).findFirst().orElseThrow();
        assertEquals(true, accept.header().get("fastAuth"));
        assertEquals(true, accept.header().get("endOfResponse"));
        Call fast = rep.calls().stream().filter(c -> c.function().startsWith("FAST_AUTH")).findFirst().orElseThrow();
        assertEquals(Outcome.DECODED, fast.outcome());
        assertTrue(fast.authKeys().contains("AUTH_SESSKEY") && fast.authKeys().contains("AUTH_VFR_DATA"), fast.authKeys().toString());
        Call two = rep.calls().stream().filter(c -> c.function().startsWith("AUTH_PHASE_TWO")).findFirst().orElseThrow();
        assertTrue(two.authKeys().contains("AUTH_SESSION_ID"), two.authKeys().toString());
        for (PacketResult p : rep.packets()) {
            if (p.packet().fromServer() && p.tns().startsWith("DATA") && !p.messages().isEmpty()) {
                assertEquals("0x2000", p.header().get("dataFlags"), "#" + p.packet().index());
                assertEquals("END_OF_RESPONSE (29)", p.messages().get(p.messages().size() - 1).name(), "#" + p.packet().index());
            }
        }
        assertEquals(24, rep.fieldVersion(), "python-oracledb 4.0.1 and 23.26.1 agree on field version 24");
    }

    /** 12.1 with SQL Developer: break and reset markers (header flags 0x20), the client's reset, then the ORA error. */
    @Test
    void markersBeforeTheErrorOf12c() {
        Report rep = TraceDecoder.decode(RealPackets.read("pcap-wireshark-sqldeveloper12-2016.txt"));
        List<Call> withMarkers = rep.calls().stream().filter(c -> c.function().endsWith("+client reset")).toList();
        assertFalse(withMarkers.isEmpty());
        for (Call c : withMarkers) {
            assertEquals(Outcome.DECODED, c.outcome(), c.toString());
            assertTrue(c.error() != null && c.error().number() != 0, c.toString());
        }
        assertTrue(rep.packets().stream().anyMatch(p -> p.tns().startsWith("MARKER") && "0x20".equals(p.header().get("flags"))));
        PacketResult accept = rep.packets().stream().filter(p -> p.tns().startsWith("ACCEPT")).findFirst().orElseThrow();
        assertTrue((int) accept.header().get("version") >= 315, "4-byte lengths follow");
    }

    /** The same real replies cut into DATA packets of 1, 3, 17 and 100 bytes decode to the same calls, rows and errors. */
    @Test
    void realRepliesSplitAtAnyByteDecodeTheSame() {
        // sessions with their requests (a publication of replies alone is cut into replies at packet boundaries)
        for (String file : List.of("muhdur-fetch_df.txt", "muhdur-tpc.txt", "muhdur-aq_object.txt")) {
            List<TracePacket> original = RealPackets.read(file);
            String expected = calls(TraceDecoder.decode(original));
            for (int size : new int[] {1, 3, 17, 100}) {
                List<TracePacket> split = new ArrayList<>();
                boolean accepted = false;
                for (TracePacket t : original) {
                    byte[] b = t.bytes();
                    boolean serverData = t.fromServer() && t.form() == TracePacket.Form.TNS && b.length > 10 && b[4] == 6;
                    if (!accepted || !serverData) {
                        accepted |= t.form() == TracePacket.Form.TNS && b.length > 4 && b[4] == 2;
                        split.add(t);
                        continue;
                    }
                    for (int off = 10; off < b.length; off += size) {
                        int n = Math.min(size, b.length - off);
                        byte[] p = new byte[10 + n];
                        int len = p.length; // 4-byte length field: every one of these sessions accepted at v319
                        p[2] = (byte) (len >>> 8);
                        p[3] = (byte) len;
                        p[4] = 6;
                        p[8] = b[8];
                        p[9] = b[9];
                        System.arraycopy(b, off, p, 10, n);
                        split.add(new TracePacket(t.index(), t.line(), t.direction(), t.form(), -1, p, t.note()));
                    }
                }
                assertEquals(expected, calls(TraceDecoder.decode(split)), file + " cut into " + size + "-byte DATA packets");
            }
        }
    }

    private static String calls(Report rep) {
        StringBuilder b = new StringBuilder();
        for (Call c : rep.calls()) {
            b.append(c.function()).append(' ').append(c.outcome()).append(' ').append(c.sql()).append(' ')
                    .append(c.columns() == null ? "-" : c.columns().stream().map(ColumnInfo::name).toList()).append(' ');
            c.rows().forEach(r -> b.append(java.util.Arrays.deepToString(r)));
            b.append(' ').append(c.error() == null ? "-" : c.error().number() + "/" + c.error().rowCount()).append(' ')
                    .append(c.authKeys()).append('\n');
        }
        return b.toString();
    }

    /** A complete REDIRECT carrying its address (Wireshark sample 4). */
    @Test
    void redirectWithItsAddress() {
        Report rep = TraceDecoder.decode(RealPackets.read("pcap-wireshark-tns-oracle4.txt"));
        PacketResult redirect = rep.packets().stream().filter(p -> p.tns().startsWith("REDIRECT")).findFirst().orElseThrow();
        assertEquals(Outcome.DECODED, redirect.outcome());
        assertTrue(String.valueOf(redirect.header().get("redirectData")).contains("ADDRESS"), redirect.header().toString());
    }

    /** Features orathin does not implement end in OTN-9001 naming the feature, never in a value. */
    @Test
    void unimplementedFeaturesAreRefusedByName() {
        Map<String, String> feature = Map.of("muhdur-aq_raw.txt", "Advanced Queuing", "muhdur-aq_bulk.txt", "Advanced Queuing",
                "muhdur-dpl.txt", "direct path load", "muhdur-tpc.txt", "two-phase commit", "muhdur-pipeline.txt", "pipelining",
                "muhdur-sessionless.txt", "sessionless", "muhdur-dbobject.txt", "objects");
        feature.forEach((file, name) -> {
            Report rep = TraceDecoder.decode(RealPackets.read(file));
            List<Call> refused = rep.calls().stream().filter(c -> c.outcome() == Outcome.REFUSED).toList();
            assertFalse(refused.isEmpty(), file);
            assertTrue(refused.stream().anyMatch(c -> c.detail().contains(name)), file + ": " + refused);
            refused.forEach(c -> assertTrue(c.code().equals("OTN-9001") || c.code().equals("OTN-9002"), c.toString()));
        });
        // python-oracledb's object-type lookup returns a REF CURSOR OUT bind: refused naming it
        assertTrue(TraceDecoder.decode(RealPackets.read("muhdur-dbobject.txt")).calls().stream()
                .anyMatch(c -> "OTN-9002".equals(c.code()) && c.detail().contains("REF CURSOR")));
    }

    /** The message list of a reply covers it: offsets rise within a packet and every decoded reply ends in an end message. */
    @Test
    void decodedRepliesEndWithTheirEndMessage() {
        Report rep = TraceDecoder.decode(RealPackets.read("oraclenio-mock-23ai.txt"));
        List<String> rows = new ArrayList<>();
        for (PacketResult p : rep.packets()) {
            int last = -1;
            for (Message m : p.messages()) {
                assertTrue(m.offset() > last || m.name().equals("MARKER"), p.packet() + " " + p.messages());
                last = m.offset();
                if (m.fields().containsKey("row")) {
                    rows.add(String.valueOf(m.fields().get("row")));
                }
            }
        }
        // the note says: a query returning 'hello', then one returning rows 1 and 2
        assertEquals(List.of("[hello]", "[1]", "[2]"), rows);
    }

    private static void writeReport(Map<String, Report> reports) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("| file | client (PROTOCOL name), field version | packets (server) | decoded | refused (typed, by feature) | not decodable"
                + " | unaccounted (typed) | decoder bugs |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        reports.forEach((file, rep) -> {
            Map<String, Integer> refused = new TreeMap<>();
            Map<String, Integer> unaccounted = new TreeMap<>();
            long server = 0;
            for (PacketResult p : rep.packets()) {
                if (!p.packet().fromServer()) {
                    continue;
                }
                server++;
                if (p.outcome() == Outcome.REFUSED) {
                    refused.merge(p.code() + " " + shortFeature(p.detail()), 1, Integer::sum);
                } else if (p.outcome() == Outcome.UNACCOUNTED) {
                    unaccounted.merge(p.code(), 1, Integer::sum);
                }
            }
            md.append("| ").append(file).append(" | ").append(rep.clientName() == null ? "(no PROTOCOL request)" : rep.clientName())
                    .append(", ").append(rep.fieldVersion()).append(" | ").append(rep.packets().size()).append(" (").append(server).append(") | ")
                    .append(rep.serverPackets(Outcome.DECODED)).append(" | ").append(join(refused)).append(" | ")
                    .append(rep.serverPackets(Outcome.NOT_DECODABLE)).append(" | ").append(join(unaccounted)).append(" | ")
                    .append(rep.serverPackets(Outcome.DECODER_BUG)).append(" |\n");
        });
        Path out = Path.of("target", "protocol-replay.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    }

    private static String shortFeature(String detail) {
        if (detail == null) {
            return "";
        }
        String d = detail.replaceAll(" \\[packet.*", "").replaceAll("^OTN-\\d{4}: ", "");
        return d.length() > 70 ? d.substring(0, 70) + "…" : d;
    }

    private static String join(Map<String, Integer> m) {
        if (m.isEmpty()) {
            return "0";
        }
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(v + " × " + k.replace("|", "/")));
        return String.join("; ", out);
    }
}
