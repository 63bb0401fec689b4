package dev.orathin.net.naming;

import dev.orathin.net.Address;
import dev.orathin.net.AddressList;
import dev.orathin.net.AddressNode;
import dev.orathin.net.Description;
import dev.orathin.net.DescriptionList;
import dev.orathin.net.Param;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Renders descriptors: the canonical text of a whole model (round-trips through the parser), and
 * the connect data that goes on the wire in CONNECT, the way ojdbc sends it (connect-behaviour.md
 * §10): only the address being tried (all of them with SOURCE_ROUTE), CONNECT_DATA with the
 * client's CID and a CONNECTION_ID, and without client-only sections — SECURITY, HTTPS_PROXY,
 * retry, timeout and load-balancing keys, wallet settings — so no local path or secret leaves the
 * machine.
 */
public final class WireDescriptor {

    /** DESCRIPTION keys that only steer the client; never sent (ojdbc strips them too). */
    private static final Set<String> CLIENT_ONLY = Set.of("FAILOVER", "LOAD_BALANCE", "RETRY_COUNT", "RETRY_DELAY", "CONNECT_TIMEOUT",
            "TRANSPORT_CONNECT_TIMEOUT", "RECV_TIMEOUT", "EXPIRE_TIME", "SDU", "USE_SNI", "CONNECTION_ID_PREFIX", "WALLET_LOCATION");

    private static final SecureRandom RANDOM = new SecureRandom();

    private WireDescriptor() {
    }

    /**
     * The client identity sent in CONNECT_DATA (CID).
     *
     * @param program the program name
     * @param host the client machine name
     * @param user the OS user
     */
    public record Cid(String program, String host, String user) {
        /** Sanitises each value as protocol.md §2.2 describes. */
        public Cid {
            program = sanitize(program);
            host = sanitize(host);
            user = sanitize(user);
        }

        /** The CID of this JVM: main class or "java", the local host name, {@code user.name}. */
        public static Cid ofThisProcess() {
            String cmd = System.getProperty("sun.java.command", "java");
            String program = cmd.isBlank() ? "java" : cmd.split(" ")[0];
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
            return new Cid(program, host, System.getProperty("user.name", "unknown"));
        }
    }

    /** A new CONNECTION_ID: base64 of 16 random bytes, after the optional prefix. */
    public static String newConnectionId(String prefix) {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return (prefix == null ? "" : sanitize(prefix)) + Base64.getEncoder().encodeToString(b);
    }

    /**
     * Connect data for one attempt.
     *
     * @param chosen the address being tried (ignored with SOURCE_ROUTE, where all addresses are sent)
     */
    public static String wire(Description d, Address chosen, Cid cid, String connectionId) {
        StringBuilder b = new StringBuilder("(DESCRIPTION=");
        for (Param p : d.params().values()) {
            if (!CLIENT_ONLY.contains(p.name())) {
                b.append('(').append(p.name()).append('=').append(value(p)).append(')');
            }
        }
        if (d.sourceRoute()) {
            list(b, d.addresses(), true, false);
        } else {
            address(b, chosen, false);
        }
        b.append("(CONNECT_DATA=");
        if (cid != null) {
            b.append("(CID=(PROGRAM=").append(cid.program()).append(")(HOST=").append(cid.host()).append(")(USER=")
                    .append(cid.user()).append("))");
        }
        for (Param p : d.connectData().params().values()) {
            if (!p.name().equals("CID") && !p.name().equals("CONNECTION_ID")) {
                b.append('(').append(p.name()).append('=').append(value(p)).append(')');
            }
        }
        if (connectionId != null) {
            b.append("(CONNECTION_ID=").append(connectionId).append(')');
        }
        return b.append("))").toString();
    }

    /** Canonical text of a whole model (every section, every address); parses back to an equal model. */
    public static String canonical(DescriptionList list) {
        StringBuilder b = new StringBuilder();
        boolean wrap = list.descriptions().size() > 1 || !list.params().isEmpty();
        if (wrap) {
            b.append("(DESCRIPTION_LIST=");
            params(b, list.params());
        }
        for (Description d : list.descriptions()) {
            b.append("(DESCRIPTION=");
            params(b, d.params());
            list(b, d.addresses(), true, true);
            b.append("(CONNECT_DATA=");
            params(b, d.connectData().params());
            b.append(')');
            if (!d.security().params().isEmpty()) {
                b.append("(SECURITY=");
                params(b, d.security().params());
                b.append(')');
            }
            b.append(')');
        }
        if (wrap) {
            b.append(')');
        }
        return b.toString();
    }

    private static void list(StringBuilder b, AddressList l, boolean top, boolean allParams) {
        if (!top) {
            b.append("(ADDRESS_LIST=");
            params(b, l.params());
        }
        for (AddressNode n : l.entries()) {
            if (n instanceof AddressList nested) {
                list(b, nested, false, allParams);
            } else {
                address(b, (Address) n, allParams);
            }
        }
        if (!top) {
            b.append(')');
        }
    }

    private static void address(StringBuilder b, Address a, boolean allParams) {
        b.append("(ADDRESS=(PROTOCOL=").append(a.protocol()).append(")(HOST=").append(a.host()).append(")(PORT=").append(a.port()).append(')');
        for (Param p : a.params().values()) {
            if (Set.of("PROTOCOL", "HOST", "PORT").contains(p.name())) {
                continue;
            }
            if (allParams || !p.name().startsWith("HTTPS_PROXY")) {
                b.append('(').append(p.name()).append('=').append(value(p)).append(')');
            }
        }
        b.append(')');
    }

    private static void params(StringBuilder b, Map<String, Param> params) {
        for (Param p : params.values()) {
            b.append('(').append(p.name()).append('=').append(value(p)).append(')');
        }
    }

    /** Nested values (kept as text starting with '(') go out as they are; others are quoted if needed. */
    private static String value(Param p) {
        String v = p.value();
        if (v.startsWith("(")) {
            return v;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '(' || c == ')' || c == '=' || c == '#') {
                return "\"" + v.replace("\"", "") + "\"";
            }
        }
        return v;
    }

    /** CID and prefix sanitising (protocol.md §2.2): quotes stripped, odd characters become '?'. */
    static String sanitize(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            t = t.substring(1, t.length() - 1);
        }
        StringBuilder b = new StringBuilder(t.length());
        for (char c : t.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) && c < 128 || "\"'<>/\\,.:;-_$+*#&!%?@".indexOf(c) >= 0 ? c : '?');
        }
        if (b.length() > 0 && b.charAt(b.length() - 1) == '\\') {
            b.setCharAt(b.length() - 1, '?');
        }
        return b.toString();
    }
}
