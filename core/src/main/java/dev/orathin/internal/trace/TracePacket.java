package dev.orathin.internal.trace;

/**
 * One packet of a trace file, as written: a whole TNS packet, a TTC payload (orathin's own trace
 * and published payloads), a header-less packet body, a fragment, a MARKER body or a redacted line.
 *
 * @param index 1-based position in the trace
 * @param line line of the trace where the packet starts
 * @param direction {@code client} (sent by the client) or {@code server}
 * @param form what the bytes are
 * @param dataFlags the DATA flags when the trace gives them apart from the bytes, else -1
 * @param bytes the bytes
 * @param note the trace's own words about the packet (block header, trace line)
 */
public record TracePacket(int index, int line, String direction, Form form, int dataFlags, byte[] bytes, String note) {

    /** What the bytes of a trace packet are. */
    public enum Form {
        /** A whole TNS packet, header included. */
        TNS,
        /** The TTC payload of a DATA packet (after header and data flags). */
        TTC_PAYLOAD,
        /** A packet body without its 8-byte TNS header (published ACCEPT payloads). */
        BODY_ONLY,
        /** A slice of a packet at an unknown or partial position. */
        FRAGMENT,
        /** A MARKER body ({@code 01 00 type}). */
        MARKER,
        /** An authentication packet the trace writer redacted. */
        REDACTED
    }

    /** True for packets the server sent. */
    public boolean fromServer() {
        return direction.equals("server");
    }

    /** Index, line, direction, form and length: never the bytes. */
    @Override
    public String toString() {
        return "TracePacket[#" + index + " line " + line + " " + direction + " " + form + " " + bytes.length + " bytes]";
    }
}
