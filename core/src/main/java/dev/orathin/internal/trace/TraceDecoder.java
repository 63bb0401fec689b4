package dev.orathin.internal.trace;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.errors.OrathinException;
import dev.orathin.internal.sql.BindValue;
import dev.orathin.internal.sql.ColumnInfo;
import dev.orathin.internal.sql.Response;
import dev.orathin.internal.ttc.AuthExchange;
import dev.orathin.internal.ttc.Capabilities;
import dev.orathin.internal.ttc.ErrorInfo;
import dev.orathin.internal.ttc.Negotiation;
import dev.orathin.internal.ttc.TtcReader;
import dev.orathin.net.NetPacket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays a packet trace through orathin's own decoders, as a session would: the TNS header of
 * each packet (2- or 4-byte length after an ACCEPT of version 315 or later), then each server reply
 * read with {@link Negotiation}, {@link AuthExchange#readReply}, {@link Response} and
 * {@link ErrorInfo} in the context of the client request before it (its function code, cursor,
 * SQL, binds and defines), keeping the negotiated field version and each cursor's columns so
 * later fetches decode.
 *
 * <p>Every server packet ends with one {@link Outcome}: decoded; refused with a typed OTN error
 * naming a feature orathin does not implement; or unaccounted for, with the packet, offset and
 * typed error where decoding stopped. A decoder that throws anything but a typed orathin error is
 * a bug in orathin and shows as {@link Outcome#DECODER_BUG}. Authentication values are never
 * shown: auth replies list their keys only.
 */
public final class TraceDecoder {

    /** What became of a packet. */
    public enum Outcome {
        /** Every byte read by orathin's decoders. */
        DECODED,
        /** A client packet, read for the context of the next reply. */
        REQUEST,
        /** Refused with a typed error naming a feature orathin does not implement. */
        REFUSED,
        /** Not complete enough to decode (a fragment at an unknown position, a redacted packet). */
        NOT_DECODABLE,
        /** Decoding stopped with a typed error that names no feature: a gap in orathin or in the trace. */
        UNACCOUNTED,
        /** A decoder threw something other than a typed orathin error: a bug. */
        DECODER_BUG
    }

    /**
     * One TTC message (or TNS packet body) found in a packet.
     *
     * @param offset offset in the packet's TTC payload (or in the packet for TNS bodies)
     * @param name message name, e.g. {@code DESCRIBE_INFO (16)}
     * @param fields decoded fields, values shown as text
     */
    public record Message(int offset, String name, Map<String, Object> fields) {
    }

    /**
     * The decode of one trace packet.
     *
     * @param packet the packet
     * @param tns TNS packet type name (or the form of a header-less packet)
     * @param header TNS header and body fields
     * @param messages TTC messages starting in this packet
     * @param outcome what became of it
     * @param code the OTN code of a refusal or stop, else null
     * @param detail the feature refused, the reason it could not be decoded, or null
     */
    public record PacketResult(TracePacket packet, String tns, Map<String, Object> header, List<Message> messages, Outcome outcome,
            String code, String detail) {
    }

    /**
     * One client call and the server's reply to it.
     *
     * @param requestPacket trace index of the (first) request packet
     * @param function what the request was (e.g. {@code EXECUTE (94)})
     * @param sql the SQL text of an EXECUTE, else null
     * @param columns columns described for the cursor (this reply or earlier), or null
     * @param rows rows decoded in this reply
     * @param error the ERROR message that ended the reply, or null
     * @param outcome the reply's outcome
     * @param code OTN code of a refusal or stop
     * @param detail feature or reason
     * @param authKeys keys of an auth reply (values never kept)
     */
    public record Call(int requestPacket, String function, String sql, List<ColumnInfo> columns, List<Object[]> rows, ErrorInfo error,
            Outcome outcome, String code, String detail, List<String> authKeys) {
    }

    /**
     * The whole replay.
     *
     * @param packets every packet with its decode
     * @param calls every request and its reply
     * @param fieldVersion the TTC field version in force at the end (negotiated with the trace's client)
     * @param clientName the name the client gave in its PROTOCOL request (python-oracledb sends its own, ojdbc
     *     "Java_TTC-8.2.0", OCI its platform), or null when the trace holds no PROTOCOL request
     */
    public record Report(List<PacketResult> packets, List<Call> calls, int fieldVersion, String clientName) {

        /** Count of server packets (complete, fragment or payload-only) with the outcome. */
        public long serverPackets(Outcome o) {
            return packets.stream().filter(p -> p.packet().fromServer() && p.outcome() == o).count();
        }
    }

    /** Function codes of features orathin does not implement (python-oracledb constants.pxi TNS_FUNC_*). */
    private static final Map<Integer, String> UNIMPLEMENTED_FUNCTIONS = Map.ofEntries(Map.entry(96, "LOB operations (LOB_OP 96)"),
            Map.entry(121, "Advanced Queuing (AQ_ENQ 121)"), Map.entry(122, "Advanced Queuing (AQ_DEQ 122)"),
            Map.entry(145, "Advanced Queuing array enqueue/dequeue (ARRAY_AQ 145)"),
            Map.entry(128, "direct path load (DIRECT_PATH_PREPARE 128)"), Map.entry(129, "direct path load (DIRECT_PATH_LOAD_STREAM 129)"),
            Map.entry(130, "direct path load (DIRECT_PATH_OP 130)"),
            Map.entry(103, "two-phase commit / sessionless transactions (TPC_TXN_SWITCH 103)"),
            Map.entry(104, "two-phase commit (TPC_TXN_CHANGE_STATE 104)"), Map.entry(199, "pipelining (PIPELINE_BEGIN 199)"),
            Map.entry(200, "pipelining (PIPELINE_END 200)"), Map.entry(162, "DRCP session get (SESSION_GET 162)"),
            Map.entry(163, "DRCP session release (SESSION_RELEASE 163)"), Map.entry(59, "OVERSION (59)"),
            Map.entry(43, "describe-any (ODNY 43)"), Map.entry(176, "session state (SESSION_STATE 176)"),
            Map.entry(205, "end-user security context (205)"));

    private static final String[] TTC_NAMES = new String[35];

    static {
        String[][] names = {{"1", "PROTOCOL"}, {"2", "DATA_TYPES"}, {"3", "FUNCTION"}, {"4", "ERROR"}, {"6", "ROW_HEADER"},
            {"7", "ROW_DATA"}, {"8", "PARAMETER"}, {"9", "STATUS"}, {"11", "IO_VECTOR"}, {"13", "OAC"}, {"14", "LOB_DATA"},
            {"15", "WARNING"}, {"16", "DESCRIBE_INFO"}, {"17", "PIGGYBACK"}, {"19", "FLUSH_OUT_BINDS"}, {"21", "BIT_VECTOR"},
            {"23", "SERVER_SIDE_PIGGYBACK"}, {"26", "ONEWAY_FN"}, {"27", "IMPLICIT_RESULTSET"}, {"28", "RENEGOTIATE"},
            {"29", "END_OF_RESPONSE"}, {"33", "TOKEN"}, {"34", "FAST_AUTH"}};
        for (String[] n : names) {
            TTC_NAMES[Integer.parseInt(n[0])] = n[1];
        }
    }

    /** Name of a TTC message type. */
    public static String ttcName(int type) {
        String n = type >= 0 && type < TTC_NAMES.length ? TTC_NAMES[type] : null;
        return (n == null ? "type" : n) + " (" + type + ")";
    }

    /** Name of a TNS packet type. */
    public static String tnsName(int type) {
        return switch (type) {
            case 1 -> "CONNECT";
            case 2 -> "ACCEPT";
            case 4 -> "REFUSE";
            case 5 -> "REDIRECT";
            case 6 -> "DATA";
            case 11 -> "RESEND";
            case 12 -> "MARKER";
            case 14 -> "CONTROL";
            default -> "type " + type;
        } + "(" + type + ")";
    }

    // ---- session state ----
    private boolean largeLengths;
    private boolean endOfResponse;
    private boolean accepted;
    private boolean loggedIn;
    private boolean redirectDataFollows;
    private int clientFieldVersion = -1;
    private byte[] protocolReply;
    private Capabilities caps = new Capabilities();
    private final Map<Integer, List<ColumnInfo>> cursorColumns = new HashMap<>();
    private final Map<Integer, Object[]> cursorLastRow = new HashMap<>();
    private final java.util.Set<Integer> knownCursors = new java.util.HashSet<>();

    private final List<PacketResult> results = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();

    private TraceDecoder() {
    }

    /** Replays a parsed trace. Never throws for any content of {@code packets}. */
    public static Report decode(List<TracePacket> packets) {
        TraceDecoder d = new TraceDecoder();
        d.run(packets);
        return new Report(List.copyOf(d.results), List.copyOf(d.calls), d.caps.fieldVersion(), d.clientName);
    }

    // ---- one view of a packet as the session sees it ----

    /** A packet reduced to TNS type, flags, data flags and TTC payload. */
    private record Unit(TracePacket src, int type, int flags, int dataFlags, byte[] payload, Map<String, Object> header,
            PacketResult early) {
    }

    private void run(List<TracePacket> packets) {
        List<Unit> request = new ArrayList<>();
        List<Unit> reply = new ArrayList<>();
        for (TracePacket p : packets) {
            Unit u = frame(p);
            if (u.early() != null) {
                if (!request.isEmpty() || !reply.isEmpty()) {
                    exchange(request, reply);
                    request = new ArrayList<>();
                    reply = new ArrayList<>();
                }
                results.add(u.early());
                continue;
            }
            boolean clientData = !p.fromServer() && u.type() == 6;
            if (clientData && !reply.isEmpty()) {
                exchange(request, reply);
                request = new ArrayList<>();
                reply = new ArrayList<>();
            }
            (p.fromServer() || u.type() == 12 ? reply : request).add(u);
        }
        if (!request.isEmpty() || !reply.isEmpty()) {
            exchange(request, reply);
        }
    }

    /** Reads the TNS layer of a packet; TNS-only packets are fully handled here ({@code early}). */
    private Unit frame(TracePacket p) {
        Map<String, Object> h = new LinkedHashMap<>();
        byte[] b = p.bytes();
        switch (p.form()) {
            case REDACTED -> {
                return early(p, "DATA(6)", h, Outcome.NOT_DECODABLE, null, "redacted by the trace writer (authentication)");
            }
            case FRAGMENT -> {
                return early(p, "fragment", h, Outcome.NOT_DECODABLE, null,
                        "a slice at an unknown position in its packet: no message boundary to start from");
            }
            case MARKER -> {
                h.put("marker", markerName(b.length >= 3 ? b[2] & 0xFF : -1));
                return new Unit(p, 12, 0, 0, b, h, null);
            }
            case TTC_PAYLOAD -> {
                if (p.dataFlags() >= 0) {
                    h.put("dataFlags", hex(p.dataFlags()));
                }
                return new Unit(p, 6, 0, Math.max(p.dataFlags(), 0), b, h, null);
            }
            case BODY_ONLY -> {
                if (!p.note().contains("ACCEPT")) {
                    return early(p, "body", h, Outcome.NOT_DECODABLE, null, "packet body without its header, not an ACCEPT");
                }
                byte[] full = new byte[b.length + 8];
                full[4] = 2;
                System.arraycopy(b, 0, full, 8, b.length);
                return early(p, "ACCEPT(2) body", accept(full, h), Outcome.DECODED, null, null);
            }
            case TNS -> {
                // handled below
            }
        }
        if (b.length < 8) {
            return early(p, "?", h, Outcome.UNACCOUNTED, CoreErrorCode.MALFORMED_MESSAGE.code(), "shorter than a TNS header ("
                    + b.length + " bytes)");
        }
        int type = b[4] & 0xFF;
        int flags = b[5] & 0xFF;
        // CONNECT always carries a 2-byte length; after an ACCEPT >= 315 both directions use 4 bytes
        long length = largeLengths && type != 1 ? u32(b, 0) : u16(b, 0);
        h.put("length", length);
        if (flags != 0) {
            h.put("flags", hex(flags));
        }
        String name = tnsName(type);
        if (length != b.length) {
            return early(p, name, h, Outcome.UNACCOUNTED, CoreErrorCode.MALFORMED_MESSAGE.code(), "length field " + length + " but the"
                    + " packet has " + b.length + " bytes (" + (largeLengths ? "4" : "2") + "-byte length field)");
        }
        switch (type) {
            case 1 -> {
                // a CONNECT starts a new Oracle Net session (a capture may hold several): forget the last one
                largeLengths = false;
                accepted = false;
                endOfResponse = false;
                loggedIn = false;
                clientFieldVersion = -1;
                protocolReply = null;
                caps = new Capabilities();
                cursorColumns.clear();
                cursorLastRow.clear();
                knownCursors.clear();
                refusedBefore = null;
                h.put("version", u16(b, 8));
                int dl = b.length >= 28 ? u16(b, 24) : 0;
                int off = b.length >= 28 ? u16(b, 26) : 0;
                h.put("connectDataLength", dl);
                if (off > 0 && off + dl <= b.length) {
                    h.put("connectData", redactConnect(new String(b, off, dl, StandardCharsets.US_ASCII)));
                } else if (dl > 0) {
                    h.put("connectData", "follows in a DATA packet");
                }
                return early(p, name, h, Outcome.REQUEST, null, null);
            }
            case 2 -> {
                return early(p, name, accept(b, h), Outcome.DECODED, null, null);
            }
            case 4 -> {
                h.put("userReason", b.length > 8 ? b[8] & 0xFF : 0);
                h.put("systemReason", b.length > 9 ? b[9] & 0xFF : 0);
                int dl = b.length >= 12 ? u16(b, 10) : 0;
                h.put("text", new String(b, Math.min(12, b.length), Math.min(dl, Math.max(0, b.length - 12)), StandardCharsets.US_ASCII));
                return early(p, name, h, Outcome.DECODED, null, null);
            }
            case 5 -> {
                int dl = b.length >= 10 ? u16(b, 8) : 0;
                h.put("dataLength", dl);
                if (b.length >= 10 + dl && dl > 0) {
                    h.put("redirectData", new String(b, 10, dl, StandardCharsets.US_ASCII));
                } else {
                    h.put("redirectData", "follows in the next packet");
                    redirectDataFollows = true;
                }
                return early(p, name, h, Outcome.DECODED, null, null);
            }
            case 11 -> {
                return early(p, name, h, p.fromServer() ? Outcome.DECODED : Outcome.REQUEST, null, null);
            }
            case 12 -> {
                h.put("marker", markerName(b.length >= 11 ? b[10] & 0xFF : -1));
                return new Unit(p, 12, flags, 0, Arrays.copyOfRange(b, 8, b.length), h, null);
            }
            case 14 -> {
                h.put("command", b.length >= 10 ? u16(b, 8) : -1);
                return early(p, name, h, p.fromServer() ? Outcome.DECODED : Outcome.REQUEST, null, null);
            }
            case 6 -> {
                int df = b.length >= 10 ? u16(b, 8) : 0;
                h.put("dataFlags", hex(df));
                byte[] payload = b.length > 10 ? Arrays.copyOfRange(b, 10, b.length) : new byte[0];
                if (redirectDataFollows && p.fromServer()) {
                    redirectDataFollows = false;
                    h.put("redirectData", new String(payload, StandardCharsets.US_ASCII));
                    return early(p, name, h, Outcome.DECODED, null, null);
                }
                if (!p.fromServer() && !accepted) {
                    h.put("connectData", redactConnect(new String(payload, StandardCharsets.US_ASCII)));
                    return early(p, name, h, Outcome.REQUEST, null, null);
                }
                if ((df & 0x0040) != 0 && payload.length == 0) {
                    h.put("eof", true);
                    return early(p, name, h, p.fromServer() ? Outcome.DECODED : Outcome.REQUEST, null, null);
                }
                if (payload.length >= 4 && (payload[0] & 0xFF) == 0xDE && (payload[1] & 0xFF) == 0xAD && (payload[2] & 0xFF) == 0xBE
                        && (payload[3] & 0xFF) == 0xEF) {
                    h.put("ano", "native network encryption / integrity negotiation");
                    return early(p, name, h, p.fromServer() ? Outcome.REFUSED : Outcome.REQUEST, "OTN-4022",
                            "ANO (native network encryption and checksumming): orathin does not negotiate it and refuses a"
                                    + " server that requires it (OTN-4022 NATIVE_ENCRYPTION_REQUIRED)");
                }
                return new Unit(p, 6, flags, df, payload, h, null);
            }
            default -> {
                return early(p, name, h, Outcome.UNACCOUNTED, "OTN-4001", "unknown TNS packet type " + type);
            }
        }
    }

    private Map<String, Object> accept(byte[] b, Map<String, Object> h) {
        int version = u16(b, 8);
        h.put("version", version);
        h.put("options", hex(u16(b, 10)));
        h.put("sdu", version >= 315 && b.length >= 36 ? u32(b, 32) : u16(b, 12));
        if (b.length > 22) {
            h.put("nsiFlags0", hex(b[22] & 0xFF));
        }
        long flags2 = version >= 318 && b.length >= 45 ? u32(b, 41) : 0;
        if (flags2 != 0) {
            h.put("flags2", "0x" + Long.toHexString(flags2));
        }
        h.put("fastAuth", (flags2 & 0x10000000L) != 0);
        h.put("endOfResponse", (flags2 & 0x02000000L) != 0);
        endOfResponse = (flags2 & 0x02000000L) != 0;
        if (b[4] == 2 && b.length >= 10) {
            largeLengths = version >= 315;
            accepted = true;
        }
        return h;
    }

    private static Unit early(TracePacket p, String tns, Map<String, Object> h, Outcome o, String code, String detail) {
        return new Unit(p, -1, 0, 0, new byte[0], h, new PacketResult(p, tns, h, List.of(), o, code, detail));
    }

    // ---- requests ----

    /** What the client asked for, read from its request bytes. */
    private static final class Request {
        String function = "none";
        int code = -1;
        int messageType = -1;
        String refused;
        String sql;
        int cursorId;
        boolean plsql;
        boolean dmlRowCounts;
        boolean defines;
        List<BindValue> binds = List.of();
        final Map<String, Object> fields = new LinkedHashMap<>();
    }

    /** Reads the request (all its packets) far enough to know how to read the reply. */
    private Request parseRequest(List<Unit> request) {
        Request q = new Request();
        byte[] all = concat(request);
        if (all.length == 0) {
            return q;
        }
        TtcReader r = reader(all);
        try {
            int type = r.ub1();
            q.messageType = type;
            q.function = ttcName(type);
            switch (type) {
                case 1 -> {
                    q.function = "PROTOCOL (1)";
                    clientName = protocolClientName(r);
                }
                case 2 -> clientCaps(r);
                case 34 -> {
                    r.skip(3); // fast-auth version, flags
                    expectType(r, 1, "FAST_AUTH: PROTOCOL request");
                    clientName = protocolClientName(r);
                    r.skip(6); // server charset, ub1, server ncharset, field version of the request
                    expectType(r, 2, "FAST_AUTH: DATA_TYPES request");
                    clientCaps(r);
                    q.function = "FAST_AUTH (34)";
                }
                case 17, 3 -> function(r, type, q);
                case 19 -> q.function = "FLUSH_OUT_BINDS answer (19)";
                default -> {
                    // not a request orathin's readers know; the reply is read generically
                }
            }
        } catch (OrathinException | TruncatedTrace e) {
            q.fields.put("requestParse", "stopped: " + e.getMessage());
        } catch (RuntimeException e) {
            q.fields.put("requestParse", "stopped: " + e.getClass().getSimpleName());
        }
        return q;
    }

    /** The PROTOCOL request after its type: the TTC versions the client speaks (ending in 0), then its name. */
    private static String protocolClientName(TtcReader r) {
        for (int i = 0; i < 16 && r.ub1() != 0; i++) {
            // versions
        }
        return r.nulTerminated();
    }

    private void clientCaps(TtcReader r) {
        r.skip(5); // charset, ncharset, flags
        byte[] compile = r.clr();
        if (compile != null && compile.length > 7) {
            clientFieldVersion = compile[7] & 0xFF;
            caps = new Capabilities(clientFieldVersion);
            if (protocolReply != null) {
                // the PROTOCOL reply came first (classic negotiation): apply it again with the client's field version
                try {
                    Negotiation.readProtocolReply(reader(protocolReply), caps);
                } catch (RuntimeException e) {
                    // already reported when the reply was decoded
                }
            }
        }
    }

    private void function(TtcReader r, int type, Request q) {
        int fv = caps.fieldVersion();
        // piggybacks first, then the function
        while (type == 17) {
            int fn = r.ub1();
            r.ub1(); // sequence
            if (fv >= 18) {
                r.ub();
            }
            q.fields.merge("piggybacks", String.valueOf(fn), (a, b) -> a + "," + b);
            if (UNIMPLEMENTED_FUNCTIONS.containsKey(fn) && q.refused == null) {
                q.refused = UNIMPLEMENTED_FUNCTIONS.get(fn);
            }
            switch (fn) {
                case 105 -> {
                    r.ub1();
                    int n = r.ub4();
                    for (int i = 0; i < n; i++) {
                        r.ub();
                    }
                }
                case 135 -> {
                    r.ub1();
                    r.ub1();
                    long changed = r.ub();
                    int strings = 0;
                    for (int i = 0; i < 9; i++) {
                        int present = r.ub1();
                        r.ub();
                        if (present != 0 && (i < 3 || i == 5)) {
                            strings++;
                        }
                    }
                    for (int i = 0; i < strings; i++) {
                        r.clr();
                    }
                    q.fields.put("endToEndChanged", changed);
                }
                default -> {
                    q.function = "PIGGYBACK " + fn + " (body not read)";
                    return;
                }
            }
            if (r.exhausted()) {
                q.function = "PIGGYBACK only";
                return;
            }
            type = r.ub1();
        }
        if (type != 3) {
            q.function = ttcName(type) + " after piggybacks";
            return;
        }
        int fn = r.ub1();
        q.code = fn;
        r.ub1(); // sequence
        if (fv >= 18) {
            r.ub(); // token
        }
        q.function = functionName(fn);
        if (UNIMPLEMENTED_FUNCTIONS.containsKey(fn) && q.refused == null) {
            q.refused = UNIMPLEMENTED_FUNCTIONS.get(fn);
        }
        switch (fn) {
            case 94 -> execute(r, q, fv);
            case 4, 78 -> q.cursorId = r.ub4();
            case 5 -> {
                q.cursorId = r.ub4();
                q.fields.put("rows", r.ub4());
            }
            default -> {
                // the reply of other functions needs no request context
            }
        }
        if (q.cursorId != 0) {
            q.fields.put("cursor", q.cursorId);
        }
    }

    private static String functionName(int fn) {
        String n = switch (fn) {
            case 118 -> "AUTH_PHASE_ONE";
            case 115 -> "AUTH_PHASE_TWO";
            case 94 -> "EXECUTE";
            case 5 -> "FETCH";
            case 4 -> "REEXECUTE";
            case 78 -> "REEXECUTE_AND_FETCH";
            case 14 -> "COMMIT";
            case 15 -> "ROLLBACK";
            case 147 -> "PING";
            case 9 -> "LOGOFF";
            case 96 -> "LOB_OP";
            case 105 -> "CLOSE_CURSORS";
            default -> UNIMPLEMENTED_FUNCTIONS.containsKey(fn) ? UNIMPLEMENTED_FUNCTIONS.get(fn).replaceAll(" \\(.*", "") : "FUNCTION";
        };
        return n + " (" + fn + ")";
    }

    /** The EXECUTE layout orathin writes ({@code Requests.execute}), read back from another client's bytes. */
    private static void execute(TtcReader r, Request q, int fv) {
        long options = r.ub();
        q.cursorId = r.ub4();
        boolean sqlPresent = r.ub1() != 0;
        r.ub(); // sql length
        r.ub1();
        int al8i4 = r.ub4();
        r.ub1();
        r.ub1();
        r.ub(); // prefetch buffer size
        q.fields.put("prefetchRows", r.ub());
        r.ub(); // max long size
        boolean bindsPresent = r.ub1() != 0;
        int numBinds = r.ub4();
        r.skip(5);
        boolean definesPresent = r.ub1() != 0;
        int numDefines = r.ub4();
        r.ub(); // registration id
        r.ub1();
        r.ub1();
        r.ub1();
        r.ub();
        r.ub1();
        r.ub();
        r.ub();
        r.ub1();
        r.ub(); // dml row count array length
        r.ub1();
        if (fv >= 8) {
            r.ub1();
            r.ub();
            r.ub1();
            r.ub();
            r.ub1();
            if (fv >= 9) {
                r.ub1();
                r.ub();
            }
        }
        if (sqlPresent) {
            byte[] sql = r.clr();
            q.sql = sql == null ? "" : new String(sql, StandardCharsets.UTF_8);
            String head = q.sql.stripLeading().toUpperCase(Locale.ROOT);
            q.plsql = head.startsWith("BEGIN") || head.startsWith("DECLARE") || head.startsWith("CALL");
            q.fields.put("sql", q.sql);
        }
        long[] i4 = new long[al8i4];
        for (int i = 0; i < al8i4; i++) {
            i4[i] = r.ub();
        }
        q.dmlRowCounts = al8i4 > 9 && (i4[9] & 0x4000) != 0;
        q.fields.put("options", "0x" + Long.toHexString(options));
        if (definesPresent && numDefines > 0) {
            q.defines = true;
            q.fields.put("defines", numDefines);
        } else if (bindsPresent && numBinds > 0) {
            List<BindValue> binds = new ArrayList<>();
            for (int i = 0; i < numBinds; i++) {
                int type = r.ub1();
                r.ub1();
                r.ub1();
                r.ub1();
                int size = r.ub4();
                r.ub(); // max array elements
                r.ub(); // cont flags
                byte[] oid = r.twoLengths();
                r.ub(); // version
                r.ub(); // charset
                int csfrm = r.ub1();
                r.ub(); // max chars
                if (fv >= 8) {
                    r.ub();
                }
                if (type == 109 || oid != null) {
                    q.refused = "objects / DbObject binds (Oracle type 109)";
                }
                binds.add(new BindValue(type, csfrm, size, null, q.plsql ? BindValue.DIR_IN_OUT : BindValue.DIR_IN, null));
            }
            q.binds = binds;
            q.fields.put("binds", numBinds);
        }
    }

    // ---- replies ----

    /** Raised by the replay's packet source when a reply ends inside a message. */
    private static final class TruncatedTrace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TruncatedTrace() {
            super("the trace ends inside a message", null, false, false);
        }
    }

    /** Feeds the reply's packets to a {@link TtcReader} and remembers which one is current. */
    private static final class Source implements TtcReader.PacketSource {
        final List<Unit> units;
        int index = -1;

        Source(List<Unit> units) {
            this.units = units;
        }

        @Override
        public NetPacket next() {
            index++;
            while (index < units.size() && !units.get(index).src().fromServer()) {
                index++; // the client's own markers are not read by the client
            }
            if (index >= units.size()) {
                throw new TruncatedTrace();
            }
            Unit u = units.get(index);
            return new NetPacket(u.type() == 12 ? NetPacket.TYPE_MARKER : NetPacket.TYPE_DATA, u.flags(), u.dataFlags(), u.payload());
        }

        boolean more(TtcReader r) {
            if (!r.exhausted()) {
                return true;
            }
            for (int i = index + 1; i < units.size(); i++) {
                if (units.get(i).payload().length > 0 && units.get(i).type() == 6 && units.get(i).src().fromServer()) {
                    return true;
                }
            }
            return false;
        }
    }

    private void exchange(List<Unit> request, List<Unit> reply) {
        if (request.isEmpty() && reply.size() > 1) {
            // a publication of server packets without the requests: each packet is its own reply
            for (Unit u : reply) {
                exchange(List.of(), List.of(u));
            }
            return;
        }
        Request q = parseRequest(request);
        for (Unit u : request) {
            results.add(new PacketResult(u.src(), u.type() == 12 ? "MARKER(12)" : "DATA(6)", withRequest(u, q, request), List.of(),
                    Outcome.REQUEST, null, null));
        }
        if (reply.isEmpty()) {
            return;
        }
        List<List<Message>> messages = new ArrayList<>();
        for (int i = 0; i < reply.size(); i++) {
            messages.add(new ArrayList<>());
        }
        Outcome outcome = Outcome.DECODED;
        String code = null;
        String detail = null;
        int stopAt = reply.size();
        Source src = new Source(reply);
        TtcReader r = new TtcReader(src);
        List<String> keys = new ArrayList<>();
        Response resp = null;
        boolean clientMarkers = false;
        if (q.refused == null && refusedBefore != null && q.cursorId != 0 && (q.code == 94 || q.code == 5 || q.code == 78 || q.code == 4)
                && !knownCursors.contains(q.cursorId)) {
            // a cursor orathin never saw described: it came out of a reply orathin refused (a REF CURSOR OUT bind)
            q.refused = "cursor " + q.cursorId + " was returned inside a reply orathin refused (" + refusedBefore + ")";
        }
        if (q.refused != null) {
            outcome = Outcome.REFUSED;
            code = CoreErrorCode.NOT_SUPPORTED.code();
            detail = q.refused;
            stopAt = 0;
        } else {
            try {
                resp = readReply(q, reply, src, r, messages, keys);
                if (src.more(r)) {
                    throw new OrathinProtocolException(CoreErrorCode.MALFORMED_MESSAGE, "bytes left after the reply ended");
                }
            } catch (OrathinException e) {
                boolean feature = e.errorCode() == CoreErrorCode.NOT_SUPPORTED || e.errorCode() == CoreErrorCode.UNSUPPORTED_TYPE;
                outcome = feature ? Outcome.REFUSED : Outcome.UNACCOUNTED;
                code = e.code();
                detail = e.getMessage() + where(src, r);
                stopAt = Math.max(0, src.index);
            } catch (TruncatedTrace e) {
                outcome = Outcome.UNACCOUNTED;
                code = CoreErrorCode.MALFORMED_MESSAGE.code();
                detail = "the reply ends inside a message (the trace holds no more of it)";
                stopAt = Math.max(0, reply.size() - 1);
            } catch (RuntimeException e) {
                outcome = Outcome.DECODER_BUG;
                code = null;
                detail = e.getClass().getName() + ": " + e.getMessage() + where(src, r);
                stopAt = Math.max(0, src.index);
            }
        }
        if (outcome == Outcome.REFUSED && refusedBefore == null && (q.code == 94 || CoreErrorCode.UNSUPPORTED_TYPE.code().equals(code))) {
            refusedBefore = detail; // a refused EXECUTE may have opened cursors (REF CURSOR OUT binds) orathin never saw described
        }
        if (resp != null && resp.error() != null && resp.error().cursorId() != 0) {
            knownCursors.add(resp.error().cursorId());
        }
        if (q.cursorId != 0 && outcome == Outcome.DECODED) {
            knownCursors.add(q.cursorId);
        }
        for (int i = 0; i < reply.size(); i++) {
            Unit u = reply.get(i);
            if (!u.src().fromServer()) {
                clientMarkers = true;
                results.add(new PacketResult(u.src(), "MARKER(12)", u.header(), List.of(), Outcome.REQUEST, null, null));
                continue;
            }
            Outcome o = i < stopAt ? Outcome.DECODED : outcome;
            results.add(new PacketResult(u.src(), u.type() == 12 ? "MARKER(12)" : "DATA(6)", u.header(), List.copyOf(messages.get(i)), o,
                    o == Outcome.DECODED ? null : code, o == Outcome.DECODED ? null : detail));
        }
        calls.add(new Call(request.isEmpty() ? -1 : request.get(0).src().index(), q.function + (clientMarkers ? " +client reset" : ""),
                q.sql, resp == null ? null : resp.columns(), resp == null ? List.of() : List.copyOf(resp.rows()),
                resp == null ? lastError : resp.error(), outcome, code, detail, List.copyOf(keys)));
        lastError = null;
    }

    private ErrorInfo lastError;
    private String refusedBefore;
    private String clientName;

    private static String where(Source src, TtcReader r) {
        if (src.index < 0 || src.index >= src.units.size()) {
            return "";
        }
        return " [packet #" + src.units.get(src.index).src().index() + ", payload offset " + r.offset() + "]";
    }

    private static Map<String, Object> withRequest(Unit u, Request q, List<Unit> request) {
        if (u != request.get(0)) {
            return u.header();
        }
        Map<String, Object> h = new LinkedHashMap<>(u.header());
        h.put("request", q.function);
        q.fields.forEach((k, v) -> {
            if (!(q.code == 115 || q.code == 118 || q.messageType == 34)) {
                h.put(k, v);
            }
        });
        if (q.code == 115 || q.code == 118 || q.messageType == 34) {
            h.put("authentication", "values not shown");
        }
        return h;
    }

    /** Reads the reply with the reader that fits the request. */
    private Response readReply(Request q, List<Unit> reply, Source src, TtcReader r, List<List<Message>> messages, List<String> keys) {
        int first = firstType(reply);
        boolean auth = q.code == 115 || q.code == 118 || (q.code < 0 && q.messageType != 34 && first == 8 && !loggedIn);
        if (q.messageType < 0 && first == 1 && clientFieldVersion < 0) {
            // no client request in the trace (a publication of server replies only): take the client to
            // announce whatever the server offers, so the server's field version decides the layouts
            caps = new Capabilities(255);
            if (reply.get(0).payload().length > 1000) {
                q.messageType = 34; // a PROTOCOL reply of kilobytes is a FAST_AUTH reply (PROTOCOL + DATA_TYPES + auth)
            }
        }
        if (q.messageType == 1 || (q.messageType < 0 && first == 1)) {
            int[] at = here(src, r);
            expectType(r, 1, "PROTOCOL reply");
            byte[] pl = reply.get(src.index).payload();
            protocolReply = Arrays.copyOfRange(pl, Math.min(at[1] + 1, pl.length), pl.length); // after the type byte
            Negotiation.readProtocolReply(r, caps);
            add(messages, at, "PROTOCOL (1)", protocolFields());
            trailing(r, src, messages, q);
            return null;
        }
        if (q.messageType == 2 || (q.messageType < 0 && first == 2)) {
            int[] at = here(src, r);
            expectType(r, 2, "DATA_TYPES reply");
            Negotiation.readDataTypesReply(r);
            add(messages, at, "DATA_TYPES (2)", Map.of());
            trailing(r, src, messages, q);
            return null;
        }
        if (q.messageType == 34) {
            int[] at = here(src, r);
            expectType(r, 1, "FAST_AUTH reply: PROTOCOL");
            Negotiation.readProtocolReply(r, caps);
            add(messages, at, "PROTOCOL (1)", protocolFields());
            at = here(src, r);
            int t = r.ub1();
            if (t == 28) {
                throw new OrathinProtocolException(CoreErrorCode.NOT_SUPPORTED, "RENEGOTIATE (28) in the FAST_AUTH reply");
            }
            if (t != 2) {
                throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "FAST_AUTH reply: expected DATA_TYPES (2) but found "
                        + t);
            }
            Negotiation.readDataTypesReply(r);
            add(messages, at, "DATA_TYPES (2)", Map.of());
            auth(r, src, messages, keys);
            trailing(r, src, messages, q);
            return null;
        }
        if (auth) {
            auth(r, src, messages, keys);
            if (q.code == 115 || keys.contains("AUTH_SESSION_ID")) {
                loggedIn = true;
            }
            trailing(r, src, messages, q);
            return null;
        }
        // statement replies and every other function: the statement reply reader
        List<ColumnInfo> cols = q.code == 94 && q.cursorId == 0 ? null : cursorColumns.get(q.cursorId);
        Object[] prev = q.code == 94 && q.cursorId == 0 ? null : cursorLastRow.get(q.cursorId);
        Response resp = new Response(caps, cols, prev, q.plsql, q.binds, q.dmlRowCounts).lobsAsLocators(!q.defines);
        boolean ended = false;
        while (!ended) {
            int[] at = here(src, r);
            int rowsBefore = resp.rows().size();
            try {
                ended = resp.readMessage(r, endOfResponse);
            } catch (TtcReader.MarkerException m) {
                add(messages, new int[] {src.index, 0}, "MARKER", Map.of("marker", markerName(m.markerType())));
                continue;
            }
            int type = resp.lastMessageType();
            add(messages, at, ttcName(type), statementFields(type, resp, rowsBefore));
            if (resp.flushOutBinds()) {
                // the client answers FLUSH_OUT_BINDS with a new request; this reply is complete
                ended = true;
            }
        }
        if (resp.columns() != null) {
            int cursor = resp.error() != null && resp.error().cursorId() != 0 ? resp.error().cursorId() : q.cursorId;
            if (cursor != 0 && !q.plsql) {
                cursorColumns.put(cursor, resp.columns());
                cursorLastRow.put(cursor, resp.previousRow());
            }
        }
        return resp;
    }

    /** Messages after PROTOCOL / DATA_TYPES (23ai ends every reply with END_OF_RESPONSE). */
    private void trailing(TtcReader r, Source src, List<List<Message>> messages, Request q) {
        while (src.more(r)) {
            int[] at = here(src, r);
            int t = r.ub1();
            switch (t) {
                case 29 -> add(messages, at, ttcName(29), Map.of());
                case 9 -> {
                    r.ub();
                    r.ub();
                    add(messages, at, ttcName(9), Map.of());
                }
                case 4 -> {
                    ErrorInfo e = ErrorInfo.read(r, caps);
                    lastError = e;
                    add(messages, at, ttcName(4), errorFields(e));
                }
                default -> throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, q.function + " reply: unexpected TTC"
                        + " message type " + t + " after the reply");
            }
        }
    }

    private void auth(TtcReader r, Source src, List<List<Message>> messages, List<String> keys) {
        int[] at = here(src, r);
        AuthExchange.Reply a;
        while (true) {
            try {
                a = AuthExchange.readReply(r, caps);
                break;
            } catch (TtcReader.MarkerException m) {
                // a failed logon on 10.2: break, reset, then the ERROR (what Login's reset exchange expects)
                add(messages, new int[] {src.index, 0}, "MARKER", Map.of("marker", markerName(m.markerType())));
                at = here(src, r);
            }
        }
        keys.addAll(a.values().keySet());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("keys", String.join(",", a.values().keySet()));
        if (a.verifierType() != 0) {
            f.put("verifierType", hex(a.verifierType()));
        }
        f.putAll(errorFields(a.end()));
        f.put("values", "not shown (authentication)");
        lastError = a.end();
        add(messages, at, "PARAMETER (8) .. end of auth reply", f);
    }

    private static int firstType(List<Unit> reply) {
        for (Unit u : reply) {
            if (u.type() == 6 && u.payload().length > 0) {
                return u.payload()[0] & 0xFF;
            }
        }
        return -1;
    }

    private Map<String, Object> protocolFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("serverVersion", caps.serverProtocolVersion());
        f.put("banner", caps.banner());
        f.put("charset", caps.charsetId());
        f.put("ncharset", caps.ncharsetId());
        f.put("fieldVersion", caps.fieldVersion());
        f.put("endOfCallStatusInError", caps.endOfCallStatus());
        return f;
    }

    private static Map<String, Object> statementFields(int type, Response resp, int rowsBefore) {
        Map<String, Object> f = new LinkedHashMap<>();
        switch (type) {
            case 16 -> {
                List<String> cols = new ArrayList<>();
                for (ColumnInfo c : resp.columns()) {
                    cols.add(c.name() + " " + (c.type() == null ? "type " + c.typeNumber() : c.type().name()) + "(" + c.precision() + ","
                            + c.scale() + ") size " + c.bufferSize());
                }
                f.put("columns", cols);
            }
            case 7 -> {
                if (resp.rows().size() > rowsBefore) {
                    f.put("row", show(resp.rows().get(resp.rows().size() - 1)));
                } else if (resp.outValues() != null) {
                    f.put("outBinds", show(resp.outValues()));
                }
            }
            case 4 -> f.putAll(errorFields(resp.error()));
            case 8 -> {
                if (resp.rowCounts() != null) {
                    f.put("rowCounts", Arrays.toString(resp.rowCounts()));
                }
            }
            case 15 -> f.put("warning", resp.warning());
            default -> {
                // no fields worth showing
            }
        }
        return f;
    }

    private static Map<String, Object> errorFields(ErrorInfo e) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (e == null) {
            return f;
        }
        f.put("ora", e.number());
        if (e.number() != 0) {
            f.put("message", e.message());
        }
        f.put("cursor", e.cursorId());
        f.put("rowCount", e.rowCount());
        f.put("callStatus", e.callStatus());
        return f;
    }

    private static String show(Object[] row) {
        List<String> out = new ArrayList<>();
        for (Object v : row) {
            out.add(v == null ? "NULL" : v instanceof byte[] b ? "0x" + hexBytes(b) : String.valueOf(v));
        }
        return out.toString();
    }

    private static void add(List<List<Message>> messages, int[] at, String name, Map<String, Object> fields) {
        int i = Math.min(Math.max(at[0], 0), messages.size() - 1);
        messages.get(i).add(new Message(at[1], name, fields));
    }

    /** Packet index and payload offset where the next message starts (the next packet when this one is used up). */
    private static int[] here(Source src, TtcReader r) {
        if (!r.started() || r.exhausted()) {
            int i = src.index + 1;
            while (i < src.units.size() && !src.units.get(i).src().fromServer()) {
                i++;
            }
            return new int[] {i, 0};
        }
        return new int[] {src.index, r.offset()};
    }

    private static void expectType(TtcReader r, int type, String what) {
        int t = r.ub1();
        if (t != type) {
            throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, what + ": expected message type " + type + " but found " + t);
        }
    }

    // ---- helpers ----

    private static TtcReader reader(byte[] bytes) {
        boolean[] given = {false};
        return new TtcReader(() -> {
            if (given[0]) {
                throw new TruncatedTrace();
            }
            given[0] = true;
            return new NetPacket(NetPacket.TYPE_DATA, 0, 0, bytes);
        });
    }

    private static byte[] concat(List<Unit> units) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Unit u : units) {
            if (u.type() == 6) {
                out.writeBytes(u.payload());
            }
        }
        return out.toByteArray();
    }

    private static String markerName(int t) {
        return switch (t) {
            case 1 -> "break (1)";
            case 2 -> "reset (2)";
            case 3 -> "interrupt (3)";
            default -> "type " + t;
        };
    }

    /** Connect data is shown without passwords and wallet secrets (none should be there; PASSWORD= values are masked anyway). */
    private static String redactConnect(String s) {
        return s.replaceAll("(?i)(PASSWORD\\s*=\\s*)[^)]*", "$1******");
    }

    private static int u16(byte[] b, int off) {
        return off + 2 <= b.length ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF) : 0;
    }

    private static long u32(byte[] b, int off) {
        return off + 4 <= b.length ? ((long) u16(b, off) << 16) | u16(b, off + 2) : 0;
    }

    private static String hex(int v) {
        return "0x" + Integer.toHexString(v);
    }

    static String hexBytes(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x & 0xFF));
        }
        return s.toString();
    }
}
