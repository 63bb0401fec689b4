package dev.orathin.internal.trace;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a packet trace written by a thin client into {@link TracePacket}s. Four formats, told
 * apart line by line so a log with other lines around the dump still reads:
 *
 * <ul>
 *   <li>orathin's {@code ORATHIN_DEBUG_PACKETS} ({@link PacketTrace}): {@code send DATA flags=0x0 length=N}, then
 *       {@code 0000: 41 42 ...  AB} lines (hex offsets, 16 bytes a line, the TTC payload only);
 *       {@code receive MARKER 01 00 02}; {@code send MARKER 2}; redacted lines end in
 *       {@code [authentication exchange redacted...]};</li>
 *   <li>python-oracledb's {@code PYO_DEBUG_PACKETS} ({@code ... Sending packet [op N] on socket M} /
 *       {@code Receiving packet ...}) and node-oracledb's {@code NODE_ORACLEDB_DEBUG_PACKETS}
 *       ({@code ... Sending packet N on stream M:}): whole TNS packets, {@code 0000 : 00 4A 01 ... |..J.|}
 *       lines with decimal offsets, 8 bytes a line;</li>
 *   <li>the block format of {@code real-packets}: {@code # dir=server TNS DATA(6) ...; complete -- note}
 *       then whitespace-separated hex; {@code PAYLOAD ONLY} blocks lack the TNS header (and, when
 *       the note says "data flags were not published", the data flags), {@code FRAGMENT} blocks are
 *       slices.</li>
 * </ul>
 *
 * <p>Malformed hex is kept as what it is: the packet ends where the hex stops, with the line noted.
 */
public final class TraceFile {

    private static final Pattern ORATHIN_DATA = Pattern.compile("\\b(send|receive) DATA flags=0x([0-9a-fA-F]+) length=(\\d+)(.*)$");
    private static final Pattern ORATHIN_MARKER_RECEIVED = Pattern.compile("\\breceive MARKER((?: [0-9a-fA-F]{2})*)\\s*$");
    private static final Pattern ORATHIN_MARKER_SENT = Pattern.compile("\\bsend MARKER (\\d+)\\s*$");
    private static final Pattern ORATHIN_HEX = Pattern.compile("^([0-9a-f]{4,}): ((?:[0-9a-f]{2} |   ){16}) ");
    private static final Pattern PEER_HEADER = Pattern.compile("\\b(Sending|Receiving) packet\\b(.*)$");
    private static final Pattern PEER_HEX = Pattern.compile("^\\s*(\\d{4,}) : ((?:[0-9A-Fa-f]{2}|  )(?: (?:[0-9A-Fa-f]{2}|  )){0,7}) \\|");
    private static final Pattern BLOCK = Pattern.compile("^# dir=(client|server) (.*)$");
    private static final Pattern BLOCK_HEX = Pattern.compile("^[0-9a-fA-F]{2}(\\s+[0-9a-fA-F]{2})*\\s*$");

    private TraceFile() {
    }

    /** Parses the lines of a trace; lines of no known format are ignored. */
    public static List<TracePacket> parse(List<String> lines) {
        List<TracePacket> out = new ArrayList<>();
        Builder cur = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            Matcher m;
            if ((m = BLOCK.matcher(line)).find()) {
                cur = finish(cur, out);
                cur = block(m.group(1), m.group(2), lineNo);
            } else if ((m = ORATHIN_DATA.matcher(line)).find()) {
                cur = finish(cur, out);
                String dir = m.group(1).equals("send") ? "client" : "server";
                int flags = Integer.parseInt(m.group(2), 16);
                if (m.group(4).contains("redacted")) {
                    out.add(new TracePacket(out.size() + 1, lineNo, dir, TracePacket.Form.REDACTED, flags,
                            new byte[0], "length=" + m.group(3) + " " + m.group(4).trim()));
                } else {
                    cur = new Builder(dir, TracePacket.Form.TTC_PAYLOAD, flags, lineNo, "orathin trace, length=" + m.group(3));
                    cur.hexFormat = HexFormat.ORATHIN;
                }
            } else if ((m = ORATHIN_MARKER_RECEIVED.matcher(line)).find()) {
                cur = finish(cur, out);
                Builder b = new Builder("server", TracePacket.Form.MARKER, 0, lineNo, "orathin trace");
                hexInto(m.group(1), b.bytes);
                finish(b, out);
            } else if ((m = ORATHIN_MARKER_SENT.matcher(line)).find()) {
                cur = finish(cur, out);
                Builder b = new Builder("client", TracePacket.Form.MARKER, 0, lineNo, "orathin trace");
                b.bytes.write(1);
                b.bytes.write(0);
                b.bytes.write(Integer.parseInt(m.group(1)) & 0xFF);
                finish(b, out);
            } else if ((m = PEER_HEADER.matcher(line)).find()) {
                cur = finish(cur, out);
                cur = new Builder(m.group(1).equals("Sending") ? "client" : "server", TracePacket.Form.TNS, -1, lineNo,
                        line.trim());
                cur.hexFormat = HexFormat.PEER;
            } else if (cur != null && cur.hexFormat == HexFormat.ORATHIN && (m = ORATHIN_HEX.matcher(line)).find()) {
                hexInto(m.group(2), cur.bytes);
            } else if (cur != null && cur.hexFormat == HexFormat.PEER && (m = PEER_HEX.matcher(line)).find()) {
                hexInto(m.group(2), cur.bytes);
            } else if (cur != null && cur.hexFormat == HexFormat.BLOCK && BLOCK_HEX.matcher(line).matches()) {
                hexInto(line, cur.bytes);
            } else if (cur != null && cur.hexFormat != HexFormat.BLOCK && !line.isBlank()) {
                cur = finish(cur, out);
            }
        }
        finish(cur, out);
        return out;
    }

    private enum HexFormat { ORATHIN, PEER, BLOCK }

    private static final class Builder {
        final String direction;
        final TracePacket.Form form;
        final int dataFlags;
        final int line;
        final String note;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HexFormat hexFormat = HexFormat.BLOCK;

        Builder(String direction, TracePacket.Form form, int dataFlags, int line, String note) {
            this.direction = direction;
            this.form = form;
            this.dataFlags = dataFlags;
            this.line = line;
            this.note = note;
        }
    }

    private static Builder block(String dir, String rest, int line) {
        String upper = rest.toUpperCase(Locale.ROOT);
        TracePacket.Form form;
        int dataFlags = -1;
        if (upper.startsWith("TNS ")) {
            form = TracePacket.Form.TNS;
        } else if (upper.startsWith("PAYLOAD ONLY")) {
            // "packet bytes 10..N, the TNS header and 2-byte data flags were not published": TTC bytes;
            // "packet bytes 8..N": the packet body after the header (an ACCEPT's fields)
            form = rest.contains("bytes 10..") ? TracePacket.Form.TTC_PAYLOAD : TracePacket.Form.BODY_ONLY;
        } else {
            form = TracePacket.Form.FRAGMENT;
        }
        if (form == TracePacket.Form.TNS && upper.contains("FRAGMENT")) {
            form = TracePacket.Form.FRAGMENT;
        }
        return new Builder(dir, form, dataFlags, line, rest);
    }

    private static Builder finish(Builder b, List<TracePacket> out) {
        if (b != null) {
            out.add(new TracePacket(out.size() + 1, b.line, b.direction, b.form, b.dataFlags, b.bytes.toByteArray(), b.note));
        }
        return null;
    }

    private static void hexInto(String hex, ByteArrayOutputStream out) {
        for (String t : hex.trim().split("\\s+")) {
            if (t.length() == 2) {
                out.write(Integer.parseInt(t, 16));
            }
        }
    }
}
