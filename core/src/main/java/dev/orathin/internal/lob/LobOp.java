package dev.orathin.internal.lob;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.internal.ttc.AuthExchange;
import dev.orathin.internal.ttc.Capabilities;
import dev.orathin.internal.ttc.ErrorInfo;
import dev.orathin.internal.ttc.ServerPiggyback;
import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcReader;
import dev.orathin.internal.ttc.TtcReply;
import dev.orathin.internal.ttc.TtcRequest;
import dev.orathin.internal.ttc.TtcWriter;
import java.util.function.IntSupplier;

/**
 * One LOB operation (TTC function 96, python-oracledb {@code LobOpMessage}, node-oracledb
 * {@code LobOpMessage}): the request, and its reply — LOB_DATA (message 14) for a read, then the
 * return parameters (the locator again, then the amount, the temporary LOB's character set or the
 * is-open flag), then the closing ERROR message. Offsets are 1-based; amounts and offsets count
 * characters (UTF-16 code units) for CLOB / NCLOB and bytes for BLOB, as Oracle counts them.
 */
public final class LobOp implements TtcRequest, TtcReply {

    /** Operation codes (python constants.pxi {@code TNS_LOB_OP_*}). */
    public static final int OP_GET_LENGTH = 0x0001, OP_READ = 0x0002, OP_TRIM = 0x0020, OP_WRITE = 0x0040, OP_GET_CHUNK_SIZE = 0x4000,
            OP_CREATE_TEMP = 0x0110, OP_FREE_TEMP = 0x0111, OP_OPEN = 0x8000, OP_CLOSE = 0x10000, OP_IS_OPEN = 0x11000;
    /** Open mode read/write (python TNS_LOB_OPEN_READ_WRITE). */
    public static final int OPEN_READ_WRITE = 2;
    /** Temporary LOB duration: the session (python TNS_DURATION_SESSION). */
    public static final int DURATION_SESSION = 10;
    /** Character set id sent when creating a temporary CLOB (python TNS_CHARSET_UTF8). */
    public static final int CHARSET_UTF8 = 873;
    /** Every locator is 40 bytes or more; a temporary LOB's starts as 40 zero bytes. */
    public static final int LOCATOR_LENGTH = 40;

    private final Capabilities caps;
    private final int operation;
    private byte[] locator;
    private long sourceOffset;
    private long destOffset;
    private int destLength;
    private long amount;
    private boolean sendAmount;
    private byte[] data;
    private int charset;
    private LobDataSink sink;
    private boolean flag;
    private ErrorInfo error;
    private boolean flushOutBinds;

    /** Receives the bytes of LOB_DATA messages of a read, as they arrive. */
    @FunctionalInterface
    public interface LobDataSink {
        /** One LOB_DATA message's bytes (never null). */
        void accept(byte[] data);
    }

    private LobOp(Capabilities caps, int operation, byte[] locator) {
        this.caps = caps;
        this.operation = operation;
        this.locator = locator;
    }

    /** Length in characters (CLOB) or bytes (BLOB). */
    public static LobOp length(Capabilities caps, byte[] locator) {
        LobOp op = new LobOp(caps, OP_GET_LENGTH, locator);
        op.sendAmount = true;
        return op;
    }

    /** The LOB's chunk size in bytes. */
    public static LobOp chunkSize(Capabilities caps, byte[] locator) {
        LobOp op = new LobOp(caps, OP_GET_CHUNK_SIZE, locator);
        op.sendAmount = true;
        return op;
    }

    /** Reads {@code amount} characters / bytes from the 1-based {@code offset}; the data goes to {@code sink}. */
    public static LobOp read(Capabilities caps, byte[] locator, long offset, long amount, LobDataSink sink) {
        LobOp op = new LobOp(caps, OP_READ, locator);
        op.sourceOffset = offset;
        op.amount = amount;
        op.sendAmount = true;
        op.sink = sink;
        return op;
    }

    /** Writes {@code data} (already in the LOB's encoding) at the 1-based {@code offset}. */
    public static LobOp write(Capabilities caps, byte[] locator, long offset, byte[] data) {
        LobOp op = new LobOp(caps, OP_WRITE, locator);
        op.sourceOffset = offset;
        op.data = data;
        return op;
    }

    /** Cuts the LOB to {@code newLength} characters / bytes. */
    public static LobOp trim(Capabilities caps, byte[] locator, long newLength) {
        LobOp op = new LobOp(caps, OP_TRIM, locator);
        op.amount = newLength;
        op.sendAmount = true;
        return op;
    }

    /** Opens the LOB read/write. */
    public static LobOp open(Capabilities caps, byte[] locator) {
        LobOp op = new LobOp(caps, OP_OPEN, locator);
        op.amount = OPEN_READ_WRITE;
        op.sendAmount = true;
        return op;
    }

    /** Closes a LOB opened with {@link #open}. */
    public static LobOp close(Capabilities caps, byte[] locator) {
        return new LobOp(caps, OP_CLOSE, locator);
    }

    /** Asks whether the LOB is open ({@link #flag()}). */
    public static LobOp isOpen(Capabilities caps, byte[] locator) {
        return new LobOp(caps, OP_IS_OPEN, locator);
    }

