package dev.orathin.testkit.internal.ttcserver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The testkit's own TTC value reader and writer (protocol.md §0.1), kept separate from the
 * client's codecs in {@code core} so that a shared bug cannot hide itself.
 */
final class Ttc {

    /**
     * The sequence number of the request being answered: ERROR echoes it as its "call number"
     * (ojdbc treats an ERROR whose call number differs as out of sequence, and then raises even
     * the ORA-01403 that ends a fetch; python and node skip the field).
     */
    static final ThreadLocal<Integer> SEQUENCE = ThreadLocal.withInitial(() -> 0);


    private Ttc() {
    }

    /**
     * Thrown when a request ends before its layout does: the rest may still be on its way in the
     * next DATA packet (a request larger than the SDU), so the caller reads more and parses again.
     */
    static final class Truncated extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        /** The least length the request needs before parsing it again can get further (never more than it needs). */
        final int needed;

        Truncated(int pos) {
            this(pos, pos + 1);
        }

        Truncated(int pos, int needed) {
            super("TTC request ended early at byte " + pos);
            this.needed = needed;
        }
    }

    /** Reads one request message. */
    static final class In {
        private final byte[] b;
        private int pos;

        In(byte[] b) {
            this.b = b;
        }

        int position() {
            return pos;
        }

        byte[] peekAll() {
            return java.util.Arrays.copyOfRange(b, pos, b.length);
        }

        boolean hasMore() {
            return pos < b.length;
        }

        int u8() {
            if (pos >= b.length) {
                throw new Truncated(pos);
            }
            return b[pos++] & 0xFF;
        }

        int peek() {
            if (pos >= b.length) {
                throw new Truncated(pos);
            }
            return b[pos] & 0xFF;
        }

        int u16be() {
            return (u8() << 8) | u8();
        }

        long ub() {
            int n = u8() & 0x7F;
            if (n > 8) {
                throw new IllegalArgumentException("integer length " + n + " at byte " + (pos - 1));
            }
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = (v << 8) | u8();
            }
            return v;
        }

        long peekUb() {
            int saved = pos;
            try {
                return ub();
            } finally {
                pos = saved;
            }
        }

        /** A signed universal integer: the length byte's top bit is the sign. */
        long sb() {
            boolean negative = (peek() & 0x80) != 0;
            long v = ub();
            return negative ? -v : v;
        }

        byte[] clr() {
            int n = u8();
            if (n == 0 || n == 0xFF) {
                return null;
            }
            if (n != 0xFE) {
                return raw(n);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (long chunk; (chunk = ub()) != 0; ) {
                out.writeBytes(raw((int) chunk));
            }
            return out.toByteArray();
        }

        byte[] raw(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("negative length " + n + " at byte " + pos);
            }
            if (pos + n > b.length) {
                throw new Truncated(pos, pos + n); // a long value (a LOB write's chunk): parse again once it is all here
            }
            byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return out;
        }

        String twoLengths() {
            long n = ub();
            if (n == 0) {
                return null;
            }
            byte[] v = clr();
            return v == null ? null : new String(v, StandardCharsets.UTF_8);
        }
    }

    /** Builds a response. */
    static final class Out {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Out u8(int v) {
            out.write(v);
            return this;
        }

        Out raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Out u16le(int v) {
            return u8(v).u8(v >>> 8);
        }

        Out u16be(int v) {
            return u8(v >>> 8).u8(v);
        }

        Out ub(long v) {
            if (v == 0) {
                return u8(0);
            }
            boolean negative = v < 0;
            if (negative) {
                v = -v;
            }
            int n = v < 0x100 ? 1 : v < 0x10000 ? 2 : v < 0x100000000L ? 4 : 8;
            u8(negative ? n | 0x80 : n);
            for (int i = n - 1; i >= 0; i--) {
                u8((int) (v >>> (8 * i)));
            }
            return this;
        }

        Out clr(byte[] b) {
            if (b == null || b.length == 0) {
                return u8(0);
            }
            if (b.length <= 252) {
                return u8(b.length).raw(b);
            }
            u8(0xFE);
            for (int off = 0; off < b.length; off += 32767) {
                int n = Math.min(32767, b.length - off);
                ub(n);
                out.write(b, off, n);
            }
            return ub(0);
        }

        Out keyValue(String key, String value, int flags) {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            ub(k.length).clr(k);
            if (value == null || value.isEmpty()) {
                ub(0);
            } else {
                byte[] v = value.getBytes(StandardCharsets.UTF_8);
                ub(v.length).clr(v);
            }
            return ub(flags);
        }

        /**
         * ERROR message (type 4) in the field-version-13 layout, every optional field zero; zeros make
         * the fields that changed width between client versions (ub1 vs ub2) read the same.
         */
        Out error(int cursorId, long rowCount, int number, String message) {
            return error(number == 0 ? 0 : 1, cursorId, rowCount, number, 0, message);
        }

        /** ERROR message with an end-of-call status (0x02: a transaction is open) and an error offset. */
        Out error(int callStatus, int cursorId, long rowCount, int number, int offset, String message) {
            // current row number = rows processed (ojdbc's update count; python and node use the row count below)
            u8(4).ub(callStatus).ub(0).ub(number == 0 ? rowCount : 0).ub(number).ub(0).ub(0).ub(cursorId).ub(offset);
            u8(0).u8(0).u8(0).u8(0).u8(0).u8(0); // sql type, fatal, flags, cursor options, UPI, warning flags
            ub(0).ub(0).u8(0).ub(0).ub(0); // rowid
            ub(0).u8(0).u8(SEQUENCE.get()).ub(0).ub(0).ub(0); // OS error, statement, call number, padding, success iterations, oerrdd
            ub(0).ub(0).ub(0); // batch errors, offsets, messages
            ub(number).ub(rowCount);
            if (number != 0) {
                clr(message.getBytes(StandardCharsets.UTF_8));
            }
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
