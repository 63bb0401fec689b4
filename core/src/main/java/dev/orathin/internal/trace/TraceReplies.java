package dev.orathin.internal.trace;

import static dev.orathin.internal.trace.TraceDecoder.ttcName;
import static dev.orathin.internal.trace.TraceSession.expectType;
import static dev.orathin.internal.trace.TraceSession.hex;
import static dev.orathin.internal.trace.TraceSession.hexBytes;
import static dev.orathin.internal.trace.TraceSession.markerName;
import static dev.orathin.internal.trace.TraceSession.reader;

import dev.orathin.internal.trace.TraceDecoder.Message;
import dev.orathin.internal.trace.TraceSession.TruncatedTrace;
import dev.orathin.internal.trace.TraceSession.Unit;
import dev.orathin.internal.trace.TraceRequests.Request;
import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.internal.sql.ColumnInfo;
import dev.orathin.internal.sql.Response;
import dev.orathin.internal.ttc.AuthExchange;
import dev.orathin.internal.ttc.Capabilities;
import dev.orathin.internal.ttc.ErrorInfo;
import dev.orathin.internal.ttc.Negotiation;
import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcReader;
import dev.orathin.net.NetPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A server reply read with the reader that fits its request, message by message, into the replay's messages. */
final class TraceReplies {

    private TraceReplies() {
    }

    /** Feeds the reply's packets to a {@link TtcReader} and remembers which one is current. */
    static final class Source implements TtcReader.PacketSource {
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

    static String where(Source src, TtcReader r) {
        if (src.index < 0 || src.index >= src.units.size()) {
            return "";
        }
        return " [packet #" + src.units.get(src.index).src().index() + ", payload offset " + r.offset() + "]";
    }

    /** Reads the reply with the reader that fits the request. */
    static Response readReply(TraceSession s, Request q, List<Unit> reply, Source src, TtcReader r, List<List<Message>> messages, List<String> keys) {
        int first = firstType(reply);
        boolean auth = q.code == TtcCodes.FN_AUTH_PHASE_TWO || q.code == TtcCodes.FN_AUTH_PHASE_ONE || (q.code < 0 && q.messageType != TtcCodes.MSG_FAST_AUTH && first == TtcCodes.MSG_PARAMETER && !s.loggedIn);
        if (q.messageType < 0 && first == TtcCodes.MSG_PROTOCOL && s.clientFieldVersion < 0) {
            // no client request in the trace (a publication of server replies only): take the client to
            // announce whatever the server offers, so the server's field version decides the layouts
            s.caps = new Capabilities(255);
            if (reply.get(0).payload().length > 1000) {
                q.messageType = 34; // a PROTOCOL reply of kilobytes is a FAST_AUTH reply (PROTOCOL + DATA_TYPES + auth)
            }
        }
        if (q.messageType == TtcCodes.MSG_PROTOCOL || (q.messageType < 0 && first == TtcCodes.MSG_PROTOCOL)) {
            int[] at = here(src, r);
            expectType(r, 1, "PROTOCOL reply");
            byte[] pl = reply.get(src.index).payload();
            s.protocolReply = Arrays.copyOfRange(pl, Math.min(at[1] + 1, pl.length), pl.length); // after the type byte
            Negotiation.readProtocolReply(r, s.caps);
            add(messages, at, "PROTOCOL (1)", protocolFields(s));
            trailing(s, r, src, messages, q);
            return null;
        }
        if (q.messageType == TtcCodes.MSG_DATA_TYPES || (q.messageType < 0 && first == TtcCodes.MSG_DATA_TYPES)) {
            int[] at = here(src, r);
            expectType(r, 2, "DATA_TYPES reply");
            Negotiation.readDataTypesReply(r);
            add(messages, at, "DATA_TYPES (2)", Map.of());
            trailing(s, r, src, messages, q);
            return null;
        }
        if (q.messageType == TtcCodes.MSG_FAST_AUTH) {
            int[] at = here(src, r);
            expectType(r, 1, "FAST_AUTH reply: PROTOCOL");
            Negotiation.readProtocolReply(r, s.caps);
            add(messages, at, "PROTOCOL (1)", protocolFields(s));
            at = here(src, r);
            int t = r.ub1();
            if (t == TtcCodes.MSG_RENEGOTIATE) {
                throw new OrathinProtocolException(CoreErrorCode.NOT_SUPPORTED, "RENEGOTIATE (28) in the FAST_AUTH reply");
            }
            if (t != TtcCodes.MSG_DATA_TYPES) {
                throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "FAST_AUTH reply: expected DATA_TYPES (2) but found "
                        + t);
            }
            Negotiation.readDataTypesReply(r);
            add(messages, at, "DATA_TYPES (2)", Map.of());
            auth(s, r, src, messages, keys);
            trailing(s, r, src, messages, q);
            return null;
        }
        if (auth) {
            auth(s, r, src, messages, keys);
            if (q.code == TtcCodes.FN_AUTH_PHASE_TWO || keys.contains("AUTH_SESSION_ID")) {
                s.loggedIn = true;
            }
            trailing(s, r, src, messages, q);
            return null;
        }
        // statement replies and every other function: the statement reply reader
        List<ColumnInfo> cols = q.code == TtcCodes.FN_EXECUTE && q.cursorId == 0 ? null : s.cursorColumns.get(q.cursorId);
        Object[] prev = q.code == TtcCodes.FN_EXECUTE && q.cursorId == 0 ? null : s.cursorLastRow.get(q.cursorId);
        Response resp = new Response(s.caps, cols, prev, q.plsql, q.binds, q.dmlRowCounts).lobsAsLocators(!q.defines);
        boolean ended = false;
        while (!ended) {
            int[] at = here(src, r);
            int rowsBefore = resp.rows().size();
            try {
                ended = resp.readMessage(r, s.endOfResponse);
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
                s.cursorColumns.put(cursor, resp.columns());
                s.cursorLastRow.put(cursor, resp.previousRow());
            }
        }
        return resp;
    }

