package dev.orathin.net.internal.packet;

import java.util.Arrays;

/**
 * One whole Oracle Net packet as received (header included), with typed views. Packet types and
 * flags follow protocol.md §1.2–1.3.
 *
 * @param type packet type (header byte 4)
 * @param flags packet flags (header byte 5)
 * @param bytes the whole packet
 */
public record TnsPacket(int type, int flags, byte[] bytes) {

    /** CONNECT. */
    public static final int CONNECT = 1;
    /** ACCEPT. */
    public static final int ACCEPT = 2;
    /** REFUSE. */
    public static final int REFUSE = 4;
    /** REDIRECT. */
    public static final int REDIRECT = 5;
    /** DATA. */
    public static final int DATA = 6;
    /** RESEND. */
    public static final int RESEND = 11;
    /** MARKER. */
    public static final int MARKER = 12;
    /** CONTROL. */
    public static final int CONTROL = 14;

    /** RESEND flag: run a new TLS handshake before resending the CONNECT (protocol.md §3.4). */
    public static final int FLAG_TLS_RENEG = 0x08;
    /** REDIRECT flag: the redirect data is {@code address \0 connect-data} (protocol.md §3.3). */
    public static final int FLAG_REDIRECT_DATA = 0x02;
    /** CONNECT flag: this connect follows a redirect. */
    public static final int FLAG_REDIRECTED_CONNECT = 0x04;
    /** DATA flag: end of session. */
    public static final int DATA_FLAG_EOF = 0x0040;

    /** Length of the packet. */
    public int length() {
        return bytes.length;
    }

    /** Unsigned big-endian 16-bit value at {@code offset}, or fails as a malformed packet. */
    public int u16(int offset) {
        require(offset + 2);
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }

    /** Unsigned big-endian 32-bit value at {@code offset} (as long). */
    public long u32(int offset) {
        return ((long) u16(offset) << 16) | u16(offset + 2);
    }

    /** Byte at {@code offset}, unsigned. */
    public int u8(int offset) {
        require(offset + 1);
        return bytes[offset] & 0xFF;
    }

    /** Bytes from {@code from} to the end (empty if beyond). */
    public byte[] tail(int from) {
        return from >= bytes.length ? new byte[0] : Arrays.copyOfRange(bytes, from, bytes.length);
    }

    /** For DATA packets: the data flags. */
    public int dataFlags() {
        return bytes.length >= 10 ? u16(8) : 0;
    }

    private void require(int end) {
        if (end > bytes.length) {
            throw new MalformedPacketException("packet type " + type + " is " + bytes.length + " bytes; field needs " + end);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TnsPacket p && p.type == type && p.flags == flags && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type + flags) + Arrays.hashCode(bytes);
    }

    /** Type, flags and length only: payloads may carry authentication data. */
    @Override
    public String toString() {
        return "TnsPacket[type=" + type + ", flags=0x" + Integer.toHexString(flags) + ", length=" + bytes.length + "]";
    }

    /** A packet that violates the Oracle Net format (turned into OTN-4001 by the session). */
    public static final class MalformedPacketException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** With a description of what was wrong. */
        public MalformedPacketException(String message) {
            super(message);
        }
    }
}