    /**
     * Creates a temporary LOB for the session (python {@code _create_create_temp_message}): a zero
     * locator goes out, the server's comes back in {@link #locator()}.
     *
     * @param typeNumber 112 (CLOB / NCLOB) or 113 (BLOB)
     * @param charsetForm 1 for CLOB, 2 for NCLOB, 0 for BLOB
     */
    public static LobOp createTemporary(Capabilities caps, int typeNumber, int charsetForm) {
        LobOp op = new LobOp(caps, OP_CREATE_TEMP, new byte[LOCATOR_LENGTH]);
        op.destLength = DURATION_SESSION;
        op.sourceOffset = charsetForm;
        op.destOffset = typeNumber;
        op.charset = charsetForm == 2 ? caps.ncharsetId() : CHARSET_UTF8;
        return op;
    }

    /** Frees a temporary LOB (ojdbc's freeTemporary; python sends it as a piggyback array instead). */
    public static LobOp freeTemporary(Capabilities caps, byte[] locator) {
        return new LobOp(caps, OP_FREE_TEMP, locator);
    }

    /** The request bytes: the piggybacks first, then function 96. */
    @Override
    public byte[] encode(IntSupplier seq, int fieldVersion, byte[] piggybacks) {
        TtcWriter w = new TtcWriter();
        w.raw(piggybacks);
        w.raw(AuthExchange.function(TtcCodes.FN_LOB_OP, seq.getAsInt(), fieldVersion).toByteArray());
        w.ub1(1).ub(locator.length); // source pointer, length
        w.ub1(0).ub(destLength); // dest pointer (unused), dest length (the duration of a temporary LOB)
        w.ub(0).ub(0); // short source / dest offsets
        w.ub1(operation == OP_CREATE_TEMP ? 1 : 0); // character set pointer
        w.ub1(0); // short amount pointer
        boolean nullLob = operation == OP_CREATE_TEMP || operation == OP_IS_OPEN;
        w.ub1(nullLob ? 1 : 0); // NULL LOB pointer
        w.ub(operation);
        w.ub1(0).ub1(0); // SCN pointer, SCN array length
        w.ub(sourceOffset);
        w.ub(destOffset);
        w.ub1(sendAmount ? 1 : 0); // amount pointer
        w.uint16be(0).uint16be(0).uint16be(0); // array LOB fields (unused)
        w.raw(locator);
        if (operation == OP_CREATE_TEMP) {
            w.ub(charset);
        }
        if (data != null) {
            w.ub1(TtcCodes.MSG_LOB_DATA);
            w.clr(data);
        }
        if (sendAmount) {
            w.ub(amount);
        }
        return w.toByteArray();
    }

    @Override
    public void read(TtcReader r, boolean endOfResponseMarked) {
        flushOutBinds = false;
        while (true) {
            int type = r.ub1();
            switch (type) {
                case TtcCodes.MSG_LOB_DATA -> {
                    byte[] b = r.clr();
                    if (sink == null) {
                        throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "LOB operation 0x"
                                + Integer.toHexString(operation) + ": LOB_DATA in the reply, but only a read returns data");
                    }
                    sink.accept(b == null ? new byte[0] : b);
                }
                case TtcCodes.MSG_PARAMETER -> readReturnParameters(r);
                case TtcCodes.MSG_SERVER_PIGGYBACK -> ServerPiggyback.skip(r);
                case TtcCodes.MSG_WARNING -> {
                    int number = (int) r.ub();
                    int length = (int) r.ub();
                    r.ub(); // flags
                    if (number != 0 && length > 0) {
                        r.clr();
                    }
                }
                case TtcCodes.MSG_STATUS -> {
                    r.ub(); // call status
                    r.ub(); // end-to-end sequence number
                    if (!endOfResponseMarked) {
                        return;
                    }
                }
                case TtcCodes.MSG_ERROR -> {
                    error = ErrorInfo.read(r, caps);
                    if (!endOfResponseMarked) {
                        return;
                    }
                }
                case TtcCodes.MSG_END_OF_RESPONSE -> {
                    return;
                }
                case TtcCodes.MSG_FLUSH_OUT_BINDS -> { // not sent for LOB operations, answered as for statements
                    flushOutBinds = true;
                    return;
                }
                default -> throw new OrathinProtocolException(CoreErrorCode.UNEXPECTED_MESSAGE, "reply to LOB operation 0x"
                        + Integer.toHexString(operation) + ": unexpected TTC message type " + type);
            }
        }
    }

    /** python {@code LobOpMessage._process_return_parameters}. */
    private void readReturnParameters(TtcReader r) {
        locator = r.raw(locator.length);
        if (operation == OP_CREATE_TEMP) {
            r.ub(); // character set
            r.ub1(); // trailing flags
        } else if (sendAmount) {
            amount = r.sb();
        }
        if (operation == OP_IS_OPEN) {
            flag = r.ub1() > 0;
        }
    }

    @Override
    public boolean flushOutBinds() {
        return flushOutBinds;
    }

    /** The locator as the server returned it (a new one after creating a temporary LOB). */
    public byte[] locator() {
        return locator;
    }

    /** The amount the server returned: the length, the chunk size, or the characters / bytes read. */
    public long amount() {
        return amount;
    }

    /** The is-open answer. */
    public boolean flag() {
        return flag;
    }

    /** The closing ERROR message, or null. */
    public ErrorInfo error() {
        return error;
    }

    /** The operation code. */
    public int operation() {
        return operation;
    }
}
