package dev.orathin.internal.sql;

import dev.orathin.internal.ttc.AuthExchange;
import dev.orathin.internal.ttc.TtcCodes;
import dev.orathin.internal.ttc.TtcWriter;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Writes the statement requests: EXECUTE (function 94), re-execute (4 / 78), FETCH (5) and the
 * close-cursors piggyback (105), field by field as python-oracledb's {@code ExecuteMessage}
 * (protocol.md §7.1, §7.3).
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

    /**
     * A full EXECUTE.
     *
     * @param seq sequence numbers (piggybacks and the function each take one)
     * @param fieldVersion negotiated field version
     * @param piggybacks piggybacked calls to send first (see {@link #closeCursors}, {@link #endToEnd}), may be empty
     * @param options execute options
     * @param cursorId cursor id, 0 for a new cursor
     * @param sql the SQL bytes when parsing, else null
     * @param prefetchRows rows to return with the execute (queries)
     * @param query true for queries
     * @param executions al8i4[1]: 0 for a new query, rows to fetch on a query re-execute, executions for DML
     * @param binds bind rows (one list per execution; metadata from {@code bindMeta}), empty for none
     * @param bindMeta the bind metadata (one per placeholder), empty for none
     * @param defines columns to define (LOB columns defined as LONG / LONG RAW), or null
     * @param dmlRowCounts ask for per-row DML counts
     */
    public static byte[] execute(IntSupplier seq, int fieldVersion, byte[] piggybacks, int options, int cursorId, byte[] sql,
            int prefetchRows, boolean query, int executions, List<List<BindValue>> binds, List<BindValue> bindMeta,
            List<ColumnInfo> defines, boolean dmlRowCounts) {
        return execute(seq, fieldVersion, piggybacks, options, cursorId, sql, prefetchRows, query, executions, binds, bindMeta, defines,
                dmlRowCounts, false);
    }

    /**
     * A full EXECUTE whose defines ask for LOB columns as locators ({@code lobLocators}: CLOB / BLOB
     * defined as themselves with the LOB prefetch cont flag, so that each locator comes with the
     * LOB's length and chunk size) or inline (defined as LONG / LONG RAW); see the other overload.
     */
    public static byte[] execute(IntSupplier seq, int fieldVersion, byte[] piggybacks, int options, int cursorId, byte[] sql,
            int prefetchRows, boolean query, int executions, List<List<BindValue>> binds, List<BindValue> bindMeta,
            List<ColumnInfo> defines, boolean dmlRowCounts, boolean lobLocators) {
        TtcWriter w = new TtcWriter();
        w.raw(piggybacks);
        header(w, TtcCodes.FN_EXECUTE, seq.getAsInt(), fieldVersion);
        int numBinds = defines == null ? bindMeta.size() : 0;
        w.ub(options & 0xFFFFFFFFL);
        w.ub(cursorId);
        if (sql != null) {
            w.ub1(1).ub(sql.length);
        } else {
            w.ub1(0).ub(0);
        }
        w.ub1(1).ub(13); // al8i4 array
        w.ub1(0).ub1(0); // al8o4, al8o4l
        w.ub(0); // prefetch buffer size
        w.ub(prefetchRows);
        w.ub(BindValue.MAX_LONG_LENGTH); // max long size
        if (numBinds == 0) {
            w.ub1(0).ub(0);
        } else {
            w.ub1(1).ub(numBinds);
        }
        w.ub1(0).ub1(0).ub1(0).ub1(0).ub1(0); // al8app, al8txn, al8txl, al8kv, al8kvl
        if (defines != null) {
            w.ub1(1).ub(defines.size());
        } else {
            w.ub1(0).ub(0);
        }
        w.ub(0); // registration id
        w.ub1(0).ub1(1).ub1(0); // al8objlist, al8objlen, al8blv
        w.ub(0); // al8blvl
        w.ub1(0).ub(0); // al8dnam, al8dnaml
        w.ub(0); // al8regid_msb
        if (dmlRowCounts) {
            w.ub1(1).ub(binds.size()).ub1(1);
        } else {
            w.ub1(0).ub(0).ub1(0);
        }
        if (fieldVersion >= FV_12_2) {
            w.ub1(0).ub(0).ub1(0).ub(0).ub1(0); // SQL signature, SQL id
            if (fieldVersion >= FV_12_2_EXT1) {
                w.ub1(0).ub(0); // chunk ids
            }
        }
        if (sql != null) {
            w.clr(sql);
            w.ub(1); // al8i4[0] parse
        } else {
            w.ub(0);
        }
        w.ub(executions); // al8i4[1]
        w.ub(0).ub(0).ub(0).ub(0).ub(0); // al8i4[2..6]
        w.ub(query ? 1 : 0); // al8i4[7]
        w.ub(0); // al8i4[8]
        w.ub(dmlRowCounts ? EXEC_FLAG_DML_ROWCOUNTS : 0); // al8i4[9]
        w.ub(0).ub(0).ub(0); // al8i4[10..12]
        if (defines != null) {
            for (ColumnInfo c : defines) {
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
        } else if (numBinds > 0) {
            bindMetadata(w, fieldVersion, bindMeta);
            bindRows(w, bindMeta, binds);
        }
        return w.toByteArray();
    }

    /** A re-execute of a parsed cursor (78 also fetches {@code prefetchRows} rows of a query). */
    public static byte[] reexecute(IntSupplier seq, int fieldVersion, byte[] piggybacks, int cursorId, boolean queryFetch,
            int prefetchRows, int executions, boolean autoCommit, List<List<BindValue>> binds, List<BindValue> bindMeta) {
        TtcWriter w = new TtcWriter();
        w.raw(piggybacks);
        header(w, queryFetch ? TtcCodes.FN_REEXECUTE_AND_FETCH : TtcCodes.FN_REEXECUTE, seq.getAsInt(), fieldVersion);
        w.ub(cursorId);
        w.ub(queryFetch ? prefetchRows : executions);
        w.ub(queryFetch ? OPT_EXECUTE : 0);
        w.ub(autoCommit && !queryFetch ? OPT_COMMIT_REEXECUTE : 0);
        if (!bindMeta.isEmpty()) {
            bindRows(w, bindMeta, binds);
        }
        return w.toByteArray();
    }

    /** FETCH of {@code rows} more rows. */
    public static byte[] fetch(IntSupplier seq, int fieldVersion, int cursorId, int rows) {
        TtcWriter w = new TtcWriter();
        header(w, TtcCodes.FN_FETCH, seq.getAsInt(), fieldVersion);
        return w.ub(cursorId).ub(rows).toByteArray();
    }

    /** A function with no body (COMMIT, ROLLBACK), with a close-cursors piggyback first when needed. */
    public static byte[] simple(IntSupplier seq, int fieldVersion, byte[] piggybacks, int function) {
        TtcWriter w = new TtcWriter();
        w.raw(piggybacks);
        header(w, function, seq.getAsInt(), fieldVersion);
        return w.toByteArray();
    }

    private static void header(TtcWriter w, int function, int sequence, int fieldVersion) {
        w.raw(AuthExchange.function(function, sequence, fieldVersion).toByteArray());
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

    private static void bindMetadata(TtcWriter w, int fieldVersion, List<BindValue> meta) {
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
    private static void bindRows(TtcWriter w, List<BindValue> meta, List<List<BindValue>> rows) {
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
