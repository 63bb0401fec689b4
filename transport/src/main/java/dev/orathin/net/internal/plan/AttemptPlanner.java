package dev.orathin.net.internal.plan;

import dev.orathin.net.internal.naming.Params;

import dev.orathin.net.Address;
import dev.orathin.net.AddressList;
import dev.orathin.net.AddressNode;
import dev.orathin.net.AttemptPlan;
import dev.orathin.net.Description;
import dev.orathin.net.DescriptionList;
import dev.orathin.net.Route;
import dev.orathin.net.Security;

import dev.orathin.net.internal.plan.WireDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Turns a resolved descriptor model into the ordered attempts of a connect (connect-behaviour.md
 * §5–§7), without any I/O: DESCRIPTION_LIST order (load-balanced by default, as the reference and
 * ojdbc), each description's address lists with FAILOVER (on: all, in order; off: the first) and
 * LOAD_BALANCE (shuffle; off+on: one random entry), nested lists shuffled as units, SOURCE_ROUTE
 * (connect to the first hop only, send every address), per-description RETRY_COUNT / RETRY_DELAY.
 * Host names are resolved later, one attempt per IP ({@link dev.orathin.net.internal.session.NetConnector}). The random source is
 * injectable so tests are deterministic.
 */
public final class AttemptPlanner {

    /** Port assumed when HTTPS_PROXY has no HTTPS_PROXY_PORT (node-oracledb's default). */
    public static final int DEFAULT_PROXY_PORT = 80;

    private final Random random;
    private final WireDescriptor.Cid cid;
    private final String connectionIdPrefix;
    private final Route.Proxy proxyCredentials;
    private java.util.function.UnaryOperator<String> proxyEnvironment;

    /**
     * @param random shuffling source (a seeded Random in tests)
     * @param cid the client identity for CONNECT_DATA
     * @param connectionIdPrefix CONNECTION_ID_PREFIX from the API, or null to use the descriptor's
     * @param proxyCredentials Basic credentials for the HTTPS proxy (host/port ignored), or null
     */
    public AttemptPlanner(Random random, WireDescriptor.Cid cid, String connectionIdPrefix, Route.Proxy proxyCredentials) {
        this.random = random;
        this.cid = cid;
        this.connectionIdPrefix = connectionIdPrefix;
        this.proxyCredentials = proxyCredentials;
    }

    /**
     * Opts in to the standard {@code https_proxy} / {@code no_proxy} environment variables (either
     * case): TCPS addresses without HTTPS_PROXY then use that proxy unless {@code no_proxy} lists
     * the host (exact name, domain suffix, or {@code *}). Off by default, as in Oracle's clients.
     *
     * @param environment variable lookup, e.g. {@code System::getenv}
     */
    public AttemptPlanner useEnvironmentProxy(java.util.function.UnaryOperator<String> environment) {
        this.proxyEnvironment = environment;
        return this;
    }

    /** The plan for {@code list}. */
    public AttemptPlan plan(DescriptionList list) {
        List<Description> order = choose(list.descriptions(), list.failover(), list.descriptions().size() > 1 && list.loadBalance());
        List<AttemptPlan.DescriptionPlan> out = new ArrayList<>();
        for (Description d : order) {
            String prefix = connectionIdPrefix != null ? connectionIdPrefix : Params.text(d.params(), "CONNECTION_ID_PREFIX").orElse(null);
            String connectionId = WireDescriptor.newConnectionId(prefix);
            List<Address> addresses = d.sourceRoute() ? List.of(d.addresses().addresses().get(0)) : walk(d.addresses(), d.failover(),
                    d.loadBalance());
            List<Route> routes = new ArrayList<>();
            for (Address a : addresses) {
                routes.add(route(d, a, connectionId));
            }
            out.add(new AttemptPlan.DescriptionPlan(routes, d.retryCount(), d.retryDelay()));
        }
        return new AttemptPlan(out);
    }

