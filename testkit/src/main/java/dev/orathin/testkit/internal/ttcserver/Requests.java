package dev.orathin.testkit.internal.ttcserver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decoders of the statement calls a client sends (protocol.md §7.1, §7.3), for field version 13
 * (the version this server announces), plus the value decoding of bind rows.
 */
final class Requests {

    static final int OPT_PARSE = 0x01;
    static final int OPT_BIND = 0x08;
    static final int OPT_DEFINE = 0x10;
    static final int OPT_EXECUTE = 0x20;
    static final int OPT_FETCH = 0x40;
    static final int OPT_COMMIT = 0x100;
    static final int OPT_NOT_PLSQL = 0x8000;
    static final int OPT_DESCRIBE = 0x20000;
    static final int EXEC_DML_ROWCOUNTS = 0x4000;
    /** Bind buffer sizes from here on are LONG binds, written after the others in each row. */
    static final long MIN_LONG_LENGTH = 0x8000;

    private Requests() {
    }

    /** Metadata of one bind or define (the same layout for both). */
    record Meta(int type, int flags, long bufferSize, long maxElements, long contFlags, int charsetId, int csfrm, long maxChars) {
        boolean isArray() {
            return (flags & 0x40) != 0;
        }

        boolean isLong() {
            return bufferSize >= MIN_LONG_LENGTH;
        }
    }

    /** A full EXECUTE (function 94). */
    record Execute(long options, int cursorId, String sql, long prefetchRows, int bindCount, int defineCount,
            long[] al8i4, List<Meta> binds, List<Meta> defines, List<byte[][]> bindRows) {
        long executions() {
            return al8i4[1];
        }

        boolean dmlRowCounts() {
            return (al8i4[9] & EXEC_DML_ROWCOUNTS) != 0;
        }
    }

    /** A re-execute (functions 4 and 78) of a parsed cursor. */
    record Reexecute(int cursorId, long iterations, long flags1, long flags2, List<byte[][]> bindRows) {
    }

    /**
     * @param savedBinds bind metadata of an open cursor: ojdbc re-executes a cursor sending only
     *     the bind rows, without metadata, when the types are unchanged
     */
    static Execute execute(Ttc.In in, java.util.function.IntFunction<List<Meta>> savedBinds,
            java.util.function.IntFunction<String> savedSql) {
        long options = in.ub();
        int cursorId = (int) in.ub();
        boolean parse = in.u8() != 0;
        long sqlLength = in.ub();
        in.u8();
        in.ub(); // al8i4 length (13)
        in.u8();
        in.u8();
        in.ub(); // prefetch buffer size
        long prefetchRows = in.ub();
        in.ub(); // max long size
        in.u8();
        int bindCount = (int) in.ub();
        for (int i = 0; i < 5; i++) {
            in.u8();
        }
        in.u8();
        int defineCount = (int) in.ub();
        in.ub(); // registration id
        in.u8();
        in.u8();
        in.u8();
        in.ub();
        in.u8();
        in.ub();
        in.ub(); // registration id (high)
        in.u8();
        in.ub(); // DML row counts buffer length
        in.u8();
        // field version >= 8: SQL signature and SQL id pointers; >= 9: chunk ids
        in.u8();
        in.ub();
        in.u8();
        in.ub();
        in.u8();
        in.u8();
        in.ub();
        String sql = null;
        if (parse) {
            sql = sqlText(in, (int) sqlLength);
        }
        long[] al8i4 = new long[13];
        for (int i = 0; i < 13; i++) {
            al8i4[i] = in.ub();
        }
        List<Meta> defines = List.of();
        List<Meta> binds = List.of();
        List<byte[][]> rows = List.of();
        if ((options & OPT_DEFINE) != 0 && defineCount > 0) {
            defines = metas(in, defineCount);
        } else if (bindCount > 0) {
            binds = metas(in, bindCount);
            rows = bindRows(in, binds, (int) Math.max(1, al8i4[1]), DmlReturning.intoBinds(sql != null ? sql : savedSql.apply(cursorId)));
        } else if (cursorId != 0 && in.hasMore() && in.peek() == 7) {
            List<Meta> saved = savedBinds.apply(cursorId);
            if (saved != null && !saved.isEmpty()) {
                rows = bindRows(in, saved, (int) Math.max(1, al8i4[1]), DmlReturning.intoBinds(savedSql.apply(cursorId)));
            }
        }
        return new Execute(options, cursorId, sql, prefetchRows, bindCount, defineCount, al8i4, binds, defines, rows);
    }

