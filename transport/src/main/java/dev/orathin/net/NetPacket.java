package dev.orathin.net;

import java.util.Arrays;

/**
 * One Oracle Net packet received on an open session: a DATA packet (TTC bytes) or a MARKER.
 *
 * @param type the TNS packet type (6 DATA, 12 MARKER, see {@link #TYPE_DATA}, {@link #TYPE_MARKER})
 * @param flags the TNS packet flags (header byte 5)
 * @param dataFlags the DATA packet's 16-bit data flags; 0 for other packet types
 * @param payload DATA: the bytes after the data flags; MARKER: the marker body
 */
public record NetPacket(int type, int flags, int dataFlags, byte[] payload) {

    /** TNS packet type DATA. */
    public static final int TYPE_DATA = 6;
    /** TNS packet type MARKER. */
    public static final int TYPE_MARKER = 12;

    /** Canonical constructor: keeps its own copy of nothing; callers must not mutate {@code payload}. */
    public NetPacket {
        if (payload == null) {
            payload = new byte[0];
        }
    }

    /** True for a DATA packet. */
    public boolean isData() {
        return type == TYPE_DATA;
    }

    /** True for a MARKER packet. */
    public boolean isMarker() {
        return type == TYPE_MARKER;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetPacket p && p.type == type && p.flags == flags && p.dataFlags == dataFlags
                && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * type + flags) + dataFlags) + Arrays.hashCode(payload);
    }

    /** Shows type, flags and length only: payloads may carry authentication data. */
    @Override
    public String toString() {
        return "NetPacket[type=" + type + ", flags=0x" + Integer.toHexString(flags) + ", dataFlags=0x"
                + Integer.toHexString(dataFlags) + ", length=" + payload.length + "]";
    }
}