    /** Messages after PROTOCOL / DATA_TYPES (23ai ends every reply with END_OF_RESPONSE). */
    static void trailing(TraceSession s, TtcReader r, Source src, List<List<Message>> messages, Request q) {
        while (src.more(r)) {
            int[] at = here(src, r);
            int t = r.ub1();
            switch (t) {
                case TtcCodes.MSG_END_OF_RESPONSE -> add(messages, at, ttcName(TtcCodes.MSG_END_OF_RESPONSE), Map.of());
                case TtcCodes.MSG_STATUS -> {
                    r.ub();
                    r.ub();
                    add(messages, at, ttcName(TtcCodes.MSG_STATUS), Map.of());
                }
                case TtcCodes.MSG_ERROR -> {
                    ErrorInfo e = ErrorInfo.read(r, s.caps);
                    s.lastError = e;
                    add(messages, at, ttcName(TtcCodes.MSG_ERROR), errorFields(e));
                }
                default -> throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, q.function + " reply: unexpected TTC"
                        + " message type " + t + " after the reply");
            }
        }
    }

    static void auth(TraceSession s, TtcReader r, Source src, List<List<Message>> messages, List<String> keys) {
        int[] at = here(src, r);
        AuthExchange.Reply a;
        while (true) {
            try {
                a = AuthExchange.readReply(r, s.caps);
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
        s.lastError = a.end();
        add(messages, at, "PARAMETER (8) .. end of auth reply", f);
    }

    static int firstType(List<Unit> reply) {
        for (Unit u : reply) {
            if (u.type() == 6 && u.payload().length > 0) {
                return u.payload()[0] & 0xFF;
            }
        }
        return -1;
    }

    static Map<String, Object> protocolFields(TraceSession s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("serverVersion", s.caps.serverProtocolVersion());
        f.put("banner", s.caps.banner());
        f.put("charset", s.caps.charsetId());
        f.put("ncharset", s.caps.ncharsetId());
        f.put("fieldVersion", s.caps.fieldVersion());
        f.put("endOfCallStatusInError", s.caps.endOfCallStatus());
        return f;
    }

    static Map<String, Object> statementFields(int type, Response resp, int rowsBefore) {
        Map<String, Object> f = new LinkedHashMap<>();
        switch (type) {
            case TtcCodes.MSG_DESCRIBE_INFO -> {
                List<String> cols = new ArrayList<>();
                for (ColumnInfo c : resp.columns()) {
                    cols.add(c.name() + " " + (c.type() == null ? "type " + c.typeNumber() : c.type().name()) + "(" + c.precision() + ","
                            + c.scale() + ") size " + c.bufferSize());
                }
                f.put("columns", cols);
            }
            case TtcCodes.MSG_ROW_DATA -> {
                if (resp.rows().size() > rowsBefore) {
                    f.put("row", show(resp.rows().get(resp.rows().size() - 1)));
                } else if (resp.outValues() != null) {
                    f.put("outBinds", show(resp.outValues()));
                }
            }
            case TtcCodes.MSG_ERROR -> f.putAll(errorFields(resp.error()));
            case TtcCodes.MSG_PARAMETER -> {
                if (resp.rowCounts() != null) {
                    f.put("rowCounts", Arrays.toString(resp.rowCounts()));
                }
            }
            case TtcCodes.MSG_WARNING -> f.put("warning", resp.warning());
            default -> {
                // no fields worth showing
            }
        }
        return f;
    }

    static Map<String, Object> errorFields(ErrorInfo e) {
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

    static String show(Object[] row) {
        List<String> out = new ArrayList<>();
        for (Object v : row) {
            out.add(v == null ? "NULL" : v instanceof byte[] b ? "0x" + hexBytes(b) : String.valueOf(v));
        }
        return out.toString();
    }

    static void add(List<List<Message>> messages, int[] at, String name, Map<String, Object> fields) {
        int i = Math.min(Math.max(at[0], 0), messages.size() - 1);
        messages.get(i).add(new Message(at[1], name, fields));
    }

    /** Packet index and payload offset where the next message starts (the next packet when this one is used up). */
    static int[] here(Source src, TtcReader r) {
        if (!r.started() || r.exhausted()) {
            int i = src.index + 1;
            while (i < src.units.size() && !src.units.get(i).src().fromServer()) {
                i++;
            }
            return new int[] {i, 0};
        }
        return new int[] {src.index, r.offset()};
    }
}
