package dev.orathin.net.naming;

import dev.orathin.net.internal.naming.NamingRequest;
import dev.orathin.net.internal.naming.ConnectStringResolver;
import dev.orathin.net.internal.plan.WireDescriptor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.net.AttemptPlan;
import dev.orathin.net.internal.plan.AttemptPlanner;
import dev.orathin.net.Description;
import dev.orathin.net.DescriptionList;
import dev.orathin.net.Route;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WireAndPlanTest {

    static final WireDescriptor.Cid CID = new WireDescriptor.Cid("\"my app\"", "box-1", "me");

    static DescriptionList model(String dsn) {
        return ConnectStringResolver.resolve(new NamingRequest(dsn, null, null, Map.of(), n -> null)).descriptions();
    }

    static AttemptPlan plan(String dsn, long seed) {
        // spread the seeds: java.util.Random's first outputs for consecutive seeds are correlated
        return new AttemptPlanner(new Random(seed * 0x9E3779B97F4A7C15L), CID, null, null).plan(model(dsn));
    }

    static List<String> hosts(AttemptPlan p) {
        return p.descriptions().stream().flatMap(d -> d.routes().stream()).map(Route::host).toList();
    }

    @Test
    void wireFormStripsClientOnlySectionsAndAddsCidAndConnectionId() {
        Description d = model("(DESCRIPTION=(RETRY_COUNT=3)(CONNECT_TIMEOUT=5)(MY_KEY=x)(ADDRESS=(PROTOCOL=tcps)(HOST=a)(PORT=1522)"
                + "(HTTPS_PROXY=px)(HTTPS_PROXY_PORT=80))(ADDRESS=(PROTOCOL=tcps)(HOST=b)(PORT=1522))"
                + "(CONNECT_DATA=(SERVICE_NAME=Svc))(SECURITY=(SSL_SERVER_CERT_DN=\"CN=x\")(MY_WALLET_DIRECTORY=/home/me/w)))")
                .descriptions().get(0);
        String wire = WireDescriptor.wire(d, d.addresses().addresses().get(1), CID, "abc==");
        // MY_KEY is not in the catalogue: kept for explain, not sent (only CONNECT_DATA passes unknown keys on)
        assertEquals("(DESCRIPTION=(ADDRESS=(PROTOCOL=tcps)(HOST=b)(PORT=1522))(CONNECT_DATA=(CID=(PROGRAM=my?app)"
                + "(HOST=box-1)(USER=me))(SERVICE_NAME=Svc)(CONNECTION_ID=abc==)))", wire);
        assertFalse(wire.contains("/home/me") || wire.contains("SECURITY") || wire.contains("HTTPS_PROXY") || wire.contains("RETRY"));
        // the wire form is itself a valid descriptor
        assertEquals("b", model(wire).descriptions().get(0).addresses().addresses().get(0).host());
        Description sr = model("(DESCRIPTION=(SOURCE_ROUTE=yes)(ADDRESS=(HOST=cman)(PORT=1630))(ADDRESS=(HOST=db)(PORT=1521))"
                + "(CONNECT_DATA=(SERVICE_NAME=s)))").descriptions().get(0);
        String all = WireDescriptor.wire(sr, null, CID, null);
        assertTrue(all.contains("(SOURCE_ROUTE=yes)") && all.contains("HOST=cman") && all.contains("HOST=db"), all);
        String id = WireDescriptor.newConnectionId("app1");
        assertTrue(id.startsWith("app1") && id.endsWith("==") && id.length() == 28, id);
    }

    @Test
    void canonicalFormRoundTrips() {
        for (String dsn : List.of(
                "(DESCRIPTION_LIST=(LOAD_BALANCE=off)(DESCRIPTION=(RETRY_COUNT=2)(ADDRESS_LIST=(FAILOVER=on)(ADDRESS=(PROTOCOL=tcps)"
                        + "(HOST=h1)(PORT=1522)(HTTPS_PROXY=p)(HTTPS_PROXY_PORT=8080))(ADDRESS_LIST=(ADDRESS=(HOST=h2)(PORT=1)))) "
                        + "(CONNECT_DATA=(SERVICE_NAME=s)(FAILOVER_MODE=(TYPE=select)))(SECURITY=(SSL_SERVER_CERT_DN=\"CN=a,O=b\")))"
                        + "(DESCRIPTION=(ADDRESS=(HOST=h3)(PORT=2))(CONNECT_DATA=(SID=x))))",
                "tcps://h1,h2:1522/svc?retry_count=3&wallet_location=/w&https_proxy=px&https_proxy_port=3128",
                "(DESCRIPTION=(ADDRESS=(HOST=[::1])(PORT=1))(CONNECT_DATA=(SERVICE_NAME=s)))")) {
            DescriptionList first = model(dsn);
            String text = WireDescriptor.canonical(first);
            DescriptionList again = model(text);
            assertEquals(text, WireDescriptor.canonical(again), "parse -> render -> parse is stable for " + dsn);
            assertEquals(first.descriptions().size(), again.descriptions().size());
            for (int i = 0; i < first.descriptions().size(); i++) {
                Description a = first.descriptions().get(i);
                Description b = again.descriptions().get(i);
                assertEquals(a.addresses().addresses().stream().map(Object::toString).toList(),
                        b.addresses().addresses().stream().map(Object::toString).toList());
                assertEquals(a.retryCount(), b.retryCount());
                assertEquals(a.connectData().params().keySet(), b.connectData().params().keySet());
                assertEquals(a.security().sslServerCertDn(), b.security().sslServerCertDn());
            }
        }
    }

    @Test
    void failoverLoadBalanceAndNesting() {
        assertEquals(List.of("a", "b", "c"), hosts(plan("(DESCRIPTION=(ADDRESS=(HOST=a))(ADDRESS=(HOST=b))(ADDRESS=(HOST=c))"
                + "(CONNECT_DATA=(SERVICE_NAME=s)))", 1)));
        assertEquals(List.of("a"), hosts(plan("(DESCRIPTION=(FAILOVER=off)(ADDRESS=(HOST=a))(ADDRESS=(HOST=b)))", 1)));
        Set<List<String>> orders = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            List<String> h = hosts(plan("(DESCRIPTION=(LOAD_BALANCE=on)(ADDRESS=(HOST=a))(ADDRESS=(HOST=b))(ADDRESS=(HOST=c)))", seed));
            assertEquals(Set.of("a", "b", "c"), new HashSet<>(h));
            orders.add(h);
        }
        assertTrue(orders.size() > 1, "load balancing varies the order");
        assertEquals(plan("h1,h2,h3/s", 7).descriptions().get(0).routes().stream().map(Route::host).toList(),
                plan("h1,h2,h3/s", 7).descriptions().get(0).routes().stream().map(Route::host).toList(), "seeded: reproducible");
        Set<String> single = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            List<String> h = hosts(plan("(DESCRIPTION=(FAILOVER=off)(LOAD_BALANCE=on)(ADDRESS=(HOST=a))(ADDRESS=(HOST=b)))", seed));
            assertEquals(1, h.size());
            single.addAll(h);
        }
        assertEquals(Set.of("a", "b"), single, "off+on: one random address");
        // nested lists shuffle as units; inside a list the order is kept
        for (long seed = 0; seed < 20; seed++) {
            List<String> h = hosts(plan("(DESCRIPTION=(LOAD_BALANCE=on)(ADDRESS_LIST=(ADDRESS=(HOST=a1))(ADDRESS=(HOST=a2)))"
                    + "(ADDRESS_LIST=(ADDRESS=(HOST=b1))(ADDRESS=(HOST=b2))))", seed));
            assertTrue(h.equals(List.of("a1", "a2", "b1", "b2")) || h.equals(List.of("b1", "b2", "a1", "a2")), h.toString());
        }
        assertEquals(List.of("cman"), hosts(plan("(DESCRIPTION=(SOURCE_ROUTE=on)(ADDRESS=(HOST=cman))(ADDRESS=(HOST=db))"
                + "(CONNECT_DATA=(SERVICE_NAME=s)))", 1)));
    }

    @Test
    void descriptionListRetriesArePerDescriptionAndRoutesCarrySettings() {
        AttemptPlan p = new AttemptPlanner(new Random(1), CID, "pre", new Route.Proxy("ignored", 1, "u", "pw".toCharArray())).plan(
                model("(DESCRIPTION_LIST=(LOAD_BALANCE=off)(DESCRIPTION=(RETRY_COUNT=2)(RETRY_DELAY=500ms)(CONNECT_TIMEOUT=4)"
                        + "(TRANSPORT_CONNECT_TIMEOUT=1)(EXPIRE_TIME=2)(SDU=16384)(USE_SNI=on)(ADDRESS=(PROTOCOL=tcps)(HOST=a)(PORT=1522)"
                        + "(HTTPS_PROXY=px)(HTTPS_PROXY_PORT=3128))(CONNECT_DATA=(SERVICE_NAME=svc_high))"
                        + "(SECURITY=(SSL_SERVER_CERT_DN=\"CN=adb\")(SSL_VERSION=1.3)))"
                        + "(DESCRIPTION=(ADDRESS=(HOST=b)(PORT=1521))(CONNECT_DATA=(SID=orcl))))"));
        assertEquals(2, p.descriptions().size());
        AttemptPlan.DescriptionPlan first = p.descriptions().get(0);
        assertEquals(2, first.retryCount());
        assertEquals(Duration.ofMillis(500), first.retryDelay());
        assertEquals(0, p.descriptions().get(1).retryCount(), "RETRY_COUNT does not carry over (ojdbc, the reference)");
        Route r = first.routes().get(0);
        assertEquals("px", r.proxy().host());
        assertEquals(3128, r.proxy().port());
        assertEquals("u", r.proxy().user());
        assertEquals("CN=adb", r.tls().serverCertDn());
        assertEquals("TLSv1.3", r.tls().sslVersion());
        assertTrue(r.tls().useSni());
        assertTrue(r.tls().serverDnMatch(), "DN match defaults on, as python-oracledb and ADB wallets");
        assertEquals(Duration.ofSeconds(4), r.timeouts().connect());
        assertEquals(Duration.ofSeconds(1), r.timeouts().transportConnect());
        assertEquals(Duration.ofMinutes(2), r.timeouts().expireTime());
        assertEquals(16384, r.sdu());
        assertEquals("svc_high", r.serviceName());
        assertTrue(r.connectData().contains("(CONNECTION_ID=pre"), r.connectData());
        assertEquals("orcl", p.descriptions().get(1).routes().get(0).serviceName());
    }
}
