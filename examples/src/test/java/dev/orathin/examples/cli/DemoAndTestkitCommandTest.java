package dev.orathin.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo} end to end, {@code demo --keep} and {@code testkit serve}, each then used by a real connect. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoAndTestkitCommandTest {

    @Test
    void demoRunsEndToEndThroughTheProxy(@TempDir Path dir) throws Exception {
        Cli.Run r = new Cli().run("demo", "--dir", dir.toString());
        assertEquals(0, r.code(), r.toString());
        for (String phase : new String[] {"DNS", "TCP", "PROXY", "TLS", "NS", "TLS2", "auth", "total"}) {
            assertTrue(Pattern.compile("(?m)^ +" + phase + " +[0-9.]+ ms").matcher(r.out()).find(), phase + "\n" + r);
        }
        assertTrue(r.out().contains("connected: Oracle Database 23ai") && r.out().contains("via proxy 127.0.0.1:"), r.toString());
        assertTrue(r.out().contains("demo OK"), r.toString());
        assertTrue(r.out().contains("SQL> create table demo_orders") && r.out().contains("SQL> commit"), r.toString());
        assertTrue(r.out().contains("ID | ITEM              | QTY | PRICE | TOTAL"), r.toString());
        assertTrue(r.out().contains(" 2 | TLS handshake     |   2 |  12.5 |    25"), r.toString());
        assertTrue(r.out().contains("(4 rows)"), r.toString());
        assertTrue(Files.exists(dir.resolve("wallet.zip")) && Files.exists(dir.resolve("tnsnames.ora")), "the config stays for inspection");
        String pw = Files.readString(dir.resolve("password.txt")).strip();
        assertTrue(!r.out().contains(pw), "the generated password is not printed");
        assertPrivate(dir);
    }

    /** Every file written is 0600 and the directory 0700: wallets, auto-login keys and password files are secrets. */
    static void assertPrivate(Path dir) throws java.io.IOException {
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), dir.toString());
        int files = 0;
        try (var list = Files.list(dir)) {
            for (Path f : list.toList()) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)),
                        f.toString());
                files++;
            }
        }
        assertTrue(files >= 6, "wallets, config and password files were written: " + files);
    }

    @Test
    void demoWithoutDirRemovesItsTemporaryDirectory() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        java.util.Set<Path> before = demoDirs(tmp);
        Cli.Run r = new Cli().run("demo", "--no-proxy");
        assertEquals(0, r.code(), r.toString());
        Matcher m = Pattern.compile("wrote wallet and config +(\\S+)").matcher(r.out());
        assertTrue(m.find(), r.toString());
        assertFalse(Files.exists(Path.of(m.group(1))), "the temporary wallet directory is gone after the demo: " + m.group(1));
        assertEquals(before, demoDirs(tmp), "no orathin-demo-* directory left behind");
    }

    private static java.util.Set<Path> demoDirs(Path tmp) throws java.io.IOException {
        try (var list = Files.list(tmp)) {
            return list.filter(p -> p.getFileName().toString().startsWith("orathin-demo-")).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void demoKeepLeavesAServerOthersCanUse(@TempDir Path dir) {
        try {
            Cli.Run r = new Cli().run("demo", "--keep", "--dir", dir.toString(), "--no-proxy");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("jdbc:oracle:thin:@demo_high?TNS_ADMIN=") && r.out().contains("import oracledb")
                    && r.out().contains("orathin.jar sql -c"), r.toString());
            Cli.Run doctor = new Cli().run("doctor", "-c", dir.toString(), "-d", "demo_high", "-u", "demo", "--password-file",
                    dir.resolve("password.txt").toString(), "--wallet-password-file", dir.resolve("wallet-password.txt").toString());
            assertEquals(0, doctor.code(), "the kept server answers the doctor, login included\n" + doctor);
        } finally {
            DemoCommand.stopKept();
        }
    }

    @Test
    void testkitServeWithUsersAndARefusedService(@TempDir Path dir) throws Exception {
        try {
            Cli.Run r = new Cli().env("ADMIN_PW", "Serve#Pass1").run("testkit", "serve", "--config-dir", dir.toString(), "--service",
                    "svc_high,svc_low", "--user", "admin=ADMIN_PW", "--refuse", "svc_low=12514");
            assertEquals(0, r.code(), r.toString());
            Matcher m = Pattern.compile("listening on tcps://[^:]+:(\\d+)").matcher(r.out());
            assertTrue(m.find(), r.toString());
            assertTrue(r.out().contains("svc_high = (DESCRIPTION") || r.out().contains("svc_high = (description"), r.toString());
            char[] wpw = DemoEnvironment.read(dir.resolve("wallet-password.txt"));
            assertPrivate(dir);
            try (OracleConnection c = Orathin.connect(dir, "svc_high", "admin", "Serve#Pass1".toCharArray(), dir.toString(), wpw)) {
                c.ping();
                assertTrue(c.banner().contains("testkit"));
            }
            Cli.Run refused = new Cli().run("doctor", "-c", dir.toString(), "-d", "svc_low");
            assertEquals(1, refused.code(), refused.toString());
            assertTrue(refused.out().contains("REFUSE: ") && refused.out().contains("12514"), refused.toString());
        } finally {
            TestkitCommand.stop();
        }
    }

    @Test
    void testkitServeCreatesAConfigDirectoryThatDoesNotExistYet(@TempDir Path tmp) throws Exception {
        // was: OTN-9090 NoSuchFileException when --config-dir did not exist and no --wallet-password-env was given
        Path dir = tmp.resolve("new").resolve("config");
        try {
            Cli.Run r = new Cli().env("ADMIN_PW", "Serve#Pass1").run("testkit", "serve", "--config-dir", dir.toString(), "--service",
                    "svc_high", "--user", "admin=ADMIN_PW");
            assertEquals(0, r.code(), r.toString());
            assertTrue(Files.exists(dir.resolve("wallet-password.txt")) && Files.exists(dir.resolve("tnsnames.ora")), r.toString());
            assertPrivate(dir);
        } finally {
            TestkitCommand.stop();
        }
    }

    @Test
    void testkitServeRejectsAnUnknownFault() {
        Cli.Run r = new Cli().env("P", "x").run("testkit", "serve", "--tcp", "--user", "a=P", "--fault", "gremlins");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("unknown fault 'gremlins'"), r.toString());
        TestkitCommand.stop();
    }
}