    /**
     * The SQL text: current clients send it as a CLR; python-oracledb 1.x sends the raw bytes. The
     * field that follows (al8i4[0], the parse flag, {@code 01 01}) tells which.
     */
    private static String sqlText(Ttc.In in, int length) {
        byte[] rest = in.peekAll();
        int first = rest.length > 0 ? rest[0] & 0xFF : -1;
        boolean clrFits = first >= 0 && first <= 252 && rest.length >= first + 3 && rest[first + 1] == 1 && rest[first + 2] == 1;
        boolean rawFits = rest.length >= length + 2 && rest[length] == 1 && rest[length + 1] == 1;
        boolean clr = first == 0xFE || (clrFits && (!rawFits || first == length)) || (!clrFits && !rawFits && first == length);
        byte[] sql = clr ? in.clr() : in.raw(length);
        return sql == null ? "" : new String(sql, StandardCharsets.UTF_8);
    }

    static Reexecute reexecute(Ttc.In in, List<Meta> binds, int intoBinds) {
        int cursorId = (int) in.ub();
        long iterations = in.ub();
        long flags1 = in.ub();
        long flags2 = in.ub();
        List<byte[][]> rows = List.of();
        if (!binds.isEmpty() && in.hasMore() && in.peek() == 7) {
            rows = bindRows(in, binds, (int) Math.max(1, flags1 == 0x20 ? 1 : iterations), intoBinds);
        }
        return new Reexecute(cursorId, iterations, flags1, flags2, rows);
    }

    /** Whether the client announced SB1 universal (see {@link SqlSession.ClientTypes}); set per session. */
    static final ThreadLocal<Boolean> WIDE_SCALE = ThreadLocal.withInitial(() -> false);

    static List<Meta> metas(Ttc.In in, int n) {
        boolean wideScale = WIDE_SCALE.get();
        List<Meta> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int type = in.u8();
            int flags = in.u8();
            in.u8(); // precision
            if (wideScale && (type == OraType.NUMBER || type == OraType.INTERVAL_DS || type == OraType.TIMESTAMP
                    || type == OraType.TIMESTAMP_TZ || type == OraType.TIMESTAMP_LTZ)) {
                in.ub(); // scale, length-prefixed for clients announcing SB1 universal (ojdbc sends 9 for TIMESTAMP)
            } else {
                in.u8();
            }
            long bufferSize = in.ub();
            long maxElements = in.ub();
            long contFlags = in.ub();
            long oidLength = in.ub();
            if (oidLength > 0) {
                in.clr();
                in.ub(); // version
            } else {
                in.ub();
            }
            int charsetId = (int) in.ub();
            int csfrm = in.u8();
            long maxChars = in.ub();
            in.ub(); // oaccolid (field version >= 8)
            out.add(new Meta(type, flags, bufferSize, maxElements, contFlags, charsetId, csfrm, maxChars));
        }
        return out;
    }

    /** Bind rows: each a ROW_DATA (7) marker and the values, LONG binds last (protocol.md §7.3). */
    /** The bind values of each execution; the last {@code intoBinds} binds (DML RETURNING ... INTO) carry none. */
    static List<byte[][]> bindRows(Ttc.In in, List<Meta> binds, int executions, int intoBinds) {
        List<byte[][]> rows = new ArrayList<>(executions);
        if (intoBinds > 0 && intoBinds >= binds.size()) {
            // only RETURNING ... INTO binds: no values to read (a client may still send an empty ROW_DATA)
            if (in.hasMore() && in.peek() == 7) {
                in.u8();
            }
            rows.add(new byte[binds.size()][]);
            return rows;
        }
        for (int r = 0; r < executions; r++) {
            if (!in.hasMore()) {
                if (r == 0) {
                    throw new Ttc.Truncated(in.position());
                }
                break;
            }
            int marker = in.u8();
            if (marker != 7) {
                throw new IllegalArgumentException("bind row " + r + ": ROW_DATA (7) expected, found message " + marker);
            }
            byte[][] row = new byte[binds.size()][];
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < binds.size() - intoBinds; i++) {
                    Meta m = binds.get(i);
                    if (m.isLong() != (pass == 1)) {
                        continue;
                    }
                    if (m.isArray()) {
                        throw new UnsupportedOperationException("array (PL/SQL collection) binds");
                    }
                    row[i] = value(in, m.type());
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** One bind value as bytes, or {@code null} for NULL. */
    static byte[] value(Ttc.In in, int type) {
        if (type == OraType.BOOLEAN && in.peek() == 0xFD) {
            in.u8();
            in.u8();
            return null; // NULL BOOLEAN: escape byte, 1
        }
        if (type == OraType.CLOB || type == OraType.BLOB) {
            // a locator (python write_lob_with_length): ub4 length, then the bytes with their length; 0 is NULL
            long length = in.ub();
            return length == 0 ? null : in.clr();
        }
        if (type == OraType.VECTOR || type == OraType.JSON) {
            // QLocator (ub4 length, then as CLR) and the image (CLR); a zero length is NULL (node writeQLocator)
            long locator = in.ub();
            if (locator == 0) {
                return null;
            }
            in.clr();
            return in.clr();
        }
        return in.clr();
    }

    static String describe(byte[] b) {
        return b == null ? "NULL" : Arrays.toString(b);
    }
}
