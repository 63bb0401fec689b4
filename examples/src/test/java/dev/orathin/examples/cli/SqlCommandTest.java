package dev.orathin.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code sql} against the testkit database: statements from arguments and stdin, each output format. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SqlCommandTest {

    static OracleTestServer server;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = OracleTestServer.builder().tcps().service("mydb_high")
                .database(TestDatabase.withUsers(Map.of("admin", "Adb#Pass2026".toCharArray()))).build().start();
        server.writeClientConfig(dir, "Welcome1#Wallet".toCharArray());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Cli cli() {
        return new Cli().env("PW", "Adb#Pass2026");
    }

    static String[] args(String... extra) {
        String[] base = {"sql", "-c", dir.toString(), "-d", "mydb_high", "-u", "admin", "--password-env", "PW"};
        String[] a = new String[base.length + extra.length];
        System.arraycopy(base, 0, a, 0, base.length);
        System.arraycopy(extra, 0, a, base.length, extra.length);
        return a;
    }

    @Test
    void scriptFromStdinThenEveryFormat() {
        Cli setup = cli();
        setup.stdin = "create table fruit (id number(5), name varchar2(20), price number(6,2));\n"
                + "insert into fruit values (1, 'apple', 1.5);\n"
                + "insert into fruit values (2, 'pear, green', null);\n"
                + "commit;\n";
        Cli.Run s = setup.run(args());
        assertEquals(0, s.code(), s.toString());
        assertTrue(s.out().contains("1 row(s) affected"), s.toString());

        Cli.Run table = cli().run(args("select id, name, price from fruit order by id"));
        assertEquals(0, table.code(), table.toString());
        assertTrue(table.out().contains("ID | NAME        | PRICE"), table.toString());
        assertTrue(table.out().contains(" 1 | apple       |   1.5"), table.toString());
        assertTrue(table.out().contains("(2 rows)"), table.toString());

        Cli.Run csv = cli().run(args("-f", "csv", "select id, name, price from fruit order by id"));
        assertEquals(0, csv.code(), csv.toString());
        assertEquals("ID,NAME,PRICE\n1,apple,1.5\n2,\"pear, green\",\n", csv.out().replace("\r\n", "\n"));

        Cli.Run json = cli().run(args("--format", "JSON", "select id, name from fruit where id = 1"));
        assertEquals(0, json.code(), json.toString());
        assertTrue(json.out().contains("\"ID\": 1,") && json.out().contains("\"NAME\": \"apple\""), json.toString());
    }

    /** Issue #20: the CLI with only {@code -d config-file://...}: descriptor, user, password reference and wallet from the document. */
    @Test
    void aConfigFileDsnNeedsNoOtherOption(@TempDir Path tmp) throws Exception {
        Path pw = tmp.resolve("admin.pw");
        java.nio.file.Files.writeString(pw, "Adb#Pass2026");
        Path cfg = tmp.resolve("mydb.json");
        java.nio.file.Files.writeString(cfg, ("{'connect_descriptor': 'mydb_high', 'user': 'admin', 'password': {'type': 'file', 'value': '"
                + pw + "'}, 'wallet_location': '" + dir + "', 'wallet_password': {'type': 'text', 'value': 'Welcome1#Wallet'},"
                + " 'orathin': {'config_dir': '" + dir + "'}}").replace('\'', '"'));
        Cli.Run r = new Cli().run("sql", "-d", "config-file://" + cfg, "-f", "csv", "select 6 * 7 as answer from dual");
        assertEquals(0, r.code(), r.toString());
        assertEquals("ANSWER\n42\n", r.out().replace("\r\n", "\n"));
        assertTrue(!r.toString().contains("Adb#Pass2026") && !r.toString().contains("Welcome1#Wallet"), "no secret in the output");

        // the doctor says where the values came from (never the values of secrets) and diagnoses the rest as usual
        Cli.Run doctor = new Cli().run("doctor", "-d", "config-file://" + cfg);
        assertEquals(0, doctor.code(), doctor.toString());
        assertTrue(doctor.out().contains("CONFIG-SOURCE") && doctor.out().contains("supplied connect_descriptor, user, password (file),"
                + " wallet_location"), doctor.toString());
        assertTrue(!doctor.toString().contains("Adb#Pass2026") && !doctor.toString().contains("Welcome1#Wallet"), doctor.toString());
        Cli.Run missing = new Cli().run("doctor", "-d", "config-file://" + tmp.resolve("none.json"));
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.out().contains("OTN-1074"), missing.toString());
    }

    @Test
    void aSuccessfulRunCommitsAFailedOneRollsBack() {
        assertEquals(0, cli().run(args("create table kv (k varchar2(10), v number)")).code());
        assertEquals(0, cli().run(args("insert into kv values ('kept', 1)")).code());
        assertEquals(1, cli().run(args("insert into kv values ('lost', 2)", "select * from missing_table")).code());
        Cli.Run r = cli().run(args("-f", "csv", "select k, v from kv order by k"));
        assertEquals("K,V\nkept,1\n", r.out().replace("\r\n", "\n"), r.toString());
    }

    @Test
    void aDatabaseErrorPrintsItsCodeAndExitsOne() {
        Cli.Run r = cli().run(args("select * from no_such_table"));
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("OTN-6") && r.err().contains("ORA-00942"), r.toString());
        assertTrue(!r.err().contains("\tat "), r.toString());
    }
}
