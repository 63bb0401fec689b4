package dev.orathin.internal.ttc;

/**
 * The TTC numbers, defined once: message types (the first byte of every TTC message), function codes
 * (the second byte of a FUNCTION or PIGGYBACK message) and Oracle Net marker types, as
 * python-oracledb's {@code constants.pxi} ({@code TNS_MSG_TYPE_*}, {@code TNS_FUNC_*},
 * {@code TNS_MARKER_TYPE_*}) and protocol.md §6.1, §7, §9 name them. Requests, replies, the login
 * and the packet-trace decoder all use these.
 */
public final class TtcCodes {

    // ---- message types ----------------------------------------------------------------------

    /** PROTOCOL: the first negotiation (client name, server banner and capabilities). */
    public static final int MSG_PROTOCOL = 1;
    /** DATA_TYPES: the type-representation table of the negotiation. */
    public static final int MSG_DATA_TYPES = 2;
    /** FUNCTION: a client call (function code, sequence number, body). */
    public static final int MSG_FUNCTION = 3;
    /** ERROR: ends a reply; carries the ORA number (0 for success), cursor id and row count. */
    public static final int MSG_ERROR = 4;
    /** ROW_HEADER: precedes the rows of a batch (duplicate-column bit vector). */
    public static final int MSG_ROW_HEADER = 6;
    /** ROW_DATA: one row (or a bind row in a request, or OUT binds in a reply). */
    public static final int MSG_ROW_DATA = 7;
    /** PARAMETER: return parameters (auth key/value pairs, DML row counts). */
    public static final int MSG_PARAMETER = 8;
    /** STATUS: ends a reply without an error. */
    public static final int MSG_STATUS = 9;
    /** IO_VECTOR: the bind directions of a PL/SQL call's reply. */
    public static final int MSG_IO_VECTOR = 11;
    /** OAC: object and collection metadata (not implemented). */
    public static final int MSG_OAC = 13;
    /** LOB_DATA: the data of a LOB read or write. */
    public static final int MSG_LOB_DATA = 14;
    /** WARNING: a server warning (e.g. ORA-28002) inside a reply. */
    public static final int MSG_WARNING = 15;
    /** DESCRIBE_INFO: the select list of a query. */
    public static final int MSG_DESCRIBE_INFO = 16;
    /** PIGGYBACK: a call sent ahead of a FUNCTION in the same request (close cursors, end-to-end attributes). */
    public static final int MSG_PIGGYBACK = 17;
    /** FLUSH_OUT_BINDS: the server asks for the OUT binds; the client answers with this one byte. */
    public static final int MSG_FLUSH_OUT_BINDS = 19;
    /** BIT_VECTOR: which columns of the next row are sent (the others repeat the previous row). */
    public static final int MSG_BIT_VECTOR = 21;
    /** SERVER_SIDE_PIGGYBACK: session state the server pushes inside any reply. */
    public static final int MSG_SERVER_PIGGYBACK = 23;
    /** ONEWAY_FN: a one-way call (not implemented). */
    public static final int MSG_ONEWAY_FN = 26;
    /** IMPLICIT_RESULTSET: implicit result sets (not implemented). */
    public static final int MSG_IMPLICIT_RESULTSET = 27;
    /** RENEGOTIATE: the server asks for the negotiation again (FAST_AUTH fallback). */
    public static final int MSG_RENEGOTIATE = 28;
    /** END_OF_RESPONSE: ends a reply when the session negotiated it (23ai). */
    public static final int MSG_END_OF_RESPONSE = 29;
    /** TOKEN: pipelined / token-numbered calls (not implemented). */
    public static final int MSG_TOKEN = 33;
    /** FAST_AUTH: PROTOCOL, DATA_TYPES and AUTH phase one in one request (23ai). */
    public static final int MSG_FAST_AUTH = 34;

    // ---- function codes ---------------------------------------------------------------------

    /** Re-execute a parsed cursor. */
    public static final int FN_REEXECUTE = 4;
    /** Fetch more rows of a cursor. */
    public static final int FN_FETCH = 5;
    /** Log off (when closing). */
    public static final int FN_LOGOFF = 9;
    /** Commit. */
    public static final int FN_COMMIT = 14;
    /** Roll back. */
    public static final int FN_ROLLBACK = 15;
    /** Re-execute a parsed query and fetch its first rows. */
    public static final int FN_REEXECUTE_AND_FETCH = 78;
    /** Execute (parse, bind, define, execute, fetch as the options say). */
    public static final int FN_EXECUTE = 94;
    /** A LOB operation (read, write, length, trim, temporary LOBs, ...). */
    public static final int FN_LOB_OP = 96;
    /** Close cursors (piggyback). */
    public static final int FN_CLOSE_CURSORS = 105;
    /** Authentication phase two. */
    public static final int FN_AUTH_PHASE_TWO = 115;
    /** Authentication phase one. */
    public static final int FN_AUTH_PHASE_ONE = 118;
    /** Set end-to-end attributes: module, action, client identifier, client info (piggyback). */
    public static final int FN_SET_END_TO_END_ATTR = 135;
    /** Ping. */
    public static final int FN_PING = 147;

    // ---- marker types (Oracle Net MARKER packets, protocol.md §9) ------------------------------

    /** Break: the server stopped the call; a reset exchange follows. */
    public static final int MARKER_BREAK = 1;
    /** Reset: resynchronises both sides after a break. */
    public static final int MARKER_RESET = 2;
    /** Interrupt: the client asks the server to stop the running call. */
    public static final int MARKER_INTERRUPT = 3;

    private static final String[] MESSAGE_NAMES = new String[35];

    static {
        Object[][] names = {{MSG_PROTOCOL, "PROTOCOL"}, {MSG_DATA_TYPES, "DATA_TYPES"}, {MSG_FUNCTION, "FUNCTION"}, {MSG_ERROR, "ERROR"},
            {MSG_ROW_HEADER, "ROW_HEADER"}, {MSG_ROW_DATA, "ROW_DATA"}, {MSG_PARAMETER, "PARAMETER"}, {MSG_STATUS, "STATUS"},
            {MSG_IO_VECTOR, "IO_VECTOR"}, {MSG_OAC, "OAC"}, {MSG_LOB_DATA, "LOB_DATA"}, {MSG_WARNING, "WARNING"},
            {MSG_DESCRIBE_INFO, "DESCRIBE_INFO"}, {MSG_PIGGYBACK, "PIGGYBACK"}, {MSG_FLUSH_OUT_BINDS, "FLUSH_OUT_BINDS"},
            {MSG_BIT_VECTOR, "BIT_VECTOR"}, {MSG_SERVER_PIGGYBACK, "SERVER_SIDE_PIGGYBACK"}, {MSG_ONEWAY_FN, "ONEWAY_FN"},
            {MSG_IMPLICIT_RESULTSET, "IMPLICIT_RESULTSET"}, {MSG_RENEGOTIATE, "RENEGOTIATE"}, {MSG_END_OF_RESPONSE, "END_OF_RESPONSE"},
            {MSG_TOKEN, "TOKEN"}, {MSG_FAST_AUTH, "FAST_AUTH"}};
        for (Object[] n : names) {
            MESSAGE_NAMES[(Integer) n[0]] = (String) n[1];
        }
    }

    private TtcCodes() {
    }

    /** The name of a TTC message type (python's {@code TNS_MSG_TYPE_} suffix), or null when it has none here. */
    public static String messageName(int type) {
        return type >= 0 && type < MESSAGE_NAMES.length ? MESSAGE_NAMES[type] : null;
    }
}
