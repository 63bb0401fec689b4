package dev.orathin.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CliBasicsTest {

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Cli.Run r = new Cli().run("--help");
        assertEquals(0, r.code(), r.toString());
        for (String c : new String[] {"demo", "sql", "wallet", "resolve", "doctor", "testkit"}) {
            assertTrue(r.out().contains(c), c + " missing\n" + r);
        }
        assertTrue(r.out().contains("Exit codes:") && r.out().contains("usage error"), r.toString());
        Cli.Run sub = new Cli().run("doctor", "--help");
        assertTrue(sub.out().contains("Exit codes:") && sub.out().contains("--password-env"), sub.toString());
        assertFalse(sub.out().contains("--password "), "no option takes a password on the command line");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, new Cli().run("--no-such-option").code());
        assertEquals(2, new Cli().run("sql").code(), "--dsn is required");
        assertEquals(2, new Cli().run("wallet").code(), "wallet needs show or check");
        assertEquals(2, new Cli().run("testkit").code(), "testkit needs serve");
        assertEquals(2, new Cli().run("sql", "-d", "x", "--format", "xml").code());
        Cli.Run r = new Cli().run("sql", "-d", "x", "--password", "secret");
        assertEquals(2, r.code(), "there is no --password option: " + r);
    }

    @Test
    void aMissingPasswordSourceIsAnErrorWithACodeAndNoStackTrace() {
        Cli.Run r = new Cli().run("sql", "-d", "localhost:1/x", "-u", "scott");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("OTN-1090: "), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r);
        Cli.Run env = new Cli().run("sql", "-d", "localhost:1/x", "-u", "scott", "--password-env", "NOT_SET");
        assertTrue(env.err().startsWith("OTN-1091: ") && env.err().contains("NOT_SET"), env.toString());
        Cli.Run verbose = new Cli().run("sql", "-d", "localhost:1/x", "-u", "scott", "--verbose");
        assertTrue(verbose.err().contains("\tat "), "--verbose prints the stack trace: " + verbose);
    }
}
