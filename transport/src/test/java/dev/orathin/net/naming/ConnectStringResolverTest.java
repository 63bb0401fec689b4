package dev.orathin.net.naming;

import dev.orathin.net.internal.naming.NamingRequest;
import dev.orathin.net.internal.naming.ConnectStringResolver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.net.Address;
import dev.orathin.net.Description;
import dev.orathin.net.DescriptionList;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectStringResolverTest {

    static final String ADB = "(description= (retry_count=20)(retry_delay=3)(address=(protocol=tcps)(port=1522)"
            + "(host=adb.us-ashburn-1.oraclecloud.com))(connect_data=(service_name=g_mydb_high.adb.oraclecloud.com))"
            + "(security=(ssl_server_dn_match=yes)))";

    static ResolvedConnect resolve(Path dir, String dsn) {
        return ConnectStringResolver.resolve(new NamingRequest(dsn, dir, null, Map.of(), n -> null));
    }

    static ConfigException fails(Path dir, String dsn) {
        return assertThrows(ConfigException.class, () -> resolve(dir, dsn));
    }

    @Test
    void adbAliasCaseInsensitiveWithMultipleNamesAndComments(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tnsnames.ora"), "# ADB wallet\r\nmydb_high = " + ADB + "\r\n\r\n"
                + "A1, b2.world =\n  (DESCRIPTION =   # comment inside\n    (ADDRESS = (PROTOCOL = TCP)(HOST = db1)(PORT = 1521))\n"
                + "    (CONNECT_DATA = (Service_Name = Sales.Example.COM)))\n"
                + "ez = tcps://h1:1522/svc?retry_count=2\n");
        ResolvedConnect r = resolve(dir, "MYDB_HIGH");
        assertEquals(ResolvedConnect.Kind.ALIAS, r.kind());
        Description d = r.descriptions().descriptions().get(0);
        assertEquals(20, d.retryCount());
        assertEquals(Duration.ofSeconds(3), d.retryDelay());
        Address a = d.addresses().addresses().get(0);
        assertEquals("tcps", a.protocol());
        assertEquals(1522, a.port());
        assertTrue(d.security().sslServerDnMatch().orElseThrow());
        assertEquals(dir.resolve("tnsnames.ora") + ":2:28", d.params().get("RETRY_COUNT").source());
        Description b2 = resolve(dir, "B2.WORLD").descriptions().descriptions().get(0);
        assertEquals("Sales.Example.COM", b2.connectData().serviceName().orElseThrow(), "values keep their case");
        assertTrue(b2.connectData().params().get("SERVICE_NAME").source().endsWith("tnsnames.ora:7:22"));
        Description ez = resolve(dir, "ez").descriptions().descriptions().get(0);
        assertEquals(2, ez.retryCount());
        assertEquals("svc", ez.connectData().serviceName().orElseThrow());
    }

    /** Issue #19: an alias list spread over several lines, as python-oracledb and node-oracledb read it; sources stay exact. */
    @Test
    void anAliasListSpreadOverSeveralLines(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tnsnames.ora"), "sales,   # the old name\n  sales.world,\n\tsales_ha =\n"
                + "  (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = db1)(PORT = 1521))\n"
                + "    (CONNECT_DATA = (SERVICE_NAME = sales)))\n"
                + "other = h2:1521/o\n");
        for (String alias : new String[] {"SALES", "sales.world", "Sales_HA"}) {
            Description d = resolve(dir, alias).descriptions().descriptions().get(0);
            assertEquals("db1", d.addresses().addresses().get(0).host(), alias);
            assertTrue(d.connectData().params().get("SERVICE_NAME").source().endsWith("tnsnames.ora:5:22"),
                    d.connectData().params().get("SERVICE_NAME").source());
        }
        assertEquals("h2", resolve(dir, "other").descriptions().descriptions().get(0).addresses().addresses().get(0).host());
        // a dangling list (no '=' before the next entry's parenthesis) is still a warning, not a silent alias
        Files.writeString(dir.resolve("tnsnames.ora"), "lost,\nfound = h3:1521/f\n");
        assertEquals("h3", resolve(dir, "found").descriptions().descriptions().get(0).addresses().addresses().get(0).host());
        assertEquals("h3", resolve(dir, "lost").descriptions().descriptions().get(0).addresses().addresses().get(0).host(),
                "\"lost,\\nfound = ...\" is one list of two names, as the peers read it");
    }

    /**
     * Issue #19 item 2: what the peers accept they clamp (SDU, with a warning here); what they reject
     * (an unknown SERVER or POOL_PURITY: python-oracledb's invalid server type / purity) is a clear error.
     */
    @Test
    void outOfRangeSduIsClampedWithAWarningAndUnknownServerOrPurityIsRejected(@TempDir Path dir) {
        ResolvedConnect small = resolve(dir, "(DESCRIPTION=(SDU=100)(ADDRESS=(PROTOCOL=tcp)(HOST=h)(PORT=1))(CONNECT_DATA=(SERVICE_NAME=s)))");
        assertEquals(512, small.descriptions().descriptions().get(0).sdu());
        assertTrue(small.warnings().stream().anyMatch(w -> w.contains("SDU 100 is outside 512..2097152; 512 is used")), small.warnings().toString());
        ResolvedConnect big = resolve(dir, "h:1/s?sdu=99999999");
        assertEquals(2_097_152, big.descriptions().descriptions().get(0).sdu());
        ResolvedConnect pooled = resolve(dir, "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=h)(PORT=1))(CONNECT_DATA=(SERVICE_NAME=s)(SERVER=POOLED)"
                + "(POOL_PURITY=SELF)))");
        assertEquals("POOLED", pooled.descriptions().descriptions().get(0).connectData().server().orElseThrow());
        ConfigException server = fails(dir, "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=h)(PORT=1))(CONNECT_DATA=(SERVICE_NAME=s)(SERVER=fast)))");
        assertEquals(NamingErrorCode.INVALID_VALUE, server.errorCode());
        assertTrue(server.getMessage().contains("SERVER: expected one of dedicated, shared, pooled but found \"fast\""), server.getMessage());
        ConfigException purity = fails(dir, "h:1/s:pooled?pool_purity=dirty");
        assertEquals(NamingErrorCode.INVALID_VALUE, purity.errorCode());
    }

    @Test
    void ifileRelativeNestedAndCycles(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("tnsnames.ora"), "IFILE = sub/one.ora\ntop = (DESCRIPTION=(ADDRESS=(HOST=t)(PORT=1))(CONNECT_DATA=(SID=x)))\n");
        Files.writeString(sub.resolve("one.ora"), "IFILE=\"two.ora\"\none = (DESCRIPTION=(ADDRESS=(HOST=o)(PORT=1))(CONNECT_DATA=(SERVICE_NAME=s)))\n");
        Files.writeString(sub.resolve("two.ora"), "IFILE=" + sub.resolve("three.ora") + "\n");
        Files.writeString(sub.resolve("three.ora"), "deep = host3:1521/svc3\n");
        ResolvedConnect r = resolve(dir, "deep");
        assertEquals("host3", r.descriptions().descriptions().get(0).addresses().addresses().get(0).host());
        assertEquals(4, r.filesRead().size(), r.filesRead().toString());
        assertEquals("t", resolve(dir, "top").descriptions().descriptions().get(0).addresses().addresses().get(0).host());
        Files.writeString(sub.resolve("three.ora"), "IFILE=../tnsnames.ora\n");
        ConfigException e = fails(dir, "top");
        assertEquals(NamingErrorCode.IFILE_CYCLE, e.errorCode());
        assertTrue(e.getMessage().contains("one.ora -> ") && e.getMessage().contains("three.ora"), e.getMessage());
    }

    @Test
    void badEntryElsewhereDoesNotBreakLookupButBadRequestedEntryReportsWhere(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tnsnames.ora"), "broken = (DESCRIPTION=(ADDRESS=(HOST=x)(PORT=1))\n"
                + "good = (DESCRIPTION=(ADDRESS=(HOST=g)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=s)))\n"
                + "typo = (DESCRIPTION=(ADDRESS=(HOST=g)(PORT=99999))(CONNECT_DATA=(SERVICE_NAME=s)))\n"
                + "noeq = (DESCRIPTION=(ADDRESS (HOST=g)))\n");
        assertEquals("g", resolve(dir, "good").descriptions().descriptions().get(0).addresses().addresses().get(0).host());
        ConfigException broken = fails(dir, "broken");
        assertEquals(NamingErrorCode.UNBALANCED_PARENTHESES, broken.errorCode());
        assertTrue(broken.getMessage().contains("tnsnames.ora:1"), broken.getMessage());
        ConfigException port = fails(dir, "typo");
        assertEquals(NamingErrorCode.INVALID_VALUE, port.errorCode());
        assertTrue(port.getMessage().contains("tnsnames.ora:3:") && port.getMessage().contains("PORT")
                && port.getMessage().contains("99999") && port.getMessage().contains("1 to 65535"), port.getMessage());
        ConfigException noeq = fails(dir, "noeq");
        assertEquals(NamingErrorCode.MISSING_EQUALS, noeq.errorCode());
        assertTrue(noeq.getMessage().contains("tnsnames.ora:4:"), noeq.getMessage());
        ConfigException missing = fails(dir, "goood");
        assertEquals(NamingErrorCode.ALIAS_NOT_FOUND, missing.errorCode());
        assertTrue(missing.getMessage().contains("did you mean [good]"), missing.getMessage());
    }

    @Test
    void lookupOrderAndMissingConfig(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tnsnames.ora"), "x = h:1/s\n");
        Map<String, String> env = new HashMap<>();
        env.put("TNS_ADMIN", dir.toString());
        ResolvedConnect viaEnv = ConnectStringResolver.resolve(new NamingRequest("x", null, null, Map.of(), env::get));
        assertEquals(dir.toString(), viaEnv.configSource());
        env.clear();
        env.put("ORACLE_HOME", dir.resolve("home").toString());
        Files.createDirectories(dir.resolve("home/network/admin"));
        Files.writeString(dir.resolve("home/network/admin/tnsnames.ora"), "x = h2:1/s\n");
        assertEquals("h2", ConnectStringResolver.resolve(new NamingRequest("x", null, null, Map.of(), env::get))
                .descriptions().descriptions().get(0).addresses().addresses().get(0).host());
        assertEquals(NamingErrorCode.NO_CONFIG_DIR, assertThrows(ConfigException.class,
                () -> ConnectStringResolver.resolve(new NamingRequest("x", null, null, Map.of(), n -> null))).errorCode());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(NamingErrorCode.NO_TNSNAMES, fails(empty, "x").errorCode());
        Files.write(dir.resolve("bin/tnsnames.ora").getParent() == null ? dir : Files.createDirectories(dir.resolve("bin")).resolve("tnsnames.ora"),
                new byte[] {0, 1, 2, 3});
        assertEquals(NamingErrorCode.NOT_TEXT, fails(dir.resolve("bin"), "x").errorCode());
        assertEquals(NamingErrorCode.NO_CONFIG_DIR, fails(dir.resolve("nope"), "x").errorCode());
    }

    @Test
    void easyConnectForms() {
        DescriptionList l = resolve(null, "tcps://db1.example.com:1522/sales.example.com:pooled/inst1?wallet_location=/w&"
                + "ssl_server_cert_dn=\"CN=db,O=x\"&retry_count=3&https_proxy=px&https_proxy_port=8080&transport_connect_timeout=500ms"
                + "&pool_connection_class=app").descriptions();
        Description d = l.descriptions().get(0);
        Address a = d.addresses().addresses().get(0);
        assertEquals("db1.example.com", a.host());
        assertEquals(1522, a.port());
        assertEquals("px", a.httpsProxy().orElseThrow());
        assertEquals(8080, a.httpsProxyPort().orElseThrow());
        assertEquals("sales.example.com", d.connectData().serviceName().orElseThrow());
        assertEquals("pooled", d.connectData().server().orElseThrow());
        assertEquals("inst1", d.connectData().instanceName().orElseThrow());
        assertEquals("app", d.connectData().params().get("POOL_CONNECTION_CLASS").value());
        assertEquals("/w", d.security().walletLocation().orElseThrow());
        assertEquals("CN=db,O=x", d.security().sslServerCertDn().orElseThrow());
        assertEquals(3, d.retryCount());
        assertEquals(Duration.ofMillis(500), d.transportConnectTimeout());
        DescriptionList multi = resolve(null, "h1,h2:1600;[::1]:1700/svc").descriptions();
        Description m = multi.descriptions().get(0);
        assertTrue(m.loadBalance(), "a host list is load-balanced by default (ojdbc, node)");
        List<Address> all = m.addresses().addresses();
        assertEquals(List.of("h1", "h2", "::1"), all.stream().map(Address::host).toList());
        assertEquals(List.of(1600, 1600, 1700), all.stream().map(Address::port).toList());
        assertFalse(resolve(null, "h1,h2/svc?load_balance=off").descriptions().descriptions().get(0).loadBalance());
        assertEquals(1521, resolve(null, "//host/svc").descriptions().descriptions().get(0).addresses().addresses().get(0).port());
        assertEquals(NamingErrorCode.UNSUPPORTED_PROTOCOL, fails(null, "ipc://h/s").errorCode());
        assertEquals(NamingErrorCode.BAD_EASY_CONNECT, fails(null, "h:port/s").errorCode());
        assertEquals(NamingErrorCode.BAD_EASY_CONNECT, fails(null, "h/s:weird").errorCode());
        assertEquals(NamingErrorCode.EMPTY_VALUE, fails(null, "h/s?retry_count=").errorCode());
        assertEquals(NamingErrorCode.INVALID_VALUE, fails(null, "h/s?retry_delay=soon").errorCode());
        ConfigException leak = fails(null, "tcps://h:bad/s?https_proxy=bob:Pr0xySecret@px&wallet_password=W4llet");
        assertFalse(leak.getMessage().contains("Pr0xySecret") || leak.getMessage().contains("W4llet"), leak.getMessage());
    }

    @Test
    void valuesUnitsAndValidation() {
        Description d = resolve(null, "(DESCRIPTION=(CONNECT_TIMEOUT=1500 ms)(TRANSPORT_CONNECT_TIMEOUT=2min)(RECV_TIMEOUT=1.5)"
                + "(EXPIRE_TIME=10)(FAILOVER=Off)(LOAD_BALANCE=YES)(SDU=65535)(USE_SNI=true)"
                + "(ADDRESS=(PROTOCOL=TCPS)(HOST=[2001:db8::1])(PORT=1522))(CONNECT_DATA=(SID=orcl)))").descriptions().descriptions().get(0);
        assertEquals(Duration.ofMillis(1500), d.connectTimeout().orElseThrow());
        assertEquals(Duration.ofMinutes(2), d.transportConnectTimeout());
        assertEquals(Duration.ofMillis(1500), d.recvTimeout().orElseThrow());
        assertEquals(Duration.ofMinutes(10), d.expireTime().orElseThrow(), "EXPIRE_TIME is in minutes");
        assertFalse(d.failover());
        assertTrue(d.loadBalance());
        assertEquals(65535, d.sdu());
        assertTrue(d.useSni());
        assertEquals("2001:db8::1", d.addresses().addresses().get(0).host());
        ConfigException e = fails(null, "(DESCRIPTION=(SDU=8k)(ADDRESS=(HOST=h))(CONNECT_DATA=(SID=x)))");
        assertTrue(e.getMessage().contains("dsn:15") && e.getMessage().contains("SDU: expected a whole number"), e.getMessage());
        // out of range is clamped as the peers do (outOfRangeSduIsClampedWithAWarningAndUnknownServerOrPurityIsRejected)
        assertEquals(NamingErrorCode.INVALID_VALUE, fails(null, "(DESCRIPTION=(FAILOVER=maybe)(ADDRESS=(HOST=h))(CONNECT_DATA=(SID=x)))").errorCode());
        assertEquals(NamingErrorCode.INVALID_VALUE, fails(null, "(DESCRIPTION=(CONNECT_TIMEOUT=99999999999)(ADDRESS=(HOST=h)))").errorCode());
        assertEquals(NamingErrorCode.INVALID_VALUE, fails(null, "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcps)(HOST=h))(SECURITY=(SSL_VERSION=1.0)))").errorCode());
        assertEquals(NamingErrorCode.DUPLICATE_KEY, fails(null, "(DESCRIPTION=(SDU=1024)(SDU=2048)(ADDRESS=(HOST=h)))").errorCode());
        assertEquals(NamingErrorCode.EMPTY_VALUE, fails(null, "(DESCRIPTION=(SDU=)(ADDRESS=(HOST=h)))").errorCode());
        assertEquals(NamingErrorCode.UNSUPPORTED_PROTOCOL, fails(null, "(DESCRIPTION=(ADDRESS=(PROTOCOL=ipc)(KEY=x)))").errorCode());
        assertEquals(NamingErrorCode.MISSING_HOST, fails(null, "(DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(PORT=1)))").errorCode());
        assertEquals(NamingErrorCode.NO_ADDRESS, fails(null, "(DESCRIPTION=(CONNECT_DATA=(SID=x)))").errorCode());
        assertEquals(NamingErrorCode.UNBALANCED_PARENTHESES, fails(null, "(DESCRIPTION=(ADDRESS=(HOST=h)").errorCode());
    }

    @Test
    void unknownParametersKeptAndWarnedNotSupportedReported() {
        ResolvedConnect r = resolve(null, "(DESCRIPTION=(COMPRESSION=on)(MY_OWN_KEY=1)(ADDRESS=(PROTOCOL=tcps)(HOST=h)(PORT=1))"
                + "(CONNECT_DATA=(SERVICE_NAME=s)(FAILOVER_MODE=(TYPE=select)(METHOD=basic)))(SECURITY=(WALLET_LOCATION=/w)))");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("MY_OWN_KEY")), r.warnings().toString());
        String explain = r.explain();
        assertTrue(explain.contains("DESCRIPTION.COMPRESSION = on  [dsn:15] (not supported yet)"), explain);
        assertTrue(explain.contains("DESCRIPTION.TRANSPORT_CONNECT_TIMEOUT = 20 sec (default)"), explain);
        assertTrue(explain.contains("FAILOVER_MODE = (TYPE=select)(METHOD=basic)"), explain);
    }

    @Test
    void precedenceArgumentOverDescriptorOverSqlnetOverDefault(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tnsnames.ora"), "a = (DESCRIPTION=(RETRY_COUNT=2)(ADDRESS=(PROTOCOL=tcps)(HOST=h)(PORT=1522))"
                + "(CONNECT_DATA=(SERVICE_NAME=s)))\n");
        Files.writeString(dir.resolve("sqlnet.ora"), "WALLET_LOCATION = (SOURCE = (METHOD = file) (METHOD_DATA = (DIRECTORY=\"/wallets/adb\")))\n"
                + "SSL_SERVER_DN_MATCH=no\nSQLNET.OUTBOUND_CONNECT_TIMEOUT=7\nTCP.CONNECT_TIMEOUT=3\nSQLNET.USE_HTTPS_PROXY=on\n"
                + "HTTPS_PROXY=proxy.corp\nHTTPS_PROXY_PORT=3128\nSQLNET.EXPIRE_TIME=5\n");
        ResolvedConnect r = ConnectStringResolver.resolve(new NamingRequest("a", dir, null,
                Map.of("retry_count", "5", "tcp_connect_timeout", "9", "wallet_password", "secret"), n -> null));
        Description d = r.descriptions().descriptions().get(0);
        assertEquals(5, d.retryCount(), "argument wins");
        assertEquals("argument retry_count", d.params().get("RETRY_COUNT").source());
        assertEquals(Duration.ofSeconds(9), d.transportConnectTimeout(), "argument over sqlnet.ora");
        assertEquals(Duration.ofSeconds(7), d.connectTimeout().orElseThrow(), "sqlnet.ora over default");
        assertEquals(Duration.ofMinutes(5), d.expireTime().orElseThrow());
        assertEquals("/wallets/adb", d.security().walletLocation().orElseThrow());
        assertFalse(d.security().sslServerDnMatch().orElseThrow());
        assertTrue(d.security().params().get("SSL_SERVER_DN_MATCH").source().contains("sqlnet.ora:2"));
        Address a = d.addresses().addresses().get(0);
        assertEquals("proxy.corp", a.httpsProxy().orElseThrow());
        assertEquals(3128, a.httpsProxyPort().orElseThrow());
        assertFalse(r.explain().contains("secret"));
    }

    @Test
    void proxyCredentialsWrittenIntoTheProxyValueAreRedacted(@TempDir Path dir) {
        ResolvedConnect r = resolve(dir, "(DESCRIPTION=(ADDRESS=(PROTOCOL=TCPS)(HOST=db.example)(PORT=1522)"
                + "(HTTPS_PROXY=scott:tiger@proxy.corp)(HTTPS_PROXY_PORT=3128))(CONNECT_DATA=(SERVICE_NAME=s)))");
        assertFalse(r.explain().contains("tiger"), r.explain());
        assertTrue(r.explain().contains("scott:******@proxy.corp"), r.explain());
        assertEquals("http://u:******@p", new dev.orathin.net.Param("HTTPS_PROXY", "http://u:pw@p", "dsn").shown());
        assertEquals("proxy.corp", new dev.orathin.net.Param("HTTPS_PROXY", "proxy.corp", "dsn").shown());
    }

    @Test
    void walletZipIsAConfigSource(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("tnsnames.ora"));
            z.write(("db_low = " + ADB + "\n").getBytes());
            z.putNextEntry(new ZipEntry("sqlnet.ora"));
            z.write("SSL_SERVER_DN_MATCH=yes\n".getBytes());
        }
        ResolvedConnect r = ConnectStringResolver.resolve(new NamingRequest("db_low", null, bytes.toByteArray(), Map.of(), n -> null));
        assertEquals(20, r.descriptions().descriptions().get(0).retryCount());
        Path zip = dir.resolve("Wallet_mydb.zip");
        Files.write(zip, bytes.toByteArray());
        assertEquals(ResolvedConnect.Kind.ALIAS, resolve(zip, "DB_LOW").kind());
        assertEquals(NamingErrorCode.BAD_CONFIG_ZIP, assertThrows(ConfigException.class, () -> ConnectStringResolver.resolve(
                new NamingRequest("x", null, new byte[] {1, 2, 3}, Map.of(), n -> null))).errorCode());
    }
}
