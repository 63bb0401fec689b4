package dev.orathin.net.internal.packet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Encoders for the packets the client sends and decoders for the listener's answers (protocol.md §2–§3, §9). */
public final class Packets {

    /** Version we ask for (python, node and ojdbc ask for 319). */
    public static final int VERSION_DESIRED = 319;
    /** Lowest version we accept in CONNECT. */
    public static final int VERSION_LOWEST = 300;
    /** Connect data longer than this goes in a DATA packet after the CONNECT (protocol.md §2.1). */
    public static final int MAX_INLINE_CONNECT_DATA = 230;
    /** NSI flags: supports security renegotiation + NA disabled (python-oracledb's 0x84). */
    private static final int NSI_FLAGS = 0x84;
    private static final int NT_CHARACTERISTICS = 0x4F98;
    /** ACCEPT flags2 bits (protocol.md §3.1). */
    public static final long ACCEPT_FLAG_FAST_AUTH = 0x10000000L, ACCEPT_FLAG_END_OF_RESPONSE = 0x02000000L;
    /** ACCEPT NSI flags0 bit: the server requires native network encryption / integrity. */
    public static final int NSI_NA_REQUIRED = 0x10;

    private static final Pattern ERR = Pattern.compile("\\(\\s*ERR\\s*=\\s*(\\d+)\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE = Pattern.compile("\\(\\s*CODE\\s*=\\s*(\\d+)\\s*\\)", Pattern.CASE_INSENSITIVE);

    private Packets() {
    }

    /**
     * CONNECT (always a 2-byte length) and, for connect data over 230 bytes, the DATA packet that
     * carries it.
     */
    public static List<byte[]> connect(String connectData, int sdu, boolean redirected) {
        byte[] data = connectData.getBytes(StandardCharsets.US_ASCII);
        boolean inline = data.length <= MAX_INLINE_CONNECT_DATA;
        ByteBuffer b = ByteBuffer.allocate(74 + (inline ? data.length : 0));
        b.putShort((short) b.capacity()).putShort((short) 0).put((byte) TnsPacket.CONNECT)
                .put((byte) (redirected ? TnsPacket.FLAG_REDIRECTED_CONNECT : 0)).putShort((short) 0);
        int sdu16 = Math.min(sdu, 65535);
        b.putShort((short) VERSION_DESIRED).putShort((short) VERSION_LOWEST).putShort((short) 0x0001)
                .putShort((short) sdu16).putShort((short) sdu16).putShort((short) NT_CHARACTERISTICS).putShort((short) 0)
                .putShort((short) 1).putShort((short) data.length).putShort((short) 74).putInt(0)
                .put((byte) NSI_FLAGS).put((byte) NSI_FLAGS).put(new byte[24]).putInt(sdu).putInt(sdu).putInt(0).putInt(0);
        List<byte[]> out = new ArrayList<>(2);
        if (inline) {
            b.put(data);
            out.add(b.array());
        } else {
            out.add(b.array());
            out.add(data(0, data, 0, data.length, false));
        }
        return out;
    }

    /** A DATA packet: header, data flags, payload slice. */
    public static byte[] data(int dataFlags, byte[] payload, int off, int len, boolean large) {
        byte[] p = header(TnsPacket.DATA, 0, 10 + len, large);
        p[8] = (byte) (dataFlags >>> 8);
        p[9] = (byte) dataFlags;
        System.arraycopy(payload, off, p, 10, len);
        return p;
    }

    /** A MARKER packet (protocol.md §9): {@code 01 00 type}. */
    public static byte[] marker(int markerType, boolean large) {
        byte[] p = header(TnsPacket.MARKER, 0, 11, large);
        p[8] = 1;
        p[10] = (byte) markerType;
        return p;
    }

    // The testkit frames packets with code of its own (TnsWire), on purpose: it referees this one.
    private static byte[] header(int type, int flags, int length, boolean large) {
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
        return p;
    }

    /**
     * The fields of an ACCEPT the client acts on (protocol.md §3.1).
     *
     * @param version negotiated version
     * @param options global service options
     * @param sdu negotiated SDU
     * @param nsiFlags0 NSI flags byte 0
     * @param flags2 accept flags 2 (0 below version 318)
     */
    public record Accept(int version, int options, int sdu, int nsiFlags0, long flags2) {
        /** Decodes an ACCEPT. */
        public static Accept decode(TnsPacket p) {
            // the fields read below: up to byte 22, and the 4-byte SDU at 32 from version 315 on
            int need = p.length() < 10 ? 10 : p.u16(8) >= TnsFrameDecoder.MIN_LARGE_SDU_VERSION ? 36 : 23;
            if (p.length() < need) {
                throw new TnsPacket.MalformedPacketException("ACCEPT of " + p.length() + " bytes (expected at least " + need + ")");
            }
            int version = p.u16(8);
            int options = p.u16(10);
            int sdu = version >= TnsFrameDecoder.MIN_LARGE_SDU_VERSION ? (int) p.u32(32) : p.u16(12);
            long flags2 = version >= 318 && p.length() >= 45 ? p.u32(41) : 0;
            return new Accept(version, options, sdu, p.u8(22), flags2);
        }
    }

    /**
     * A REFUSE: the error number from its text and the text itself (protocol.md §3.2).
     *
     * @param error the (ERR=n) or ERROR/CODE number, 0 if none
     * @param text the refuse data
     */
    public record Refuse(int error, String text) {
        /** Decodes a REFUSE. */
        public static Refuse decode(TnsPacket p) {
            int len = p.length() >= 12 ? p.u16(10) : 0;
            byte[] t = p.tail(12);
            String text = new String(t, 0, Math.min(len, t.length), StandardCharsets.US_ASCII);
            Matcher m = ERR.matcher(text);
            if (m.find()) {
                return new Refuse(parse(m.group(1)), text);
            }
            m = CODE.matcher(text);
            return new Refuse(m.find() ? parse(m.group(1)) : 0, text);
        }

        private static int parse(String digits) {
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /**
     * A REDIRECT's data: the new address and, when present, new connect data (protocol.md §3.3).
     *
     * @param address the address descriptor text
     * @param connectData the new connect data, or {@code null} to resend the original
     */
    public record Redirect(String address, String connectData) {
        /** Splits {@code address \0 connect-data}. */
        public static Redirect parse(String data) {
            int nul = data.indexOf('\0');
            return nul < 0 ? new Redirect(data, null) : new Redirect(data.substring(0, nul), data.substring(nul + 1));
        }
    }
}
