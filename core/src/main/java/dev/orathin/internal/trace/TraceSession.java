package dev.orathin.internal.trace;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.internal.sql.ColumnInfo;
import dev.orathin.internal.ttc.Capabilities;
import dev.orathin.internal.ttc.ErrorInfo;
import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcReader;
import dev.orathin.net.NetPacket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the trace replay knows of the Oracle Net session so far — framing (length field size,
 * END_OF_RESPONSE), negotiation (capabilities, client field version), login and the cursors seen —
 * shared by {@link TraceFraming}, {@link TraceRequests} and {@link TraceReplies}; plus the small
 * byte helpers they use. A CONNECT starts a new session ({@link #newSession()}).
 */
final class TraceSession {
    boolean largeLengths;
    boolean endOfResponse;
    boolean accepted;
    boolean loggedIn;
    boolean redirectDataFollows;
    int clientFieldVersion = -1;
    byte[] protocolReply;
    Capabilities caps = new Capabilities();
    final Map<Integer, List<ColumnInfo>> cursorColumns = new HashMap<>();
    final Map<Integer, Object[]> cursorLastRow = new HashMap<>();
    final java.util.Set<Integer> knownCursors = new java.util.HashSet<>();
    ErrorInfo lastError;
    String refusedBefore;
    String clientName;

    /** A CONNECT starts a new Oracle Net session (a capture may hold several): forget the last one. */
    void newSession() {
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
    }

    /** A packet reduced to TNS type, flags, data flags and TTC payload; {@code early} when the TNS layer settled it. */
    record Unit(TracePacket src, int type, int flags, int dataFlags, byte[] payload, Map<String, Object> header,
            TraceDecoder.PacketResult early) {
    }

    /** Raised by the replay's packet source when a reply ends inside a message. */
    static final class TruncatedTrace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TruncatedTrace() {
            super("the trace ends inside a message", null, false, false);
        }
    }

    static void expectType(TtcReader r, int type, String what) {
        int t = r.ub1();
        if (t != type) {
            throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, what + ": expected message type " + type + " but found " + t);
        }
    }

    // ---- helpers ----

    static TtcReader reader(byte[] bytes) {
        boolean[] given = {false};
        return new TtcReader(() -> {
            if (given[0]) {
                throw new TruncatedTrace();
            }
            given[0] = true;
            return new NetPacket(NetPacket.TYPE_DATA, 0, 0, bytes);
        });
    }

    static byte[] concat(List<Unit> units) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Unit u : units) {
            if (u.type() == 6) {
                out.writeBytes(u.payload());
            }
        }
        return out.toByteArray();
    }

    static String markerName(int t) {
        return switch (t) {
            case TtcCodes.MARKER_BREAK -> "break (1)";
            case TtcCodes.MARKER_RESET -> "reset (2)";
            case TtcCodes.MARKER_INTERRUPT -> "interrupt (3)";
            default -> "type " + t;
        };
    }

    /** Connect data is shown without passwords and wallet secrets (none should be there; PASSWORD= values are masked anyway). */
    static String redactConnect(String s) {
        return s.replaceAll("(?i)(PASSWORD\\s*=\\s*)[^)]*", "$1******");
    }

    static int u16(byte[] b, int off) {
        return off + 2 <= b.length ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF) : 0;
    }

    static long u32(byte[] b, int off) {
        return off + 4 <= b.length ? ((long) u16(b, off) << 16) | u16(b, off + 2) : 0;
    }

    static String hex(int v) {
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
