package dev.orathin.net.internal.plan;



import dev.orathin.net.Address;
import dev.orathin.net.AddressList;
import dev.orathin.net.AddressNode;
import dev.orathin.net.ConnectParameter;
import dev.orathin.net.ConnectParameter.Level;
import dev.orathin.net.Description;
import dev.orathin.net.DescriptionList;
import dev.orathin.net.Param;
import dev.orathin.net.Redaction;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Renders descriptors: the canonical text of a whole model (round-trips through the parser), and
 * the connect data that goes on the wire in CONNECT, the way ojdbc sends it (connect-behaviour.md
 * §10): only the address being tried (all of them with SOURCE_ROUTE), CONNECT_DATA with the
 * client's CID and a CONNECTION_ID, and without client-only sections — SECURITY, HTTPS_PROXY,
 * retry, timeout and load-balancing keys, wallet settings — so no local path or secret leaves the
 * machine. What travels is decided by the parameter catalogue
 * ({@link ConnectParameter#sentToListener(ConnectParameter.Level, String)}): catalogued parameters
 * by their wire flag, uncatalogued ones only inside CONNECT_DATA, and never a secret.
 */
public final class WireDescriptor {

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
            if (onWire(Level.DESCRIPTION, p)) {
                pair(b, p, false);
            }
        }
        if (d.sourceRoute()) {
            list(b, d.addresses(), true, Mode.WIRE);
        } else {
            address(b, chosen, Mode.WIRE);
        }
        b.append("(CONNECT_DATA=");
        if (cid != null) {
            b.append("(CID=(PROGRAM=").append(cid.program()).append(")(HOST=").append(cid.host()).append(")(USER=")
                    .append(cid.user()).append("))");
        }
        for (Param p : d.connectData().params().values()) {
            if (!p.name().equals("CID") && !p.name().equals("CONNECTION_ID") && onWire(Level.CONNECT_DATA, p)) {
                pair(b, p, false);
            }
        }
        if (connectionId != null) {
            b.append("(CONNECTION_ID=").append(connectionId).append(')');
        }
        return b.append("))").toString();
    }

    /** Canonical text of a whole model (every section, every address); parses back to an equal model. */
    public static String canonical(DescriptionList list) {
        return render(list, false);
    }

    /**
     * The canonical text as it may be shown (resolve, doctor, logs): secrets and proxy passwords
     * replaced through {@link Param#shown()}, structurally, whatever characters they hold.
     */
    public static String shown(DescriptionList list) {
        return render(list, true);
    }

    private static String render(DescriptionList list, boolean redact) {
        StringBuilder b = new StringBuilder();
        boolean wrap = list.descriptions().size() > 1 || !list.params().isEmpty();
        if (wrap) {
            b.append("(DESCRIPTION_LIST=");
            params(b, list.params(), redact);
        }
        for (Description d : list.descriptions()) {
            b.append("(DESCRIPTION=");
            params(b, d.params(), redact);
            list(b, d.addresses(), true, redact ? Mode.SHOWN : Mode.ALL);
            b.append("(CONNECT_DATA=");
            params(b, d.connectData().params(), redact);
            b.append(')');
            if (!d.security().params().isEmpty()) {
                b.append("(SECURITY=");
                params(b, d.security().params(), redact);
                b.append(')');
            }
            b.append(')');
        }
        if (wrap) {
            b.append(')');
        }
        return b.toString();
    }

    /** How addresses are rendered: every parameter, every parameter redacted, or only what the listener may see. */
    private enum Mode {
        ALL, SHOWN, WIRE
    }

    private static void list(StringBuilder b, AddressList l, boolean top, Mode mode) {
        if (!top) {
            b.append("(ADDRESS_LIST=");
            for (Param p : l.params().values()) {
                if (mode != Mode.WIRE || onWire(Level.ADDRESS_LIST, p)) {
                    pair(b, p, mode == Mode.SHOWN);
                }
            }
        }
        for (AddressNode n : l.entries()) {
            if (n instanceof AddressList nested) {
                list(b, nested, false, mode);
            } else {
                address(b, (Address) n, mode);
            }
        }
        if (!top) {
            b.append(')');
        }
    }

    private static void address(StringBuilder b, Address a, Mode mode) {
        b.append("(ADDRESS=(PROTOCOL=").append(a.protocol()).append(")(HOST=").append(a.host()).append(")(PORT=").append(a.port()).append(')');
        for (Param p : a.params().values()) {
            if (p.name().equals("PROTOCOL") || p.name().equals("HOST") || p.name().equals("PORT")) {
                continue;
            }
            if (mode != Mode.WIRE || onWire(Level.ADDRESS, p)) {
                pair(b, p, mode == Mode.SHOWN);
            }
        }
        b.append(')');
    }

    /**
     * Whether a parameter goes to the listener: by the catalogue, and never a nested value that
     * holds a secret-looking pair.
     */
    private static boolean onWire(Level level, Param p) {
        return ConnectParameter.sentToListener(level, p.name())
                && (!p.value().startsWith("(") || Redaction.connectString(p.value()).equals(p.value()));
    }

    private static void params(StringBuilder b, Map<String, Param> params, boolean redact) {
        for (Param p : params.values()) {
            pair(b, p, redact);
        }
    }

    private static void pair(StringBuilder b, Param p, boolean redact) {
        b.append('(').append(p.name()).append('=').append(redact ? quoted(p.shown()) : value(p)).append(')');
    }

    /** Nested values (kept as text starting with '(') go out as they are; others are quoted if needed. */
    private static String value(Param p) {
        return quoted(p.value());
    }

    private static String quoted(String v) {
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
