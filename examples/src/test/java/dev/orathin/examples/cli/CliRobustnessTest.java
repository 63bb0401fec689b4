package dev.orathin.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever the input (a device or FIFO as wallet or password file, an unexpected exception or
 * error inside the tool), the tool prints one line with an OTN code, no stack trace, and exits 1.
 */
class CliRobustnessTest {

    private static final Duration NEVER_BLOCKS = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;
    static Path fifo;
    static final Path ZERO = Path.of("/dev/zero");

    @BeforeAll
    static void fifo() throws Exception {
        fifo = tmp.resolve("input.fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        assumeTrue(p.waitFor() == 0 && Files.exists(ZERO), "needs mkfifo and /dev/zero");
    }

    static void assertOneCodedLine(Cli.Run r, String code) {
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith(code + ": "), r.toString());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r);
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r);
    }

    static Cli.Run run(String... args) {
        return assertTimeoutPreemptively(NEVER_BLOCKS, () -> new Cli().env("PW", "x").run(args));
    }

    @Test
    void deviceAndFifoAsWallet() {
        for (Path p : new Path[] {ZERO, fifo}) {
            Cli.Run r = run("wallet", "show", p.toString());
            assertOneCodedLine(r, "OTN-2017");
            assertTrue(r.err().contains(p.toString()), r.toString());
            assertOneCodedLine(run("wallet", "check", p.toString(), "--password-env", "PW"), "OTN-2017");
        }
    }

    @Test
    void deviceAndFifoAsPasswordFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("w"));
        for (Path p : new Path[] {ZERO, fifo}) {
            assertOneCodedLine(run("wallet", "show", dir.toString(), "--password-file", p.toString()), "OTN-1094");
            assertOneCodedLine(run("sql", "-d", "localhost:1/x", "-u", "scott", "--password-file", p.toString()), "OTN-1094");
            assertOneCodedLine(run("sql", "-d", "localhost:1/x", "-u", "scott", "--password-env", "PW",
                    "--wallet-password-file", p.toString()), "OTN-1094");
        }
    }

    @Test
    void oversizedPasswordFile() throws Exception {
        Path big = Files.write(tmp.resolve("big.txt"), new byte[(int) Secrets.MAX_PASSWORD_FILE_BYTES + 1]);
        Cli.Run r = run("sql", "-d", "localhost:1/x", "-u", "scott", "--password-file", big.toString());
        assertOneCodedLine(r, "OTN-1093");
        assertTrue(r.err().contains(String.valueOf(Secrets.MAX_PASSWORD_FILE_BYTES)), r.toString());
    }

    static Cli.Run runWithEnv(UnaryOperator<String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OrathinCli.Io io = new OrathinCli.Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, false);
        int code = OrathinCli.run(io, args);
        return new Cli.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unexpectedExceptionsAndErrorsGiveOneLine() {
        String[] args = {"sql", "-d", "localhost:1/x", "-u", "scott", "--password-env", "PW"};
        Cli.Run oom = runWithEnv(n -> {
            throw new OutOfMemoryError("Java heap space");
        }, args);
        assertOneCodedLine(oom, "OTN-9091");
        assertTrue(oom.err().contains("OutOfMemoryError"), oom.toString());
        Cli.Run bug = runWithEnv(n -> {
            throw new IllegalStateException("boom\nsecond line of the message");
        }, args);
        assertOneCodedLine(bug, "OTN-9090");
        assertTrue(bug.err().contains("--verbose"), bug.toString());
        String[] verbose = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--verbose"))
                .toArray(String[]::new);
        Cli.Run withTrace = runWithEnv(n -> {
            throw new OutOfMemoryError("Java heap space");
        }, verbose);
        assertTrue(withTrace.err().contains("\tat "), "--verbose prints the stack trace: " + withTrace);
    }
}
