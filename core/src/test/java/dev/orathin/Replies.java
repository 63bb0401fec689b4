package dev.orathin;

import dev.orathin.internal.ttc.TtcWriter;
import java.nio.charset.StandardCharsets;

/** Builds server replies for statement tests from the layouts of protocol.md §7.2 (field version 13). */
final class Replies {

    private final TtcWriter w = new TtcWriter();

    static Replies reply() {
        return new Replies();
    }

    byte[] bytes() {
        return w.toByteArray();
    }

    /** One column's metadata for DESCRIBE_INFO. */
    record Col(String name, int type, int precision, int scale, int bufferSize, int csfrm, boolean nullable) {
        static Col num(String name, int precision, int scale) {
            return new Col(name, 2, precision, scale, 22, 0, true);
        }

        static Col varchar(String name, int size) {
            return new Col(name, 1, 0, 0, size, 1, true);
        }

        static Col of(String name, int type, int bufferSize, int csfrm) {
            return new Col(name, type, 0, 0, bufferSize, csfrm, true);
        }
    }

    Replies describe(Col... cols) {
        w.ub1(16);
        w.clr(new byte[] {1, 2, 3}); // describe blob
        w.ub(100); // max row size
        w.ub(cols.length);
        if (cols.length > 0) {
            w.ub1(0);
        }
        for (Col c : cols) {
            w.ub1(c.type()).ub1(0).ub1(c.precision()).ub1(c.scale()).ub(c.bufferSize()).ub(0).ub(0);
            w.ub(0); // OID
            w.ub(0); // version
            w.ub(c.csfrm() == 0 ? 0 : 873);
            w.ub1(c.csfrm());
            w.ub(c.bufferSize()); // max size
            w.ub(0); // oaccolid (fv >= 8)
            w.ub1(c.nullable() ? 1 : 0);
            w.ub1(0);
            w.twoLengths(c.name().getBytes(StandardCharsets.UTF_8));
            w.twoLengths("SCOTT".getBytes(StandardCharsets.UTF_8));
            w.ub(0); // type name
            w.ub(1); // position
            w.ub(0); // uds flags
        }
        w.ub(0); // current date
        w.ub(0).ub(0).ub(0).ub(0);
        w.ub(0); // dcbqcky
        return this;
    }

    Replies rowHeader(byte[] bitVector) {
        w.ub1(6).ub1(0).ub(1).ub(0).ub(1).ub(0);
        if (bitVector == null) {
            w.ub(0);
        } else {
            w.ub(bitVector.length).ub1(bitVector.length).raw(bitVector);
        }
        w.ub(0);
        return this;
    }

    Replies bitVector(int columnsSent, int... bytes) {
        w.ub1(21).ub(columnsSent);
        for (int b : bytes) {
            w.ub1(b);
        }
        return this;
    }

    /** ROW_DATA: each value is written as CLR (byte[]), or raw when a {@link Raw}. */
    Replies row(Object... values) {
        w.ub1(7);
        for (Object v : values) {
            if (v instanceof Raw r) {
                w.raw(r.bytes());
            } else {
                w.clr((byte[]) v);
            }
        }
        return this;
    }

    record Raw(byte[] bytes) {
    }

    Replies ioVector(int... directions) {
        w.ub1(11).ub1(0).ub(directions.length % 256).ub(directions.length / 256).ub(1).ub(0).ub(0).ub(0);
        for (int d : directions) {
            w.ub1(d);
        }
        return this;
    }

    /** PARAMETER with per-row DML counts. */
    Replies rowCounts(long... counts) {
        w.ub1(8).ub(0).ub(0).ub(0).ub(0);
        w.ub(counts.length);
        for (long c : counts) {
            w.ub(c);
        }
        return this;
    }

    Replies piggybackLtxid() {
        w.ub1(23).ub1(7).twoLengths(new byte[] {9, 9, 9});
        return this;
    }

    /** Server-side piggybacks of every opcode orathin reads (protocol.md §7.2), with small bodies. */
    Replies allServerPiggybacks() {
        w.ub1(23).ub1(1); // query cache invalidation
        w.ub1(23).ub1(3); // trace event
        w.ub1(23).ub1(2).ub(4).str("1234"); // OS pid
        w.ub1(23).ub1(4).ub(0).ub1(0).ub(1).ub1(0).twoLengths(str("k")).twoLengths(str("v")).ub(0).ub(1).ub(42).ub(7); // session return
        w.ub1(23).ub1(5).ub(0).ub1(0).ub(1).ub1(0).twoLengths(str("k")).twoLengths(str("v")).ub(0).ub(0); // sync
        w.ub1(23).ub1(7).twoLengths(new byte[] {1, 2}); // LTXID
        w.ub1(23).ub1(8).ub(0).ub1(0).ub(0).ub(0).ub1(0).twoLengths(new byte[] {3}); // AC replay context
        w.ub1(23).ub1(9).ub(0).ub1(0); // ext sync
        w.ub1(23).ub1(10).ub(0).ub1(0).ub(1).ub(2).ub(3); // session signature
        return this;
    }

    private static byte[] str(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    Replies flushOutBinds() {
        w.ub1(19);
        return this;
    }

    Replies warning(int number, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        w.ub1(15).ub(number).ub(t.length).ub(0).clr(t);
        return this;
    }

    Replies error(int cursorId, long rowCount, int number, String message) {
        w.ub1(4);
        w.ub(0); // call status (end-of-call status advertised)
        w.ub(0).ub(0).ub(0).ub(0).ub(0);
        w.ub(cursorId);
        w.sb(number == 0 ? 0 : 7); // error position
        w.raw(new byte[5]);
        w.ub1(0);
        w.ub(0).ub(0).ub1(0).ub(0).ub(0); // rowid
        w.ub(0).ub1(0).ub1(0).ub(0).ub(0);
        w.ub(0); // oerrdd
        w.ub(0).ub(0).ub(0); // batch errors, offsets, messages
        w.ub(number);
        w.ub(rowCount);
        if (number != 0) {
            w.str(message);
        }
        return this;
    }

    Replies status() {
        w.ub1(9).ub(0).ub(0);
        return this;
    }
}
