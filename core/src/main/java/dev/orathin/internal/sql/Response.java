package dev.orathin.internal.sql;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.internal.ttc.Capabilities;
import dev.orathin.internal.ttc.ErrorInfo;
import dev.orathin.internal.ttc.ServerPiggyback;
import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reply to EXECUTE, re-execute and FETCH (protocol.md §7.2; python-oracledb
 * {@code MessageWithData}): row headers, bit vectors (duplicate-column compression), rows and the
 * closing ERROR message here; describe info ({@link DescribeInfo}), PL/SQL OUT binds
 * ({@link OutBinds}) and return parameters ({@link ReturnParameters}) by their own readers.
 *
 * <p>Reading is restartable after a break/reset: {@link #read} may be called again with a reader
 * positioned at the server's next message and continues with the state collected so far.
 */
public final class Response implements dev.orathin.internal.ttc.TtcReply {

    /** ORA-01403: no data found, the normal end of a fetch. */
    public static final int ORA_NO_DATA_FOUND = 1403;
    /** ORA-24381: errors in array DML (reported per row with batch errors). */
    public static final int ORA_ARRAY_DML_ERRORS = 24381;

    /** Oracle allows 4096 columns per table / select list (23ai; 1000 before). */
    static final int MAX_COLUMNS = 4096;

    private final Capabilities caps;
    private final boolean plsql;
    private final boolean dmlRowCounts;
    private final OutBinds outBinds;
    private List<ColumnInfo> columns;
    private boolean described;
    private Object[] previousRow;
    private byte[] bitVector;
    private final List<Object[]> rows = new ArrayList<>();
    private long[] rowCounts;
    private ErrorInfo error;
    private boolean flushOutBinds;
    private boolean ended;
    private int warning;
    private boolean lobsDefined = true;
    private LobMaker lobMaker;
    private int lastMessageType;

    /**
     * @param caps negotiated capabilities (field version, ERROR layout)
     * @param columns columns known from an earlier describe (fetch, re-execute), or null
     * @param previousRow the last row of the previous batch (duplicate compression may refer to it), or null
     * @param plsql true for PL/SQL: ROW_DATA then carries OUT binds
     * @param binds the binds sent (their directions and OUT types), empty when none
     * @param dmlRowCounts true when per-row counts were requested (PARAMETER carries them)
     */
    public Response(Capabilities caps, List<ColumnInfo> columns, Object[] previousRow, boolean plsql, List<BindValue> binds,
            boolean dmlRowCounts) {
        this.caps = caps;
        this.columns = columns;
        this.previousRow = previousRow;
        this.plsql = plsql;
        this.outBinds = new OutBinds(binds);
        this.dmlRowCounts = dmlRowCounts;
    }

    /** Declares that LOB columns are not defined as LONG yet: their values arrive as locators (and are dropped). */
    public Response lobsAsLocators(boolean locators) {
        this.lobsDefined = !locators;
        return this;
    }

    /** Turns a fetched CLOB / BLOB locator into the value handed to the application. */
    @FunctionalInterface
    public interface LobMaker {
        /** The value for {@code column}'s locator, its length (characters or bytes) and chunk size. */
        Object make(ColumnInfo column, byte[] locator, long length, int chunkSize);
    }

    /**
     * Declares that LOB columns were defined as locators (not LONG): each value is ub4 locator
     * length (0 = NULL), ub8 LOB length, ub4 chunk size, the locator (python
     * {@code read_lob_with_length}), handed to {@code maker}.
     */
    public Response lobLocators(LobMaker maker) {
        this.lobMaker = maker;
        return this;
    }

    /**
     * Reads messages until the reply ends: the ERROR message (or END_OF_RESPONSE when the session
     * marks response ends), or a FLUSH_OUT_BINDS request (then {@link #flushOutBinds()} is true
     * and the caller answers and calls again).
     */
    public void read(TtcReader r, boolean endOfResponseMarked) {
        flushOutBinds = false;
        while (!readMessage(r, endOfResponseMarked)) {
            // next message
        }
    }

    /**
     * Reads one message (type byte included) and says whether the reply ended with it or the
     * server asked for FLUSH_OUT_BINDS. {@link #read} is this in a loop; a packet-trace decoder calls it
     * directly to see where each message starts.
     */
    public boolean readMessage(TtcReader r, boolean endOfResponseMarked) {
        flushOutBinds = false;
        {
            int type = r.ub1();
            lastMessageType = type;
            switch (type) {
                case TtcCodes.MSG_DESCRIBE_INFO -> {
                    columns = DescribeInfo.read(r, caps);
                    described = true;
                    previousRow = null;
                    rows.clear();
                    DescribeInfo.requireSupported(columns);
                }
                case TtcCodes.MSG_ROW_HEADER -> readRowHeader(r);
                case TtcCodes.MSG_ROW_DATA -> readRowData(r);
                case TtcCodes.MSG_BIT_VECTOR -> {
                    r.ub(); // columns sent
                    bitVector = r.raw((requireColumns().size() + 7) / 8);
                }
                case TtcCodes.MSG_IO_VECTOR -> outBinds.readIoVector(r);
                case TtcCodes.MSG_PARAMETER -> {
                    long[] counts = ReturnParameters.read(r, dmlRowCounts);
                    if (dmlRowCounts) {
                        rowCounts = counts;
                    }
                }
                case TtcCodes.MSG_WARNING -> {
                    int number = (int) r.ub();
                    int length = (int) r.ub();
                    r.ub(); // flags
                    if (number != 0 && length > 0) {
                        r.clr(); // message text (python-oracledb 2+ reads a CLR here)
                    }
                    warning = number;
                }
                case TtcCodes.MSG_SERVER_PIGGYBACK -> ServerPiggyback.skip(r);
                case TtcCodes.MSG_FLUSH_OUT_BINDS -> {
                    flushOutBinds = true;
                    return true;
                }
                case TtcCodes.MSG_STATUS -> {
                    r.ub(); // call status
                    r.ub(); // end-to-end sequence number
                    if (!endOfResponseMarked) {
                        ended = true;
                        return true;
                    }
                }
                case TtcCodes.MSG_ERROR -> {
                    error = ErrorInfo.read(r, caps);
                    if (!endOfResponseMarked) {
                        ended = true;
                        return true;
                    }
                }
                case TtcCodes.MSG_END_OF_RESPONSE -> {
                    ended = true;
                    return true;
                }
                default -> {
                    String feature = UNIMPLEMENTED.get(type);
                    if (feature != null) {
                        throw new OrathinProtocolException(CoreErrorCode.NOT_SUPPORTED, "statement reply: TTC message type " + type
                                + " (" + feature + ") is not implemented by orathin");
                    }
                    throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "statement reply: unexpected TTC message"
                            + " type " + type);
                }
            }
        }
        return false;
    }

    /**
     * Message types a server sends only for features orathin does not use (python-oracledb
     * constants.pxi TNS_MSG_TYPE_*): met in a reply, they are refused by name rather than misread.
     */
    private static final java.util.Map<Integer, String> UNIMPLEMENTED = java.util.Map.of(
            TtcCodes.MSG_LOB_DATA, "LOB_DATA: LOB operations", TtcCodes.MSG_IMPLICIT_RESULTSET, "IMPLICIT_RESULTSET: implicit result sets",
            TtcCodes.MSG_RENEGOTIATE, "RENEGOTIATE", TtcCodes.MSG_TOKEN, "TOKEN: pipelined / token-numbered calls",
            TtcCodes.MSG_ONEWAY_FN, "ONEWAY_FN: one-way calls", TtcCodes.MSG_OAC, "OAC: object and collection metadata");

    /** The type of the last message read by {@link #readMessage}. */
    public int lastMessageType() {
        return lastMessageType;
    }

    private List<ColumnInfo> requireColumns() {
        if (columns == null) {
            throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "statement reply: row data before any describe info");
        }
        return columns;
    }

    private void readRowHeader(TtcReader r) {
        r.ub1(); // flags
        r.ub(); // number of requests
        r.ub(); // iteration number
        r.ub(); // number of iterations
        r.ub(); // buffer length
        int n = r.ub4();
        if (n > 0) {
            r.ub1(); // repeated length
            bitVector = r.raw(n);
        }
        r.twoLengths(); // rxhrid
    }

    private void readRowData(TtcReader r) {
        if (plsql || !described && columns == null) {
            outBinds.read(r);
            return;
        }
        List<ColumnInfo> cols = requireColumns();
        Object[] row = new Object[cols.size()];
        if (bitVector != null && bitVector.length < (row.length + 7) / 8) {
            throw new OrathinProtocolException(CoreErrorCode.MALFORMED_MESSAGE, "row data: a duplicate-column bit vector of "
                    + bitVector.length + " bytes for " + row.length + " columns (expected " + (row.length + 7) / 8 + ")");
        }
        for (int i = 0; i < row.length; i++) {
            if (bitVector != null && (bitVector[i >> 3] & (1 << (i & 7))) == 0) {
                if (previousRow == null) {
                    throw new OrathinProtocolException(CoreErrorCode.MALFORMED_MESSAGE, "row data: column " + (i + 1)
                            + " marked as a duplicate of the previous row, but there is no previous row");
                }
                row[i] = previousRow[i];
            } else {
                ColumnInfo c = cols.get(i);
                if (lobsDefined && lobMaker != null && c.isLob()) {
                    row[i] = readLocator(r, c);
                    continue;
                }
                if (!lobsDefined && c.isPrefetchedLob()) {
                    row[i] = ValueCodec.locatorOnly(r);
                    continue;
                }
                row[i] = ValueCodec.read(r, lobsDefined ? c.definedType() : c.typeNumber(), c.charsetForm(), c.bufferSize(), c.toColumnIntegral(), true, null);
            }
        }
        bitVector = null;
        previousRow = row;
        rows.add(row);
    }

    private Object readLocator(TtcReader r, ColumnInfo c) {
        int n = r.ub4();
        if (n == 0) {
            return null;
        }
        long length = r.ub();
        int chunk = r.ub4();
        byte[] locator = r.clr();
        if (locator == null || locator.length != n) {
            throw new OrathinProtocolException(CoreErrorCode.MALFORMED_MESSAGE, "row data: column " + c.name() + " announced a LOB"
                    + " locator of " + n + " bytes, found " + (locator == null ? 0 : locator.length));
        }
        return lobMaker.make(c, locator, length, chunk);
    }

    /** Columns (from this reply's describe or the ones given). */
    public List<ColumnInfo> columns() {
        return columns;
    }

    /** True when this reply carried DESCRIBE_INFO. */
    public boolean described() {
        return described;
    }

    /** Rows read (a batch). */
    public List<Object[]> rows() {
        return rows;
    }

    /** The last row read (or the previous batch's last row). */
    public Object[] previousRow() {
        return previousRow;
    }

    /** The closing ERROR message (null when the reply ended with STATUS or END_OF_RESPONSE only). */
    public ErrorInfo error() {
        return error;
    }

    /** True when the server asked for FLUSH_OUT_BINDS. */
    public boolean flushOutBinds() {
        return flushOutBinds;
    }

    /** True once the reply is complete. */
    public boolean ended() {
        return ended;
    }

    /** OUT bind values by bind position (null entries for IN binds), or null. */
    public Object[] outValues() {
        return outBinds.values();
    }

    /** Per-row DML counts (when requested), or null. */
    public long[] rowCounts() {
        return rowCounts;
    }

    /** The number of the last WARNING message, 0 if none. */
    public int warning() {
        return warning;
    }
}
