package dev.orathin.testkit.internal.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads and writes raw TNS packets on a blocking stream: the testkit's own framing, independent of
 * the client's codecs.
 *
 * <p>Header (protocol.md §1.1): bytes 0..1 length (or 0..3 once a version >= 315 has been
 * accepted), byte 4 type, byte 5 flags, bytes 6..7 header checksum (0).
 */
public final class TnsWire {

    /** Packet types used by the listener (protocol.md §1.2). */
    public static final int CONNECT = 1, ACCEPT = 2, REFUSE = 4, REDIRECT = 5, DATA = 6, RESEND = 11,
            MARKER = 12, CONTROL = 14;

    /** Largest packet we accept from a client, whatever the length form (node uses the same bound). */
    static final int MAX_PACKET = 2_097_152;

    private InputStream in;
    private OutputStream out;
    private boolean largeLengths;
    private final PacketListener listener;

    /** Observer of every packet read or written (the recorder). */
    public interface PacketListener {
        /** Called with the whole packet, header included. */
        void packet(boolean inbound, byte[] packet);
    }

    public TnsWire(InputStream in, OutputStream out, PacketListener listener) {
        this.in = in;
        this.out = out;
        this.listener = listener;
    }

    /** Switches the streams after a new TLS layer was put on the socket. */
    public void rebind(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** After an ACCEPT with version >= 315 both sides use 4-byte lengths (protocol.md §1.1). */
    public void useLargeLengths(boolean on) {
        this.largeLengths = on;
    }

    /** Reads one whole packet; returns {@code null} at a clean end of stream before a header. */
    public RawPacket read() throws IOException {
        byte[] header = new byte[8];
        int first = in.read();
        if (first < 0) {
            return null;
        }
        header[0] = (byte) first;
        readFully(header, 1, 7);
        int length = largeLengths
                ? ((header[0] & 0xFF) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8) | (header[3] & 0xFF)
                : ((header[0] & 0xFF) << 8) | (header[1] & 0xFF);
        if (length < 8 || length > MAX_PACKET) {
            throw new IOException("malformed TNS packet: length " + length + " (expected 8.." + MAX_PACKET + ")");
        }
        byte[] packet = new byte[length];
        System.arraycopy(header, 0, packet, 0, 8);
        readFully(packet, 8, length - 8);
        listener.packet(true, packet);
        return new RawPacket(packet[4] & 0xFF, packet[5] & 0xFF, packet);
    }

    /** Writes a packet of the given type and flags whose body (after the 8-byte header) is {@code body}. */
    public void write(int type, int flags, byte[] body) throws IOException {
        out.write(frame(type, flags, body, largeLengths));
        out.flush();
    }

    // Looks like transport's Packets.header on purpose: the testkit keeps codecs of its own so it can referee the client.
    /** Builds a framed packet. */
    public byte[] frame(int type, int flags, byte[] body, boolean large) {
        int length = 8 + body.length;
        byte[] p = new byte[length];
        if (large) {
            p[0] = (byte) (length >>> 24);
            p[1] = (byte) (length >>> 16);
            p[2] = (byte) (length >>> 8);
            p[3] = (byte) length;
        } else {
            p[0] = (byte) (length >>> 8);
            p[1] = (byte) length;
        }
        p[4] = (byte) type;
        p[5] = (byte) flags;
        System.arraycopy(body, 0, p, 8, body.length);
        listener.packet(false, p);
        return p;
    }

    /** Writes already framed bytes (used by faults that send raw or partial data). */
    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** True once 4-byte lengths are in use. */
    public boolean largeLengths() {
        return largeLengths;
    }

    private void readFully(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = in.read(b, off, len);
            if (n < 0) {
                throw new EOFException("connection closed inside a TNS packet");
            }
            off += n;
            len -= n;
        }
    }

    /**
     * One packet as received.
     *
     * @param type packet type (header byte 4)
     * @param flags packet flags (header byte 5)
     * @param bytes the whole packet, header included
     */
    public record RawPacket(int type, int flags, byte[] bytes) {

        /** Big-endian unsigned 16-bit value at {@code offset}. */
        public int u16(int offset) {
            return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
        }

        /** Big-endian unsigned 32-bit value at {@code offset} (as long to stay unsigned). */
        public long u32(int offset) {
            return ((long) u16(offset) << 16) | u16(offset + 2);
        }

        /** Bytes from {@code from} to the end. */
        public byte[] tail(int from) {
            byte[] t = new byte[Math.max(0, bytes.length - from)];
            System.arraycopy(bytes, Math.min(from, bytes.length), t, 0, t.length);
            return t;
        }
    }
}
