package dev.orathin.net.internal.naming;

import dev.orathin.net.Address;
import dev.orathin.net.AddressList;
import dev.orathin.net.AddressNode;
import dev.orathin.net.ConnectData;
import dev.orathin.net.ConnectParameter;
import dev.orathin.net.ConnectParameter.Level;
import dev.orathin.net.Description;
import dev.orathin.net.DescriptionList;
import dev.orathin.net.Param;
import dev.orathin.net.internal.naming.Params;
import dev.orathin.net.Security;
import dev.orathin.net.naming.ConfigException;
import dev.orathin.net.naming.NamingErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a parsed name-value tree into the validated descriptor model. Every parameter of the
 * tnsnames.ora reference is either understood, kept and reported as "not supported yet", or —
 * when unknown — kept verbatim (Oracle ignores unknown keys) with a warning.
 */
public final class ModelBuilder {

    /** Parameters understood at DESCRIPTION level (from the catalogue). */
    static final Set<String> DESCRIPTION_KEYS = keys(Level.DESCRIPTION);
    /** Parameters understood in ADDRESS. */
    static final Set<String> ADDRESS_KEYS = keys(Level.ADDRESS);
    /** Parameters understood in SECURITY. */
    static final Set<String> SECURITY_KEYS = keys(Level.SECURITY);
    /** Parameters understood in DESCRIPTION_LIST and ADDRESS_LIST. */
    static final Set<String> LIST_KEYS = keys(Level.ADDRESS_LIST);
    /**
     * Parameters kept and passed on but with no client-side effect yet: {@code explain} reports them as
     * "not supported yet".
     */
    public static final Set<String> NOT_SUPPORTED_YET = ConnectParameter.all().stream().filter(p -> !p.supported())
            .map(ConnectParameter::keyword).collect(Collectors.toUnmodifiableSet());

    private static Set<String> keys(Level level) {
        return ConnectParameter.all().stream().filter(p -> p.at(level)).map(ConnectParameter::keyword)
                .collect(Collectors.toUnmodifiableSet());
    }

    private final List<String> warnings;

    /** @param warnings receives one line per unknown parameter (with its location) */
    public ModelBuilder(List<String> warnings) {
        this.warnings = warnings;
    }

    /** Builds the model from a DESCRIPTION_LIST or DESCRIPTION node. */
    public DescriptionList build(NvNode root) {
        switch (root.key()) {
            case "DESCRIPTION_LIST": {
                List<Description> ds = new ArrayList<>();
                Map<String, Param> params = new LinkedHashMap<>();
                for (NvNode c : root.children()) {
                    if (c.key().equals("DESCRIPTION")) {
                        ds.add(description(c));
                    } else if (LIST_KEYS.contains(c.key())) {
                        put(params, value(c));
                    } else {
                        unknown(params, c, "DESCRIPTION_LIST");
                    }
                }
                if (root.isValue() || ds.isEmpty()) {
                    throw new ConfigException(NamingErrorCode.NO_ADDRESS, root.location(), "expected (DESCRIPTION=...) inside "
                            + "DESCRIPTION_LIST but found none");
                }
                validateBooleans(params);
                return new DescriptionList(ds, params);
            }
            case "DESCRIPTION":
                return new DescriptionList(List.of(description(root)), Map.of());
            default:
                throw new ConfigException(NamingErrorCode.SYNTAX_ERROR, root.location(), "expected DESCRIPTION or DESCRIPTION_LIST but found "
                        + root.name());
        }
    }

