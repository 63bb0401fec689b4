package dev.orathin.internal.sql;

import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcWriter;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * What the statement requests share: execute options, bind and define metadata, bind rows
 * (python-oracledb's {@code MessageWithData} writers, protocol.md §7.1, §7.3), and the piggybacks
 * sent ahead of a function — close cursors (105) and end-to-end attributes (135). Each function's
 * request is its own class: {@link ExecuteRequest}, {@link ReexecuteRequest}, {@link FetchRequest},
 * {@link FunctionRequest}.
 */
public final class Requests {

    /** Execute options (ub4). */
    public static final int OPT_PARSE = 0x01, OPT_BIND = 0x08, OPT_DEFINE = 0x10, OPT_EXECUTE = 0x20, OPT_FETCH = 0x40,
            OPT_COMMIT = 0x100, OPT_COMMIT_REEXECUTE = 0x1, OPT_PLSQL_BIND = 0x400, OPT_NOT_PLSQL = 0x8000;
    /** Execute flags (al8i4[9]). */
    public static final int EXEC_FLAG_DML_ROWCOUNTS = 0x4000;
    /** Field version from which EXECUTE carries the SQL signature / SQL id pointers (12.2) and chunk ids (12.2 ext1). */
    static final int FV_12_2 = 8, FV_12_2_EXT1 = 9;

    private Requests() {
    }

    /** Defines of {@code columns} (python {@code _write_column_metadata} per column). */
    static void defines(TtcWriter w, int fieldVersion, List<ColumnInfo> columns, boolean lobLocators) {
        for (ColumnInfo c : columns) {
            int type = c.definedType();
            int size = type == 8 || type == 24 ? BindValue.MAX_LONG_LENGTH : c.bufferSize();
            if (c.isPrefetchedLob()) {
                prefetchMetadata(w, fieldVersion, type);
            } else if (c.isLob() && lobLocators) {
                lobMetadata(w, fieldVersion, c.typeNumber(), c.charsetForm());
            } else {
                metadata(w, fieldVersion, type, c.charsetForm(), size);
            }
        }
    }

    /** The close-cursors piggyback (function 105): {@code ub1 1, ub4 n, n × ub4 cursor id}. */
    public static void closeCursors(TtcWriter w, IntSupplier seq, int fieldVersion, List<Integer> ids) {
        if (ids.isEmpty()) {
            return;
        }
        piggybackHeader(w, TtcCodes.FN_CLOSE_CURSORS, seq.getAsInt(), fieldVersion);
        w.ub1(1).ub(ids.size());
        for (int id : ids) {
            w.ub(id);
        }
    }

    /** End-to-end attribute flags (python TNS_END_TO_END_*). */
    public static final int E2E_CLIENT_IDENTIFIER = 0x0001, E2E_MODULE = 0x0008, E2E_ACTION = 0x0010, E2E_CLIENT_INFO = 0x0100;

    /**
     * The end-to-end attributes piggyback (function 135, python-oracledb {@code _write_end_to_end_piggyback}):
     * pointer/length pairs for client identifier, module, action, (ECID, unused), client info, (two
     * unused), DBOP, then the strings that changed as CLRs. A null value in a changed attribute clears it.
     *
     * @param changed E2E_* flags of the attributes to send
     * @param clientIdentifier client identifier (used only when changed)
     * @param module module (used only when changed)
     * @param action action (used only when changed)
     * @param clientInfo client info (used only when changed)
     */
    public static void endToEnd(TtcWriter w, IntSupplier seq, int fieldVersion, int changed, String clientIdentifier, String module,
            String action, String clientInfo) {
        if (changed == 0) {
            return;
        }
        piggybackHeader(w, TtcCodes.FN_SET_END_TO_END_ATTR, seq.getAsInt(), fieldVersion);
        w.ub1(0).ub1(0); // cidnam, cidser
        w.ub(changed);
        byte[] cid = attribute(w, changed, E2E_CLIENT_IDENTIFIER, clientIdentifier);
        byte[] mod = attribute(w, changed, E2E_MODULE, module);
        byte[] act = attribute(w, changed, E2E_ACTION, action);
        w.ub1(0).ub(0).ub1(0).ub(0); // cideci, cidcct, cidecs
        byte[] info = attribute(w, changed, E2E_CLIENT_INFO, clientInfo);
        w.ub1(0).ub(0).ub1(0).ub(0); // cidkstk, cidktgt
        w.ub1(0).ub(0); // dbop
        for (byte[] b : new byte[][] {cid, mod, act, info}) {
            if (b != null) {
                w.clr(b);
            }
        }
    }

    private static byte[] attribute(TtcWriter w, int changed, int flag, String value) {
        if ((changed & flag) == 0) {
            w.ub1(0).ub(0);
            return null;
        }
        byte[] b = value == null ? null : value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        w.ub1(1).ub(b == null ? 0 : b.length);
        return b;
    }

    private static void piggybackHeader(TtcWriter w, int function, int sequence, int fieldVersion) {
        w.ub1(TtcCodes.MSG_PIGGYBACK).ub1(function).ub1(sequence);
        if (fieldVersion >= 18) {
            w.ub(0);
        }
    }

    static void bindMetadata(TtcWriter w, int fieldVersion, List<BindValue> meta) {
        for (BindValue b : meta) {
            if (b.typeNumber() == ColumnInfo.VECTOR || b.typeNumber() == ColumnInfo.JSON) {
                prefetchMetadata(w, fieldVersion, b.typeNumber());
            } else if (b.typeNumber() == 112 || b.typeNumber() == 113) {
                lobMetadata(w, fieldVersion, b.typeNumber(), b.charsetForm());
            } else {
                metadata(w, fieldVersion, b.typeNumber(), b.charsetForm(), b.bufferSize());
            }
        }
    }

    /** Bind / define metadata (python {@code _write_column_metadata}); precision and scale must be 0. */
    private static void metadata(TtcWriter w, int fieldVersion, int type, int charsetForm, int bufferSize) {
        w.ub1(type).ub1(0x01).ub1(0).ub1(0); // type, flags (use indicators), precision, scale
        w.ub(bufferSize >= BindValue.MIN_LONG_LENGTH ? BindValue.MAX_LONG_LENGTH : bufferSize);
        w.ub(0); // max number of array elements
        w.ub(0); // cont flags
        w.ub(0); // OID
        w.ub(0); // version
        w.ub(charsetForm != 0 ? 873 : 0);
        w.ub1(charsetForm);
        w.ub(0); // max chars
        if (fieldVersion >= FV_12_2) {
            w.ub(0); // oaccolid
        }
    }

    /** Cont flag of VECTOR / JSON metadata: the data comes with the locator (python TNS_LOB_PREFETCH_FLAG). */
    static final int LOB_PREFETCH_FLAG = 0x2000000;

    /**
     * VECTOR / JSON define and bind metadata as python-oracledb and node-oracledb write it: buffer size
     * and prefetch length the type's maximum (VECTOR 1 MiB, JSON 32 MiB), the LOB prefetch cont flag.
     */
    private static void prefetchMetadata(TtcWriter w, int fieldVersion, int type) {
        int max = BindValue.maxPrefetchLength(type);
        w.ub1(type).ub1(0x01).ub1(0).ub1(0);
        w.ub(max);
        w.ub(0); // max number of array elements
        w.ub(LOB_PREFETCH_FLAG);
        w.ub(0); // OID
        w.ub(0); // version
        w.ub(0); // charset id
        w.ub1(0); // charset form
        w.ub(max); // LOB prefetch length
        if (fieldVersion >= FV_12_2) {
            w.ub(0); // oaccolid
        }
    }

    /** Buffer size of LOB locator binds and defines (python DB_TYPE_CLOB / DB_TYPE_BLOB buffer_size_factor). */
    static final int LOB_LOCATOR_BUFFER = 112;

    /**
     * CLOB / NCLOB / BLOB locator metadata (python {@code _write_column_metadata}): buffer size 112,
     * the LOB prefetch cont flag (the server then sends length and chunk size with each locator),
     * no prefetch length (no data with the locator).
     */
    private static void lobMetadata(TtcWriter w, int fieldVersion, int type, int charsetForm) {
        w.ub1(type).ub1(0x01).ub1(0).ub1(0);
        w.ub(LOB_LOCATOR_BUFFER);
        w.ub(0); // max number of array elements
        w.ub(LOB_PREFETCH_FLAG);
        w.ub(0); // OID
        w.ub(0); // version
        w.ub(charsetForm != 0 ? 873 : 0);
        w.ub1(charsetForm);
        w.ub(0); // LOB prefetch length: none
        if (fieldVersion >= FV_12_2) {
            w.ub(0); // oaccolid
        }
    }

    /**
     * A VECTOR / JSON bind value: a 40-byte value-based QLocator (ub4 length, then as CLR) holding the
     * data length, then the data (CLR); NULL is a zero length (node-oracledb {@code writeQLocator}).
     */
    private static void prefetchedValue(TtcWriter w, byte[] data) {
        if (data == null) {
            w.ub1(0);
            return;
        }
        byte[] loc = new byte[40];
        loc[1] = 38; // internal length
        loc[3] = 4; // QLocator version
        loc[4] = (byte) (0x20 | 0x01 | 0x40); // value based, BLOB, abstract (python TNS_LOB_LOC_FLAGS_*)
        loc[5] = 0x08; // initialised
        loc[9] = 1; // byt1
        for (int i = 0; i < 8; i++) {
            loc[10 + i] = (byte) ((long) data.length >>> (56 - 8 * i));
        }
        w.ub(40).clr(loc).clr(data);
    }

    private static void value(TtcWriter w, BindValue meta, BindValue v) {
        if (meta.typeNumber() == ColumnInfo.VECTOR || meta.typeNumber() == ColumnInfo.JSON) {
            prefetchedValue(w, v.data());
        } else if (meta.typeNumber() == 112 || meta.typeNumber() == 113) {
            // a locator: ub4 length, then the bytes with their length (python write_lob_with_length); NULL is length 0
            if (v.data() == null) {
                w.ub(0);
            } else {
                w.ub(v.data().length).clr(v.data());
            }
        } else {
            w.clr(v.data());
        }
    }

    /** One ROW_DATA per execution: non-LONG values first, then LONG ones (python {@code _write_bind_params_row}). */
    static void bindRows(TtcWriter w, List<BindValue> meta, List<List<BindValue>> rows) {
        boolean anyLong = meta.stream().anyMatch(BindValue::isLong);
        // RETURNING ... INTO binds are described in the metadata but carry no value (python skips _is_return_bind);
        // a statement with only such binds sends no ROW_DATA at all
        if (meta.stream().allMatch(BindValue::isReturnBind)) {
            return;
        }
        for (List<BindValue> row : rows) {
            w.ub1(TtcCodes.MSG_ROW_DATA);
            for (int i = 0; i < row.size(); i++) {
                if (!meta.get(i).isLong() && !meta.get(i).isReturnBind()) {
                    value(w, meta.get(i), row.get(i));
                }
            }
            if (anyLong) {
                for (int i = 0; i < row.size(); i++) {
                    if (meta.get(i).isLong() && !meta.get(i).isReturnBind()) {
                        value(w, meta.get(i), row.get(i));
                    }
                }
            }
        }
    }

    /** The one-byte answer to FLUSH_OUT_BINDS. */
    public static byte[] flushOutBinds() {
        return new byte[] {(byte) TtcCodes.MSG_FLUSH_OUT_BINDS};
    }
}
