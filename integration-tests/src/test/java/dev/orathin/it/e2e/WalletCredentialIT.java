package dev.orathin.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.ConnectParams;
import dev.orathin.CoreErrorCode;
import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.OrathinUsageException;
import dev.orathin.jdbc.OrathinDriver;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logins with a credential stored in the wallet (Secure External Password Store), created by
 * Oracle's own orapki ({@code secretstore create_credential}) in the testkit's ADB-style wallet:
 * the core API with neither user nor password, JDBC's {@code jdbc:orathin:/@alias}, and the clear
 * error — naming the connect strings the wallet does hold, never a credential — when none matches.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WalletCredentialIT {

    static final String WALLET_PW = "Wallet#Pw2026";
    static final String DB_PW = "Stored#Secret1";

    @Test
    void loginWithTheWalletStoredCredential(@TempDir Path dir) throws Exception {
        TestDatabase db = TestDatabase.builder().user("admin", DB_PW).build();
        try (OracleTestServer server = OracleTestServer.builder().tcps().service("svc_high").database(db).build().start()) {
            server.writeClientConfig(dir, WALLET_PW.toCharArray());
            String out = orapki(dir, "secretstore", "create_credential", "-wallet", dir.toString(), "-pwd", WALLET_PW,
                    "-connect_string", "svc_high", "-username", "admin", "-password", DB_PW);
            assertFalse(out.contains(DB_PW), "orapki output");
            // the core API: no user, no password; the auto-login wallet (cwallet.sso) holds the credential
            try (OracleConnection c = Orathin.connect(ConnectParams.builder().configDir(dir).dsn("svc_high")
                    .walletLocation(dir.toString()).build()); Cursor cur = c.execute("select user from dual")) {
                assertTrue(cur.next());
                assertEquals("ADMIN", cur.getString(1));
            }
            // JDBC, ojdbc's /@alias form
            try (Connection c = new OrathinDriver().connect("jdbc:orathin:/@svc_high?TNS_ADMIN=" + dir, new Properties());
                    Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select user from dual")) {
                assertTrue(rs.next());
                assertEquals("ADMIN", rs.getString(1));
            }
            // no credential for this connect string: a clear error before any network I/O
            int before = server.connections().size();
            Files.writeString(dir.resolve("tnsnames.ora"), "\nother_alias = " + server.descriptor("svc_high") + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            OrathinUsageException e = assertThrows(OrathinUsageException.class, () -> Orathin.connect(ConnectParams.builder()
                    .configDir(dir).dsn("other_alias").walletLocation(dir.toString()).build()));
            assertEquals(CoreErrorCode.NO_STORED_CREDENTIAL, e.errorCode());
            assertTrue(e.getMessage().contains("[svc_high]") && e.getMessage().contains("other_alias"), e.getMessage());
            assertFalse(e.getMessage().contains(DB_PW) || e.getMessage().contains("admin"), e.getMessage());
            assertEquals(before, server.connections().size(), "nothing was sent");
        }
    }

    /** Oracle's orapki in a child JVM (the oraclepki jar is on the test class path), bounded. */
    static String orapki(Path dir, String... args) throws Exception {
        String jar = null;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.contains("oraclepki")) {
                jar = e;
            }
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", jar,
                "oracle.security.pki.textui.OraclePKITextUI"));
        cmd.addAll(List.of(args));
        cmd.add("-nologo");
        Path log = Files.createTempFile(dir.getParent(), "orapki", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("orapki timed out");
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || text.contains("PKI-0")) {
            throw new IllegalStateException("orapki failed (exit " + p.exitValue() + "):\n" + text);
        }
        return text;
    }
}
