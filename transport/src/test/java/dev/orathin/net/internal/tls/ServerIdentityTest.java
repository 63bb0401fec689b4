package dev.orathin.net.internal.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.Route;
import dev.orathin.testkit.TestPki;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerIdentityTest {

    static final TestPki PKI = TestPki.shared();

    @Test
    void dnSetsCompareOrderInsensitive() {
        assertTrue(ServerIdentity.sameDn("CN=adb.example.com,O=Oracle Corporation,C=US", "C=US,O=Oracle Corporation,CN=adb.example.com"));
        assertTrue(ServerIdentity.sameDn("cn=adb.example.com, o=oracle corporation", "CN=adb.example.com,O=Oracle Corporation"));
        assertFalse(ServerIdentity.sameDn("CN=adb.example.com,O=Oracle", "CN=adb.example.com,O=Oracle,C=US"));
        assertFalse(ServerIdentity.sameDn("not a dn", "CN=x"));
    }

    @Test
    void wildcardsOnlyInTheFirstLabel() {
        assertTrue(ServerIdentity.nameMatches("adb.us-ashburn-1.oraclecloud.com", "*.us-ashburn-1.oraclecloud.com"));
        assertTrue(ServerIdentity.nameMatches("db1.example.com", "db*.example.com"));
        assertFalse(ServerIdentity.nameMatches("a.b.example.com", "*.example.com"));
        assertFalse(ServerIdentity.nameMatches("example.com", "*.com"));
        assertFalse(ServerIdentity.nameMatches("localhost", "*"));
    }

    @Test
    void hostAgainstSanDnsAndIp() {
        X509Certificate c = PKI.listener().certificate();
        assertTrue(ServerIdentity.hostMatches("localhost", c));
        assertTrue(ServerIdentity.hostMatches("LOCALHOST", c));
        assertTrue(ServerIdentity.hostMatches("127.0.0.1", c));
        assertFalse(ServerIdentity.hostMatches("db.example.com", c));
    }

    @Test
    void checkModesAndMessages() {
        X509Certificate wrong = PKI.wrongDn().certificate();
        Route r = Route.of("tcps", "localhost", 1522, "(DESCRIPTION=)");
        NetException e = assertThrows(NetException.class, () -> ServerIdentity.check(wrong, r, "TLS"));
        assertEquals(NetErrorCode.TLS_HOST_MISMATCH, e.errorCode());
        assertTrue(e.getMessage().contains("CN=wrong.example.com") && e.getMessage().contains("DNS:wrong.example.com"), e.getMessage());
        Route noMatch = r.withTls(new Route.TlsOptions(false, null, null, false, false));
        ServerIdentity.check(wrong, noMatch, "TLS");
        Route fullDn = r.withTls(new Route.TlsOptions(true, "O=not the database,CN=wrong.example.com", null, false, false));
        ServerIdentity.check(wrong, fullDn, "TLS");
        Route otherDn = r.withTls(new Route.TlsOptions(true, "CN=adb.example.com", null, false, false));
        NetException dn = assertThrows(NetException.class, () -> ServerIdentity.check(wrong, otherDn, "TLS after hand-off"));
        assertEquals(NetErrorCode.TLS_DN_MISMATCH, dn.errorCode());
        assertTrue(dn.getMessage().contains("expected server DN \"CN=adb.example.com\""), dn.getMessage());
        Route weak = r.withService("wrong.example.com", "(DESCRIPTION=)").withTls(new Route.TlsOptions(true, null, null, false, true));
        ServerIdentity.check(wrong, weak, "TLS");
        assertTrue(List.of(NettyTls.oracleSni("abc_high.adb.example.com")).get(0).equals("S24.abc_high.adb.example.com.V3.319"));
    }
}
