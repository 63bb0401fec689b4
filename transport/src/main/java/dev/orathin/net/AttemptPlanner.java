package dev.orathin.net;

import dev.orathin.net.naming.WireDescriptor;
import java.time.Duration;
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
 * Host names are resolved later, one attempt per IP ({@link NetConnector}). The random source is
 * injectable so tests are deterministic.
 */
public final class AttemptPlanner {

    /** Port assumed when HTTPS_PROXY has no HTTPS_PROXY_PORT (node-oracledb's default). */
    public static final int DEFAULT_PROXY_PORT = 80;

    private final Random random;
    private final WireDescriptor.Cid cid;
    private final String connectionIdPrefix;
    private final Route.Proxy proxyCredentials;

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
            int port = a.httpsProxyPort().orElse(DEFAULT_PROXY_PORT);
            proxy = proxyCredentials == null ? new Route.Proxy(a.httpsProxy().get(), port, null, null)
                    : new Route.Proxy(a.httpsProxy().get(), port, proxyCredentials.user(), proxyCredentials.password());
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

    /** The retry delay of a description (exposed for explain output). */
    static Duration retryDelay(Description d) {
        return d.retryDelay();
    }
}
