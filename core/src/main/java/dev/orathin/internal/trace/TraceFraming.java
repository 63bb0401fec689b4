package dev.orathin.internal.trace;

import static dev.orathin.internal.trace.TraceDecoder.tnsName;
import static dev.orathin.internal.trace.TraceSession.hex;
import static dev.orathin.internal.trace.TraceSession.markerName;
import static dev.orathin.internal.trace.TraceSession.redactConnect;
import static dev.orathin.internal.trace.TraceSession.u16;
import static dev.orathin.internal.trace.TraceSession.u32;

import dev.orathin.internal.trace.TraceDecoder.Outcome;
import dev.orathin.internal.trace.TraceDecoder.PacketResult;
import dev.orathin.internal.trace.TraceSession.Unit;
import dev.orathin.CoreErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The TNS layer of a traced packet: header, length field, and the packets settled without TTC (CONNECT, ACCEPT, REFUSE, ...). */
final class TraceFraming {

    private TraceFraming() {
    }

    /** Reads the TNS layer of a packet; TNS-only packets are fully handled here ({@code early}). */
    static Unit frame(TraceSession s, TracePacket p) {
        Map<String, Object> h = new LinkedHashMap<>();
        byte[] b = p.bytes();
        switch (p.form()) {
            case REDACTED -> {
                return early(p, "DATA(6)", h, Outcome.NOT_DECODABLE, null, "redacted by the trace writer (authentication)");
            }
            case FRAGMENT -> {
                return early(p, "fragment", h, Outcome.NOT_DECODABLE, null,
                        "a slice at an unknown position in its packet: no message boundary to start from");
            }
            case MARKER -> {
                h.put("marker", markerName(b.length >= 3 ? b[2] & 0xFF : -1));
                return new Unit(p, 12, 0, 0, b, h, null);
            }
            case TTC_PAYLOAD -> {
                if (p.dataFlags() >= 0) {
                    h.put("dataFlags", hex(p.dataFlags()));
                }
                return new Unit(p, 6, 0, Math.max(p.dataFlags(), 0), b, h, null);
            }
            case BODY_ONLY -> {
                if (!p.note().contains("ACCEPT")) {
                    return early(p, "body", h, Outcome.NOT_DECODABLE, null, "packet body without its header, not an ACCEPT");
                }
                byte[] full = new byte[b.length + 8];
                full[4] = 2;
                System.arraycopy(b, 0, full, 8, b.length);
                return early(p, "ACCEPT(2) body", accept(s, full, h), Outcome.DECODED, null, null);
            }
            case TNS -> {
                // handled below
            }
        }
        if (b.length < 8) {
            return early(p, "?", h, Outcome.UNACCOUNTED, CoreErrorCode.MALFORMED_MESSAGE.code(), "shorter than a TNS header ("
                    + b.length + " bytes)");
        }
        int type = b[4] & 0xFF;
        int flags = b[5] & 0xFF;
        // CONNECT always carries a 2-byte length; after an ACCEPT >= 315 both directions use 4 bytes
        long length = s.largeLengths && type != 1 ? u32(b, 0) : u16(b, 0);
        h.put("length", length);
        if (flags != 0) {
            h.put("flags", hex(flags));
        }
        String name = tnsName(type);
        if (length != b.length) {
            return early(p, name, h, Outcome.UNACCOUNTED, CoreErrorCode.MALFORMED_MESSAGE.code(), "length field " + length + " but the"
                    + " packet has " + b.length + " bytes (" + (s.largeLengths ? "4" : "2") + "-byte length field)");
        }
        switch (type) {
            case 1 -> {
                s.newSession();
                h.put("version", u16(b, 8));
                int dl = b.length >= 28 ? u16(b, 24) : 0;
                int off = b.length >= 28 ? u16(b, 26) : 0;
                h.put("connectDataLength", dl);
                if (off > 0 && off + dl <= b.length) {
                    h.put("connectData", redactConnect(new String(b, off, dl, StandardCharsets.US_ASCII)));
                } else if (dl > 0) {
                    h.put("connectData", "follows in a DATA packet");
                }
                return early(p, name, h, Outcome.REQUEST, null, null);
            }
            case 2 -> {
                return early(p, name, accept(s, b, h), Outcome.DECODED, null, null);
            }
            case 4 -> {
                h.put("userReason", b.length > 8 ? b[8] & 0xFF : 0);
                h.put("systemReason", b.length > 9 ? b[9] & 0xFF : 0);
                int dl = b.length >= 12 ? u16(b, 10) : 0;
                h.put("text", new String(b, Math.min(12, b.length), Math.min(dl, Math.max(0, b.length - 12)), StandardCharsets.US_ASCII));
                return early(p, name, h, Outcome.DECODED, null, null);
            }
            case 5 -> {
                int dl = b.length >= 10 ? u16(b, 8) : 0;
                h.put("dataLength", dl);
                if (b.length >= 10 + dl && dl > 0) {
                    h.put("redirectData", new String(b, 10, dl, StandardCharsets.US_ASCII));
                } else {
                    h.put("redirectData", "follows in the next packet");
                    s.redirectDataFollows = true;
                }
                return early(p, name, h, Outcome.DECODED, null, null);
            }
            case 11 -> {
                return early(p, name, h, p.fromServer() ? Outcome.DECODED : Outcome.REQUEST, null, null);
            }
            case 12 -> {
                h.put("marker", markerName(b.length >= 11 ? b[10] & 0xFF : -1));
                return new Unit(p, 12, flags, 0, Arrays.copyOfRange(b, 8, b.length), h, null);
            }
            case 14 -> {
                h.put("command", b.length >= 10 ? u16(b, 8) : -1);
                return early(p, name, h, p.fromServer() ? Outcome.DECODED : Outcome.REQUEST, null, null);
            }
            case 6 -> {
                int df = b.length >= 10 ? u16(b, 8) : 0;
                h.put("dataFlags", hex(df));
                byte[] payload = b.length > 10 ? Arrays.copyOfRange(b, 10, b.length) : new byte[0];
                if (s.redirectDataFollows && p.fromServer()) {
                    s.redirectDataFollows = false;
                    h.put("redirectData", new String(payload, StandardCharsets.US_ASCII));
                    return early(p, name, h, Outcome.DECODED, null, null);
                }
                if (!p.fromServer() && !s.accepted) {
                    h.put("connectData", redactConnect(new String(payload, StandardCharsets.US_ASCII)));
                    return early(p, name, h, Outcome.REQUEST, null, null);
                }
                if ((df & 0x0040) != 0 && payload.length == 0) {
                    h.put("eof", true);
                    return early(p, name, h, p.fromServer() ? Outcome.DECODED : Outcome.REQUEST, null, null);
                }
                if (payload.length >= 4 && (payload[0] & 0xFF) == 0xDE && (payload[1] & 0xFF) == 0xAD && (payload[2] & 0xFF) == 0xBE
                        && (payload[3] & 0xFF) == 0xEF) {
                    h.put("ano", "native network encryption / integrity negotiation");
                    return early(p, name, h, p.fromServer() ? Outcome.REFUSED : Outcome.REQUEST, "OTN-4022",
                            "ANO (native network encryption and checksumming): orathin does not negotiate it and refuses a"
                                    + " server that requires it (OTN-4022 NATIVE_ENCRYPTION_REQUIRED)");
                }
                return new Unit(p, 6, flags, df, payload, h, null);
            }
            default -> {
                return early(p, name, h, Outcome.UNACCOUNTED, "OTN-4001", "unknown TNS packet type " + type);
            }
        }
    }

    static Map<String, Object> accept(TraceSession s, byte[] b, Map<String, Object> h) {
        int version = u16(b, 8);
        h.put("version", version);
        h.put("options", hex(u16(b, 10)));
        h.put("sdu", version >= 315 && b.length >= 36 ? u32(b, 32) : u16(b, 12));
        if (b.length > 22) {
            h.put("nsiFlags0", hex(b[22] & 0xFF));
        }
        long flags2 = version >= 318 && b.length >= 45 ? u32(b, 41) : 0;
        if (flags2 != 0) {
            h.put("flags2", "0x" + Long.toHexString(flags2));
        }
        h.put("fastAuth", (flags2 & 0x10000000L) != 0);
        h.put("endOfResponse", (flags2 & 0x02000000L) != 0);
        s.endOfResponse = (flags2 & 0x02000000L) != 0;
        if (b[4] == 2 && b.length >= 10) {
            s.largeLengths = version >= 315;
            s.accepted = true;
        }
        return h;
    }

    static Unit early(TracePacket p, String tns, Map<String, Object> h, Outcome o, String code, String detail) {
        return new Unit(p, -1, 0, 0, new byte[0], h, new PacketResult(p, tns, h, List.of(), o, code, detail));
    }
}
