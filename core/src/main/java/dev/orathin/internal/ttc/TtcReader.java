package dev.orathin.internal.ttc;

import dev.orathin.CoreErrorCode;
import dev.orathin.OrathinProtocolException;
import dev.orathin.net.NetPacket;
import dev.orathin.net.NetSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads TTC values from the DATA packets of a {@link NetSession}, pulling the next packet when the
 * current one runs out (a message may span packets; protocol.md §1.4). A MARKER arriving instead
 * of data raises {@link MarkerException} so the caller can run the reset exchange (§9).
 */
public final class TtcReader {

    /** A MARKER packet met where data was expected. */
    public static final class MarkerException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int markerType;

        MarkerException(int markerType) {
            super("marker " + markerType, null, false, false);
            this.markerType = markerType;
        }

        /** 1 break, 2 reset, 3 interrupt. */
        public int markerType() {
            return markerType;
        }
    }

    /** Source of packets: the session, or a fixed buffer in tests. */
    @FunctionalInterface
    public interface PacketSource {
        /** The next packet. */
        NetPacket next();
    }

    /** Lengths above this are read incrementally instead of allocated up front. */
    private static final int LARGE = 1 << 20;

    private final PacketSource source;
    private byte[] buf = new byte[0];
    private int pos;
    private int lastDataFlags;
    private boolean started;

    /** Reads from {@code session}, each wait bounded by {@code timeout}. */
    public TtcReader(NetSession session, Duration timeout) {
        this(() -> session.receive(timeout));
    }

    /** Reads from any packet source. */
    public TtcReader(PacketSource source) {
        this.source = source;
    }

    /** Drops what is left of the current packet (start of a new response). */
    public void reset() {
        buf = new byte[0];
        pos = 0;
    }

    /** True when the current packet is consumed. */
    public boolean exhausted() {
        return pos >= buf.length;
    }

    /** Offset of the next byte in the current packet's payload (trace decoding: where a message starts). */
    public int offset() {
        return pos;
    }

    /** Data flags of the last DATA packet read. */
    public int lastDataFlags() {
        return lastDataFlags;
    }

    private void fill() {
        while (pos >= buf.length) {
            NetPacket p = source.next();
            if (p.isMarker()) {
                byte[] m = p.payload();
                throw new MarkerException(m.length >= 3 ? m[2] & 0xFF : 0);
            }
            lastDataFlags = p.dataFlags();
            buf = p.payload();
            pos = 0;
            started = true;
        }
    }

    /** True once a DATA packet was taken from the source (the reply has started). */
    public boolean started() {
        return started;
    }

    /** One byte, unsigned. */
    public int ub1() {
        fill();
        return buf[pos++] & 0xFF;
    }

    /** Raw bytes. */
    public byte[] raw(int n) {
        if (n < 0) {
            throw malformed("negative length " + n);
        }
        if (n > LARGE) {
            // a length from the wire: allocate as the bytes arrive, so a corrupt length ends in the read timeout, not OOM
            ByteArrayOutputStream big = new ByteArrayOutputStream(LARGE);
            int left = n;
            while (left > 0) {
                fill();
                int k = Math.min(left, buf.length - pos);
                big.write(buf, pos, k);
                pos += k;
                left -= k;
            }
            return big.toByteArray();
        }
        byte[] out = new byte[n];
        int off = 0;
        while (off < n) {
            fill();
            int k = Math.min(n - off, buf.length - pos);
            System.arraycopy(buf, pos, out, off, k);
            pos += k;
            off += k;
        }
        return out;
    }

    /** Skips {@code n} bytes. */
    public void skip(int n) {
        raw(n);
    }

    /** Fixed big-endian 16-bit. */
    public int uint16be() {
        return (ub1() << 8) | ub1();
    }

    /** Fixed little-endian 16-bit. */
    public int uint16le() {
        return ub1() | (ub1() << 8);
    }

    /** Fixed big-endian 32-bit. */
    public long uint32be() {
        return ((long) uint16be() << 16) | uint16be();
    }

    /**
     * Universal unsigned integer (1..8 bytes after the length byte). A sign bit on the length byte
     * is ignored: some servers set it on unsigned fields whose C value is negative.
     */
    public long ub() {
        return magnitude(ub1() & 0x7F);
    }

    /** Universal unsigned integer that must fit an int. */
    public int ub4() {
        long v = ub();
        // eight length bytes can carry 2^63 and above, which arrives here negative (found by TtcFuzzTests)
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw malformed("value " + Long.toUnsignedString(v) + " exceeds the 32-bit range");
        }
        return (int) v;
    }

    /** Universal signed integer: bit 0x80 of the length byte means negative. */
    public long sb() {
        int n = ub1();
        long v = magnitude(n & 0x7F);
        return (n & 0x80) != 0 ? -v : v;
    }

    /** The {@code n} big-endian bytes after a universal integer's length byte. */
    private long magnitude(int n) {
        if (n > 8) {
            throw malformed("integer length " + n + " (expected 0..8)");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | ub1();
        }
        return v;
    }

    /** CLR bytes: null for NULL (0 or 0xFF), inline, or the chunked long form. */
    public byte[] clr() {
        int n = ub1();
        if (n == 0 || n == 0xFF) {
            return null;
        }
        if (n != TtcWriter.LONG_LENGTH_INDICATOR) {
            return raw(n);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int chunk = ub4();
            if (chunk == 0) {
                return out.toByteArray();
            }
            out.writeBytes(raw(chunk));
        }
    }

    /** "Two-lengths": ub4 length, then the CLR when > 0; null for 0. */
    public byte[] twoLengths() {
        int n = ub4();
        return n == 0 ? null : clr();
    }

    /** Continues with {@code p} as the current packet (after a break/reset, the packet carrying the error). */
    public void push(NetPacket p) {
        lastDataFlags = p.dataFlags();
        buf = p.payload();
        pos = 0;
    }

    /** Skips a "bytes with length" field: ub4 length, then (if > 0) a CLR. */
    public void twoLengthsSkip() {
        twoLengths();
    }

    /** A CLR decoded as UTF-8, null for NULL. */
    public String str() {
        byte[] b = clr();
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** A null-terminated string (PROTOCOL reply banner). */
    public String nulTerminated() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int c; (c = ub1()) != 0; ) {
            out.write(c);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static OrathinProtocolException malformed(String what) {
        return new OrathinProtocolException(CoreErrorCode.MALFORMED_MESSAGE, "TTC: " + what);
    }
}
