package dev.orathin.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code resolve}/{@code explain}: provenance, redaction and the attempt plan, without network I/O. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResolveCommandTest {

    @Test
    void provenanceRedactionAndPlan(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tnsnames.ora"), "# ADB style\n"
                + "mydb_high = (description= (retry_count=20)(retry_delay=3)\n"
                + "  (address=(protocol=tcps)(port=1522)(host=adb.eu-frankfurt-1.oraclecloud.com)"
                + "(https_proxy=scott:tiger@proxy.corp)(https_proxy_port=8080))\n"
                + "  (connect_data=(service_name=abc_mydb_high.adb.oraclecloud.com))\n"
                + "  (security=(ssl_server_dn_match=yes)))\n");
        Cli.Run r = new Cli().run("resolve", "-c", dir.toString(), "-d", "mydb_high", "-p", "retry_count=2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("dsn kind: ALIAS (mydb_high)"), r.toString());
        assertTrue(r.out().contains("tnsnames.ora:2"), "file:line provenance\n" + r);
        assertTrue(r.out().contains("RETRY_COUNT = 2") && r.out().contains("argument"), "the argument wins, and says so\n" + r);
        assertTrue(r.out().contains("(default)"), r.toString());
        assertFalse(r.out().contains("tiger"), "proxy password redacted\n" + r);
        assertTrue(r.out().contains("attempt plan") && r.out().contains("1. tcps://adb.eu-frankfurt-1.oraclecloud.com:1522 via proxy"),
                r.toString());
        assertTrue(r.out().contains("then 2 more pass(es), 3 s apart"), r.toString());

        Cli.Run alias = new Cli().run("explain", "-c", dir.toString(), "-d", "mydb_high", "--json");
        assertEquals(0, alias.code(), alias.toString());
        assertTrue(alias.out().contains("\"kind\": \"ALIAS\"") && alias.out().contains("\"attempts\": ["), alias.toString());
        assertFalse(alias.out().contains("tiger"), alias.toString());
    }

    @Test
    void easyConnectAndUnknownAlias(@TempDir Path dir) throws Exception {
        Cli.Run ez = new Cli().run("resolve", "-d", "tcps://db.example.com:1522/svc?ssl_server_cert_dn=\"CN=db\"");
        assertEquals(0, ez.code(), ez.toString());
        assertTrue(ez.out().contains("server DN must be CN=db"), ez.toString());
        Files.writeString(dir.resolve("tnsnames.ora"), "other = (description=(address=(protocol=tcp)(host=h)(port=1))(connect_data=(service_name=s)))\n");
        Cli.Run missing = new Cli().run("resolve", "-c", dir.toString(), "-d", "mydb_high");
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.err().startsWith("OTN-1") && missing.err().contains("mydb_high"), missing.toString());
    }
}
