package dev.orathin.internal.trace;

import dev.orathin.internal.trace.TraceDecoder.Message;
import dev.orathin.internal.trace.TraceDecoder.PacketResult;
import dev.orathin.internal.trace.TraceDecoder.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows a {@link Report} one packet at a time: direction, TNS type and header fields, then each TTC
 * message starting in the packet with its offset and decoded fields; a packet that was refused or
 * could not be accounted for says so with its OTN code, where and why. Authentication values were
 * never kept by the decoder, so they cannot appear here.
 */
public final class TraceRenderer {

    private TraceRenderer() {
    }

    /** Plain text, one block per packet. */
    public static String text(Report rep) {
        StringBuilder b = new StringBuilder();
        for (PacketResult p : rep.packets()) {
            b.append('#').append(p.packet().index()).append(' ').append(p.packet().fromServer() ? "server → client" : "client → server")
                    .append("  ").append(p.tns()).append("  ").append(p.outcome());
            if (p.code() != null) {
                b.append(' ').append(p.code());
            }
            b.append("  (line ").append(p.packet().line()).append(", ").append(p.packet().bytes().length).append(" bytes)\n");
            if (!p.header().isEmpty()) {
                b.append("    ").append(fields(p.header())).append('\n');
            }
            for (Message m : p.messages()) {
                b.append("    @").append(m.offset()).append(' ').append(m.name());
                if (!m.fields().isEmpty()) {
                    b.append("  ").append(fields(m.fields()));
                }
                b.append('\n');
            }
            if (p.detail() != null) {
                b.append("    ").append(p.outcome() == TraceDecoder.Outcome.REFUSED ? "refused: " : p.outcome() == TraceDecoder.Outcome
                        .NOT_DECODABLE ? "not decodable: " : "not accounted for: ").append(p.detail()).append('\n');
            }
        }
        b.append(summary(rep)).append('\n');
        return b.toString();
    }

    /** One line: how many server packets ended how. */
    public static String summary(Report rep) {
        List<String> parts = new ArrayList<>();
        for (TraceDecoder.Outcome o : TraceDecoder.Outcome.values()) {
            long n = rep.serverPackets(o);
            if (n > 0) {
                parts.add(n + " " + o.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        return rep.packets().size() + " packets; server packets: " + (parts.isEmpty() ? "none" : String.join(", ", parts))
                + (rep.clientName() == null ? "" : "; client " + rep.clientName()) + "; field version " + rep.fieldVersion()
                + representationNote(rep.clientName());
    }

    /**
     * Why replies to some clients stop early: a server writes in the representation its client
     * negotiated, and orathin reads the one it negotiates itself (single-byte SB1, universal integers).
     */
    static String representationNote(String client) {
        if (client == null || client.startsWith("python-oracledb") || client.startsWith("node-oracledb")
                || client.startsWith(dev.orathin.internal.ttc.Negotiation.DRIVER_NAME)) {
            return "";
        }
        if (client.startsWith("Java_TTC")) {
            return "\nnote: ojdbc announces SB1 in universal form, so the server writes NUMBER scales length-prefixed; orathin"
                    + " announces (and reads) single bytes, so describes of this session stop with a typed OTN-5001";
        }
        return "\nnote: an OCI client (" + client + ") negotiates its native integer encoding; orathin announces and reads"
                + " universal integers, so replies of this session stop with a typed OTN-5001/5002 where that encoding starts";
    }

    /** The report as maps and lists (for a JSON writer). */
    public static Map<String, Object> tree(Report rep) {
        List<Object> packets = new ArrayList<>();
        for (PacketResult p : rep.packets()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", p.packet().index());
            m.put("line", p.packet().line());
            m.put("direction", p.packet().direction());
            m.put("form", p.packet().form().name());
            m.put("length", p.packet().bytes().length);
            m.put("tns", p.tns());
            m.put("header", p.header());
            List<Object> msgs = new ArrayList<>();
            for (Message x : p.messages()) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("offset", x.offset());
                mm.put("type", x.name());
                mm.put("fields", x.fields());
                msgs.add(mm);
            }
            m.put("messages", msgs);
            m.put("outcome", p.outcome().name());
            m.put("code", p.code());
            m.put("detail", p.detail());
            packets.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("client", rep.clientName());
        out.put("fieldVersion", rep.fieldVersion());
        out.put("summary", summary(rep));
        out.put("packets", packets);
        return out;
    }

    private static String fields(Map<String, Object> f) {
        List<String> parts = new ArrayList<>();
        f.forEach((k, v) -> parts.add(k + "=" + oneLine(String.valueOf(v))));
        return String.join(", ", parts);
    }

    private static String oneLine(String s) {
        String t = s.replace("\r", "").replace("\n", "\\n");
        return t.length() > 400 ? t.substring(0, 400) + "…" : t;
    }
}