    /** Addresses of a list in attempt order; the description's flags govern its top-level entries. */
    private List<Address> walk(AddressList l, boolean failover, boolean loadBalance) {
        List<AddressNode> chosen = choose(l.entries(), failover, loadBalance);
        List<Address> out = new ArrayList<>();
        for (AddressNode n : chosen) {
            if (n instanceof Address a) {
                out.add(a);
            } else {
                AddressList nested = (AddressList) n;
                if (nested.sourceRoute()) {
                    out.add(nested.addresses().get(0));
                } else {
                    out.addAll(walk(nested, nested.failover(), nested.loadBalance()));
                }
            }
        }
        return out;
    }

    private <T> List<T> choose(List<T> entries, boolean failover, boolean loadBalance) {
        List<T> copy = new ArrayList<>(entries);
        if (loadBalance) {
            Collections.shuffle(copy, random);
        }
        return failover ? copy : copy.subList(0, 1);
    }

    private Route route(Description d, Address a, String connectionId) {
        Route.Proxy proxy = null;
        if (a.httpsProxy().isPresent()) {
            proxy = proxy(a.httpsProxy().get(), a.httpsProxyPort().orElse(null));
        } else if (proxyEnvironment != null && a.protocol().equals("tcps")) {
            String env = firstNonBlank(proxyEnvironment.apply("https_proxy"), proxyEnvironment.apply("HTTPS_PROXY"));
            String noProxy = firstNonBlank(proxyEnvironment.apply("no_proxy"), proxyEnvironment.apply("NO_PROXY"));
            if (env != null && !bypass(a.host(), noProxy)) {
                proxy = proxy(env, null);
            }
        }
        Security s = d.security();
        boolean weak = Params.bool(s.params(), "SSL_ALLOW_WEAK_DN_MATCH").orElse(false);
        Route.TlsOptions tls = new Route.TlsOptions(s.sslServerDnMatch().orElse(true), s.sslServerCertDn().orElse(null),
                s.sslVersion().orElse(null), d.useSni(), weak);
        Route.Timeouts timeouts = new Route.Timeouts(d.transportConnectTimeout(), d.connectTimeout().orElse(null),
                d.recvTimeout().orElse(null), d.expireTime().orElse(null));
        String service = d.connectData().serviceName().orElse(d.connectData().sid().orElse(null));
        String data = WireDescriptor.wire(d, a, cid, connectionId);
        return new Route(a.protocol(), a.host(), null, a.port(), proxy, data, service, tls, timeouts, d.sdu());
    }

    /**
     * A proxy from {@code [http://][user:password@]host[:port]}; API credentials win over ones in the
     * value; the port defaults to {@link #DEFAULT_PROXY_PORT}.
     */
    Route.Proxy proxy(String value, Integer port) {
        String v = value.strip();
        if (v.startsWith("http://") || v.startsWith("https://")) {
            v = v.substring(v.indexOf("://") + 3);
        }
        if (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        String user = null;
        char[] password = null;
        int at = v.lastIndexOf('@');
        if (at >= 0) {
            String creds = v.substring(0, at);
            v = v.substring(at + 1);
            int colon = creds.indexOf(':');
            user = java.net.URLDecoder.decode(colon < 0 ? creds : creds.substring(0, colon), java.nio.charset.StandardCharsets.UTF_8);
            password = colon < 0 ? null : java.net.URLDecoder.decode(creds.substring(colon + 1), java.nio.charset.StandardCharsets.UTF_8)
                    .toCharArray();
        }
        int p = port != null ? port : DEFAULT_PROXY_PORT;
        int colon = v.lastIndexOf(':');
        if (colon > 0 && v.indexOf(']') < colon && v.substring(colon + 1).matches("\\d{1,5}")) {
            if (port == null) {
                p = Integer.parseInt(v.substring(colon + 1));
            }
            v = v.substring(0, colon);
        }
        if (proxyCredentials != null && proxyCredentials.user() != null) {
            user = proxyCredentials.user();
            password = proxyCredentials.password();
        }
        return new Route.Proxy(v, p, user, password);
    }

    static boolean bypass(String host, String noProxy) {
        if (noProxy == null) {
            return false;
        }
        String h = host.toLowerCase(java.util.Locale.ROOT);
        for (String entry : noProxy.split(",")) {
            String e = entry.strip().toLowerCase(java.util.Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.equals("*") || h.equals(e) || h.endsWith(e.startsWith(".") ? e : "." + e)) {
                return true;
            }
        }
        return false;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }
}
