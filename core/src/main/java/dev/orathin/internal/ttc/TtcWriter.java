package dev.orathin.internal.ttc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a TTC request in memory with the universal integer and length encodings of
 * protocol.md §0.1: {@code ub2/ub4/ub8} as a length byte plus the shortest big-endian form,
 * CLR byte strings (inline up to 252 bytes, else chunked), "two-lengths" and key/value pairs.
 */
public final class TtcWriter {

    /** Largest CLR length written inline; 253 and more are chunked (0xFD..0xFF are special). */
    public static final int MAX_SHORT_LENGTH = 252;
    /** CLR long-form indicator. */
    public static final int LONG_LENGTH_INDICATOR = 0xFE;
    /** Chunk size of the long form (python's TNS_CHUNK_SIZE). */
    public static final int CHUNK_SIZE = 32767;

    private byte[] buf = new byte[256];
    private int len;

    /** Bytes written so far. */
    public int length() {
        return len;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    /** One raw byte. */
    public TtcWriter ub1(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    /** Raw bytes. */
    public TtcWriter raw(byte[] b) {
        return raw(b, 0, b.length);
    }

    /** A slice of raw bytes. */
    public TtcWriter raw(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** Fixed big-endian 16-bit. */
    public TtcWriter uint16be(int v) {
        return ub1(v >>> 8).ub1(v);
    }

    /** Fixed little-endian 16-bit. */
    public TtcWriter uint16le(int v) {
        return ub1(v).ub1(v >>> 8);
    }

    /** Fixed big-endian 32-bit. */
    public TtcWriter uint32be(long v) {
        return uint16be((int) (v >>> 16)).uint16be((int) v);
    }

    /** Universal unsigned integer (ub2, ub4, ub8): length byte then 1, 2, 4 or 8 big-endian bytes; 0 is one byte 00. */
    public TtcWriter ub(long v) {
        if (v == 0) {
            return ub1(0);
        }
        int n = (v & ~0xFFL) == 0 ? 1 : (v & ~0xFFFFL) == 0 ? 2 : (v & ~0xFFFFFFFFL) == 0 ? 4 : 8;
        ub1(n);
        for (int i = n - 1; i >= 0; i--) {
            ub1((int) (v >>> (8 * i)));
        }
        return this;
    }

    /** Universal signed integer: the length byte carries 0x80 for negatives. */
    public TtcWriter sb(long v) {
        if (v >= 0) {
            return ub(v);
        }
        long m = -v;
        int n = (m & ~0xFFL) == 0 ? 1 : (m & ~0xFFFFL) == 0 ? 2 : (m & ~0xFFFFFFFFL) == 0 ? 4 : 8;
        ub1(0x80 | n);
        for (int i = n - 1; i >= 0; i--) {
            ub1((int) (m >>> (8 * i)));
        }
        return this;
    }

    /** CLR: NULL/empty as one 00 byte, up to 252 bytes inline, longer chunked (0xFE, ub4 chunk length + chunk, ub4 0). */
    public TtcWriter clr(byte[] b) {
        if (b == null || b.length == 0) {
            return ub1(0);
        }
        if (b.length <= MAX_SHORT_LENGTH) {
            return ub1(b.length).raw(b);
        }
        ub1(LONG_LENGTH_INDICATOR);
        for (int off = 0; off < b.length; off += CHUNK_SIZE) {
            int n = Math.min(CHUNK_SIZE, b.length - off);
            ub(n).raw(b, off, n);
        }
        return ub(0);
    }

    /** "Two-lengths": ub4 length, then (if > 0) the CLR of the bytes. */
    public TtcWriter twoLengths(byte[] b) {
        if (b == null || b.length == 0) {
            return ub(0);
        }
        return ub(b.length).clr(b);
    }

    /** A TTC key/value pair of the authentication messages: two-lengths key, two-lengths value, ub4 flags. */
    public TtcWriter keyValue(String key, String value, int flags) {
        twoLengths(key.getBytes(StandardCharsets.UTF_8));
        twoLengths(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        return ub(flags);
    }

    /** A string as CLR of its UTF-8 bytes. */
    public TtcWriter str(String s) {
        return clr(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }
}