    Description description(NvNode d) {
        if (d.isValue()) {
            throw new ConfigException(NamingErrorCode.NO_ADDRESS, d.location(), "expected (ADDRESS=...) in DESCRIPTION but found a plain value");
        }
        List<AddressNode> entries = new ArrayList<>();
        Map<String, Param> params = new LinkedHashMap<>();
        Map<String, Param> cd = null;
        Map<String, Param> sec = null;
        for (NvNode c : d.children()) {
            switch (c.key()) {
                case "ADDRESS" -> entries.add(address(c));
                case "ADDRESS_LIST" -> entries.add(addressList(c));
                case "CONNECT_DATA" -> {
                    if (cd != null) {
                        throw duplicate(c);
                    }
                    cd = connectData(c);
                }
                case "SECURITY" -> {
                    if (sec != null) {
                        throw duplicate(c);
                    }
                    sec = security(c);
                }
                default -> {
                    if (DESCRIPTION_KEYS.contains(c.key())) {
                        put(params, value(c));
                    } else {
                        unknown(params, c, "DESCRIPTION");
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            throw new ConfigException(NamingErrorCode.NO_ADDRESS, d.location(), "expected at least one (ADDRESS=...) in DESCRIPTION but found none");
        }
        Description desc = new Description(new AddressList(entries, Map.of()), new ConnectData(cd == null ? Map.of() : cd),
                new Security(sec == null ? Map.of() : sec), params);
        validate(desc);
        Param sdu = params.get("SDU");
        if (sdu != null && Params.parseInt(sdu, 0, Integer.MAX_VALUE) != desc.sdu()) {
            warnings.add(sdu.source() + ": SDU " + sdu.value().strip() + " is outside " + Description.MIN_SDU + ".." + Description.MAX_SDU
                    + "; " + desc.sdu() + " is used (clamped, as python-oracledb and node-oracledb do)");
        }
        return desc;
    }

    private AddressList addressList(NvNode l) {
        if (l.isValue()) {
            throw new ConfigException(NamingErrorCode.NO_ADDRESS, l.location(), "expected (ADDRESS=...) in ADDRESS_LIST but found a plain value");
        }
        List<AddressNode> entries = new ArrayList<>();
        Map<String, Param> params = new LinkedHashMap<>();
        for (NvNode c : l.children()) {
            switch (c.key()) {
                case "ADDRESS" -> entries.add(address(c));
                case "ADDRESS_LIST" -> entries.add(addressList(c));
                default -> {
                    if (LIST_KEYS.contains(c.key())) {
                        put(params, value(c));
                    } else {
                        unknown(params, c, "ADDRESS_LIST");
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            throw new ConfigException(NamingErrorCode.NO_ADDRESS, l.location(), "expected (ADDRESS=...) in ADDRESS_LIST but found none");
        }
        validateBooleans(params);
        return new AddressList(entries, params);
    }

    private Address address(NvNode a) {
        if (a.isValue()) {
            throw new ConfigException(NamingErrorCode.SYNTAX_ERROR, a.location(), "expected (PROTOCOL=..)(HOST=..)(PORT=..) in ADDRESS but "
                    + "found a plain value");
        }
        Map<String, Param> params = new LinkedHashMap<>();
        for (NvNode c : a.children()) {
            if (ADDRESS_KEYS.contains(c.key())) {
                put(params, value(c));
            } else {
                unknown(params, c, "ADDRESS");
            }
        }
        String protocol = Params.text(params, "PROTOCOL").orElse("tcp").toLowerCase(Locale.ROOT);
        if (!protocol.equals("tcp") && !protocol.equals("tcps")) {
            throw new ConfigException(NamingErrorCode.UNSUPPORTED_PROTOCOL, params.get("PROTOCOL").source(), "PROTOCOL: expected tcp or "
                    + "tcps but found \"" + params.get("PROTOCOL").value() + "\" (thin mode speaks TCP and TCPS only)");
        }
        String host = Params.text(params, "HOST").orElseThrow(() -> new ConfigException(NamingErrorCode.MISSING_HOST, a.location(),
                "expected (HOST=...) in ADDRESS but found none"));
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = Params.integer(params, "PORT", 1, 65535).orElse(1521);
        Params.integer(params, "HTTPS_PROXY_PORT", 1, 65535);
        Params.integer(params, "SEND_BUF_SIZE", 1, 1 << 30);
        Params.integer(params, "RECV_BUF_SIZE", 1, 1 << 30);
        return new Address(protocol, host, port, params);
    }

    private Map<String, Param> connectData(NvNode c) {
        Map<String, Param> params = new LinkedHashMap<>();
        if (c.isValue()) {
            throw new ConfigException(NamingErrorCode.SYNTAX_ERROR, c.location(), "expected (SERVICE_NAME=...) in CONNECT_DATA but found a "
                    + "plain value");
        }
        for (NvNode k : c.children()) {
            // CONNECT_DATA keys all go to the listener as written; nested values are kept as text.
            put(params, k.isValue() ? value(k) : new Param(k.name(), Render.children(k), k.location()));
        }
        return params;
    }

    private Map<String, Param> security(NvNode s) {
        Map<String, Param> params = new LinkedHashMap<>();
        if (s.isValue()) {
            throw new ConfigException(NamingErrorCode.SYNTAX_ERROR, s.location(), "expected (SSL_SERVER_DN_MATCH=...) in SECURITY but found"
                    + " a plain value");
        }
        for (NvNode k : s.children()) {
            Param p = k.isValue() ? value(k) : new Param(k.name(), Render.children(k), k.location());
            if (SECURITY_KEYS.contains(k.key())) {
                put(params, p);
            } else {
                unknown(params, k, "SECURITY");
            }
        }
        Params.bool(params, "SSL_SERVER_DN_MATCH");
        Params.bool(params, "SSL_ALLOW_WEAK_DN_MATCH");
        if (params.containsKey("SSL_VERSION")) {
            Params.checkTlsVersion(params.get("SSL_VERSION"));
        }
        return params;
    }

    /** Checks every typed parameter of a description once, so accessors cannot fail later. */
    public static void validate(Description d) {
        d.failover();
        d.loadBalance();
        d.sourceRoute();
        d.retryCount();
        d.retryDelay();
        d.connectTimeout();
        d.transportConnectTimeout();
        d.recvTimeout();
        d.expireTime();
        d.sdu();
        d.useSni();
        Params.integer(d.params(), "RECV_BUF_SIZE", 1, 1 << 30);
        Params.integer(d.params(), "SEND_BUF_SIZE", 1, 1 << 30);
        d.security().sslServerDnMatch();
        oneOf(d.connectData().params().get("SERVER"), List.of("dedicated", "shared", "pooled"));
        oneOf(d.connectData().params().get("POOL_PURITY"), List.of("new", "self"));
        if (d.security().params().containsKey("SSL_VERSION")) {
            Params.checkTlsVersion(d.security().params().get("SSL_VERSION"));
        }
        for (String k : List.of("CONNECT_TIMEOUT", "TRANSPORT_CONNECT_TIMEOUT", "RECV_TIMEOUT")) {
            Param p = d.params().get(k);
            if (p != null && Params.parseDuration(p, "sec").isZero()) {
                throw Params.invalid(p, "a positive duration");
            }
        }
    }

    /** A value the peers reject when it is not one of {@code allowed} (python-oracledb: invalid server_type / purity). */
    private static void oneOf(Param p, List<String> allowed) {
        if (p != null && !allowed.contains(p.value().strip().toLowerCase(java.util.Locale.ROOT))) {
            throw Params.invalid(p, "one of " + String.join(", ", allowed));
        }
    }

    private static void validateBooleans(Map<String, Param> params) {
        params.values().stream().filter(p -> LIST_KEYS.contains(p.name())).forEach(Params::parseBool);
    }

    private static Param value(NvNode n) {
        if (!n.isValue()) {
            throw new ConfigException(NamingErrorCode.SYNTAX_ERROR, n.location(), "expected a value for " + n.name()
                    + " but found nested parameters");
        }
        return new Param(n.name(), n.value(), n.location());
    }

    private static void put(Map<String, Param> params, Param p) {
        Param before = params.putIfAbsent(p.name(), p);
        if (before != null) {
            throw new ConfigException(NamingErrorCode.DUPLICATE_KEY, p.source(), p.name() + " is given twice (first at " + before.source()
                    + "); expected it once");
        }
    }

    private void unknown(Map<String, Param> params, NvNode n, String where) {
        warnings.add(n.location() + ": unknown parameter " + n.name() + " in " + where + " kept for explain, not sent to the listener (Oracle ignores unknown keys)");
        put(params, n.isValue() ? new Param(n.name(), n.value(), n.location()) : new Param(n.name(), Render.children(n), n.location()));
    }

    private static ConfigException duplicate(NvNode n) {
        return new ConfigException(NamingErrorCode.DUPLICATE_KEY, n.location(), n.name() + " is given twice; expected it once");
    }
}
