package dev.orathin.internal.trace;

import dev.orathin.internal.trace.TraceSession.TruncatedTrace;
import dev.orathin.internal.trace.TraceSession.Unit;
import static dev.orathin.internal.trace.TraceFraming.frame;
import static dev.orathin.internal.trace.TraceReplies.readReply;
import static dev.orathin.internal.trace.TraceReplies.where;
import static dev.orathin.internal.trace.TraceRequests.parseRequest;
import dev.orathin.internal.trace.TraceReplies.Source;
import dev.orathin.internal.trace.TraceRequests.Request;
import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.errors.OrathinException;
import dev.orathin.internal.sql.ColumnInfo;
import dev.orathin.internal.sql.Response;
import dev.orathin.internal.ttc.AuthExchange;
import dev.orathin.internal.ttc.ErrorInfo;
import dev.orathin.internal.ttc.Negotiation;
import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** Name of a TTC message type. */
    public static String ttcName(int type) {
        String n = TtcCodes.messageName(type);
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

    private final TraceSession s = new TraceSession();
    private final List<PacketResult> results = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();

    private TraceDecoder() {
    }

    /** Replays a parsed trace. Never throws for any content of {@code packets}. */
    public static Report decode(List<TracePacket> packets) {
        TraceDecoder d = new TraceDecoder();
        d.run(packets);
        return new Report(List.copyOf(d.results), List.copyOf(d.calls), d.s.caps.fieldVersion(), d.s.clientName);
    }

    private void run(List<TracePacket> packets) {
        List<Unit> request = new ArrayList<>();
        List<Unit> reply = new ArrayList<>();
        for (TracePacket p : packets) {
            Unit u = frame(s, p);
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

    private void exchange(List<Unit> request, List<Unit> reply) {
        if (request.isEmpty() && reply.size() > 1) {
            // a publication of server packets without the requests: each packet is its own reply
            for (Unit u : reply) {
                exchange(List.of(), List.of(u));
            }
            return;
        }
        Request q = parseRequest(s, request);
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
        if (q.refused == null && s.refusedBefore != null && q.cursorId != 0 && (q.code == TtcCodes.FN_EXECUTE || q.code == TtcCodes.FN_FETCH || q.code == TtcCodes.FN_REEXECUTE_AND_FETCH || q.code == TtcCodes.FN_REEXECUTE)
                && !s.knownCursors.contains(q.cursorId)) {
            // a cursor orathin never saw described: it came out of a reply orathin refused (a REF CURSOR OUT bind)
            q.refused = "cursor " + q.cursorId + " was returned inside a reply orathin refused (" + s.refusedBefore + ")";
        }
        if (q.refused != null) {
            outcome = Outcome.REFUSED;
            code = CoreErrorCode.NOT_SUPPORTED.code();
            detail = q.refused;
            stopAt = 0;
        } else {
            try {
                resp = readReply(s, q, reply, src, r, messages, keys);
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
        if (outcome == Outcome.REFUSED && s.refusedBefore == null && (q.code == TtcCodes.FN_EXECUTE || CoreErrorCode.UNSUPPORTED_TYPE.code().equals(code))) {
            s.refusedBefore = detail; // a refused EXECUTE may have opened cursors (REF CURSOR OUT binds) orathin never saw described
        }
        if (resp != null && resp.error() != null && resp.error().cursorId() != 0) {
            s.knownCursors.add(resp.error().cursorId());
        }
        if (q.cursorId != 0 && outcome == Outcome.DECODED) {
            s.knownCursors.add(q.cursorId);
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
                resp == null ? s.lastError : resp.error(), outcome, code, detail, List.copyOf(keys)));
        s.lastError = null;
    }

    static Map<String, Object> withRequest(Unit u, Request q, List<Unit> request) {
        if (u != request.get(0)) {
            return u.header();
        }
        Map<String, Object> h = new LinkedHashMap<>(u.header());
        h.put("request", q.function);
        q.fields.forEach((k, v) -> {
            if (!(q.code == TtcCodes.FN_AUTH_PHASE_TWO || q.code == TtcCodes.FN_AUTH_PHASE_ONE || q.messageType == TtcCodes.MSG_FAST_AUTH)) {
                h.put(k, v);
            }
        });
        if (q.code == TtcCodes.FN_AUTH_PHASE_TWO || q.code == TtcCodes.FN_AUTH_PHASE_ONE || q.messageType == TtcCodes.MSG_FAST_AUTH) {
            h.put("authentication", "values not shown");
        }
        return h;
    }
}
