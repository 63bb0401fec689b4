package dev.orathin.internal.sql;

import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcWriter;
import java.util.List;

/**
 * What the statement requests share: execute options, bind and define metadata, bind rows
 * (python-oracledb's {@code MessageWithData} writers, protocol.md §7.1, §7.3), and the piggyback
 * header. Each function's request is its own class: {@link ExecuteRequest}, {@link ReexecuteRequest},
 * {@link FetchRequest}, {@link FunctionRequest}, and the piggybacks sent ahead of a function
 * {@link CloseCursors} (105) and {@link EndToEnd} (135).
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

    /** The header of a PIGGYBACK message: type 17, function code, sequence number (+ ub8 token from field version 18). */
    static void piggybackHeader(TtcWriter w, int function, int sequence, int fieldVersion) {
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
