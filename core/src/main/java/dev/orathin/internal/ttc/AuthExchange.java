package dev.orathin.internal.ttc;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.ServerWarning;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the O5LOGON function messages and reads their PARAMETER replies (protocol.md §6.1–6.5). */
public final class AuthExchange {

    /** Auth modes. */
    public static final int MODE_LOGON = 0x1, MODE_CHANGE_PASSWORD = 0x2, MODE_WITH_PASSWORD = 0x100;
    /** Key/value flag used for session keys and the alter-session statement. */
    public static final int FLAG_SPECIAL = 1;

    private AuthExchange() {
    }

    /** One key/value pair of an auth message. */
    public record Pair(String key, String value, int flags) {
        /** Shows the key only: values carry session keys and encrypted passwords. */
        @Override
        public String toString() {
            return "Pair[" + key + "]";
        }
    }

    /** The function-message header: type 3, function code, sequence number (+ ub8 token from field version 18). */
    public static TtcWriter function(int code, int sequence, int fieldVersion) {
        TtcWriter w = new TtcWriter().ub1(TtcCodes.MSG_FUNCTION).ub1(code).ub1(sequence);
        if (fieldVersion >= 18) {
            w.ub(0);
        }
        return w;
    }

    /** An auth message (phase one or two) for {@code user} with the given pairs. */
    public static byte[] message(int code, int sequence, int fieldVersion, String user, int mode, List<Pair> pairs) {
        byte[] u = user == null ? new byte[0] : user.getBytes(StandardCharsets.UTF_8);
        TtcWriter w = function(code, sequence, fieldVersion);
        w.ub1(u.length > 0 ? 1 : 0).ub(u.length).ub(mode).ub1(1).ub(pairs.size()).ub1(1).ub1(1);
        if (u.length > 0) {
            w.clr(u);
        }
        for (Pair p : pairs) {
            w.keyValue(p.key(), p.value(), p.flags());
        }
        return w.toByteArray();
    }

    /**
     * The reply of an auth message: PARAMETER pairs (and the AUTH_VFR_DATA flags = verifier type)
     * and the closing ERROR info.
     *
     * @param values pair values by key
     * @param verifierType flags of AUTH_VFR_DATA, 0 if absent
     * @param end the ERROR message that ended the reply
     * @param warning the WARNING message of the reply (ORA-28002 when the password expires soon), or null
     */
    public record Reply(Map<String, String> values, int verifierType, ErrorInfo end, ServerWarning warning) {
        /** Keys only. */
        @Override
        public String toString() {
            return "Reply" + values.keySet();
        }
    }

    /** Reads messages until the ERROR (type 4) or END_OF_RESPONSE (29) that ends the reply. */
    public static Reply readReply(TtcReader r, Capabilities caps) {
        return readReply(r, caps, false);
    }

    /**
     * Reads one auth reply. With {@code endOfResponse} (ACCEPT v319 offered it) the reply ends only at
     * END_OF_RESPONSE (29), which may follow the ERROR in a later packet: a reader stopping at the
     * ERROR would take that 29 as the next reply (found by the testkit's split-messages fault).
     */
    public static Reply readReply(TtcReader r, Capabilities caps, boolean endOfResponse) {
        Map<String, String> values = new LinkedHashMap<>();
        int verifier = 0;
        ServerWarning warning = null;
        while (true) {
            int type = r.ub1();
            switch (type) {
                case TtcCodes.MSG_PARAMETER -> {
                    int n = (int) r.ub();
                    for (int i = 0; i < n; i++) {
                        byte[] k = r.twoLengths();
                        byte[] v = r.twoLengths();
                        int flags = (int) r.ub();
                        String key = k == null ? "" : new String(k, StandardCharsets.UTF_8);
                        if (key.equals("AUTH_VFR_DATA")) {
                            verifier = flags;
                        }
                        values.put(key, v == null ? null : new String(v, StandardCharsets.UTF_8));
                    }
                }
                // 23ai (23.26.1) puts a session-state sync piggyback between the AUTH phase-two pairs and the
                // ERROR (real-packets muhdur-*.txt, the phase-two reply); python-oracledb reads it in every reply
                case TtcCodes.MSG_SERVER_PIGGYBACK -> ServerPiggyback.skip(r);
                // a successful login in the password's grace period: WARNING ORA-28002 before the ERROR (python-oracledb
                // and node-oracledb read ub2 number, ub2 length, ub2 flags, then the text; both keep it on the connection)
                case TtcCodes.MSG_WARNING -> warning = readWarning(r);
                case TtcCodes.MSG_ERROR -> {
                    ErrorInfo end = ErrorInfo.read(r, caps);
                    if (endOfResponse) {
                        skipToEndOfResponse(r);
                    }
                    return new Reply(values, verifier, end, warning);
                }
                case TtcCodes.MSG_END_OF_RESPONSE -> {
                    return new Reply(values, verifier, new ErrorInfo(0, 0, 0, 0, 0, null), warning);
                }
                case TtcCodes.MSG_STATUS -> {
                    r.ub();
                    r.ub();
                    return new Reply(values, verifier, new ErrorInfo(0, 0, 0, 0, 0, null), warning);
                }
                default -> throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "authentication reply: unexpected TTC"
                        + " message type " + type + " (expected PARAMETER 8, SERVER_SIDE_PIGGYBACK 23, WARNING 15, ERROR 4 or END_OF_RESPONSE 29)");
            }
        }
    }

    /** After the ERROR of a reply that ends with END_OF_RESPONSE: piggybacks, then message 29. */
    private static void skipToEndOfResponse(TtcReader r) {
        while (true) {
            int type = r.ub1();
            if (type == TtcCodes.MSG_END_OF_RESPONSE) {
                return;
            }
            if (type != TtcCodes.MSG_SERVER_PIGGYBACK) {
                throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "authentication reply: TTC message type " + type
                        + " after the ERROR (expected END_OF_RESPONSE 29 or SERVER_SIDE_PIGGYBACK 23)");
            }
            ServerPiggyback.skip(r);
        }
    }

    /** WARNING (15): ub2 number, ub2 text length, ub2 flags, then the text when both are non-zero; null for number 0. */
    static ServerWarning readWarning(TtcReader r) {
        int number = (int) r.ub();
        long length = r.ub();
        r.ub(); // flags
        if (number == 0 || length == 0) {
            return null;
        }
        byte[] text = r.clr();
        String message = text == null ? "" : new String(text, StandardCharsets.UTF_8).strip();
        return new ServerWarning(number, message);
    }
}
