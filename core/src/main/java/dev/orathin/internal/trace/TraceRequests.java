package dev.orathin.internal.trace;

import static dev.orathin.internal.trace.TraceDecoder.ttcName;
import static dev.orathin.internal.trace.TraceSession.concat;
import static dev.orathin.internal.trace.TraceSession.expectType;
import static dev.orathin.internal.trace.TraceSession.reader;

import dev.orathin.internal.trace.TraceSession.TruncatedTrace;
import dev.orathin.internal.trace.TraceSession.Unit;
import dev.orathin.errors.OrathinException;
import dev.orathin.internal.sql.BindValue;
import dev.orathin.internal.ttc.Capabilities;
import dev.orathin.internal.ttc.Negotiation;
import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A client request read back far enough to know how to read its reply (function, cursor, SQL, binds, defines). */
final class TraceRequests {

    private TraceRequests() {
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

    /** What the client asked for, read from its request bytes. */
    static final class Request {
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
    static Request parseRequest(TraceSession s, List<Unit> request) {
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
                case TtcCodes.MSG_PROTOCOL -> {
                    q.function = "PROTOCOL (1)";
                    s.clientName = protocolClientName(r);
                }
                case TtcCodes.MSG_DATA_TYPES -> clientCaps(s, r);
                case TtcCodes.MSG_FAST_AUTH -> {
                    r.skip(3); // fast-auth version, flags
                    expectType(r, TtcCodes.MSG_PROTOCOL, "FAST_AUTH: PROTOCOL request");
                    s.clientName = protocolClientName(r);
                    r.skip(6); // server charset, ub1, server ncharset, field version of the request
                    expectType(r, TtcCodes.MSG_DATA_TYPES, "FAST_AUTH: DATA_TYPES request");
                    clientCaps(s, r);
                    q.function = "FAST_AUTH (34)";
                }
                case TtcCodes.MSG_PIGGYBACK, TtcCodes.MSG_FUNCTION -> function(s, r, type, q);
                case TtcCodes.MSG_FLUSH_OUT_BINDS -> q.function = "FLUSH_OUT_BINDS answer (19)";
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
    static String protocolClientName(TtcReader r) {
        for (int i = 0; i < 16 && r.ub1() != 0; i++) {
            // versions
        }
        return r.nulTerminated();
    }

    static void clientCaps(TraceSession s, TtcReader r) {
        r.skip(5); // charset, ncharset, flags
        byte[] compile = r.clr();
        if (compile != null && compile.length > 7) {
            s.clientFieldVersion = compile[7] & 0xFF;
            s.caps = new Capabilities(s.clientFieldVersion);
            if (s.protocolReply != null) {
                // the PROTOCOL reply came first (classic negotiation): apply it again with the client's field version
                try {
                    Negotiation.readProtocolReply(reader(s.protocolReply), s.caps);
                } catch (RuntimeException e) {
                    // already reported when the reply was decoded
                }
            }
        }
    }

    static void function(TraceSession s, TtcReader r, int type, Request q) {
        int fv = s.caps.fieldVersion();
        // piggybacks first, then the function
        while (type == TtcCodes.MSG_PIGGYBACK) {
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
                case TtcCodes.FN_CLOSE_CURSORS -> {
                    r.ub1();
                    int n = r.ub4();
                    for (int i = 0; i < n; i++) {
                        r.ub();
                    }
                }
                case TtcCodes.FN_SET_END_TO_END_ATTR -> {
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
        if (type != TtcCodes.MSG_FUNCTION) {
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
            case TtcCodes.FN_EXECUTE -> execute(r, q, fv);
            case TtcCodes.FN_REEXECUTE, TtcCodes.FN_REEXECUTE_AND_FETCH -> q.cursorId = r.ub4();
            case TtcCodes.FN_FETCH -> {
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

    static String functionName(int fn) {
        String n = switch (fn) {
            case TtcCodes.FN_AUTH_PHASE_ONE -> "AUTH_PHASE_ONE";
            case TtcCodes.FN_AUTH_PHASE_TWO -> "AUTH_PHASE_TWO";
            case TtcCodes.FN_EXECUTE -> "EXECUTE";
            case TtcCodes.FN_FETCH -> "FETCH";
            case TtcCodes.FN_REEXECUTE -> "REEXECUTE";
            case TtcCodes.FN_REEXECUTE_AND_FETCH -> "REEXECUTE_AND_FETCH";
            case TtcCodes.FN_COMMIT -> "COMMIT";
            case TtcCodes.FN_ROLLBACK -> "ROLLBACK";
            case TtcCodes.FN_PING -> "PING";
            case TtcCodes.FN_LOGOFF -> "LOGOFF";
            case TtcCodes.FN_LOB_OP -> "LOB_OP";
            case TtcCodes.FN_CLOSE_CURSORS -> "CLOSE_CURSORS";
            default -> UNIMPLEMENTED_FUNCTIONS.containsKey(fn) ? UNIMPLEMENTED_FUNCTIONS.get(fn).replaceAll(" \\(.*", "") : "FUNCTION";
        };
        return n + " (" + fn + ")";
    }

    /** The EXECUTE layout orathin writes ({@code ExecuteRequest}), read back from another client's bytes. */
    static void execute(TtcReader r, Request q, int fv) {
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
}
