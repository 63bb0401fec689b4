package dev.orathin.examples.cli;

import dev.orathin.errors.OrathinException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code orathin} command line tool: entry point, subcommands, exit codes and error printing.
 *
 * <p>Exit codes: 0 success, 1 failure (connect, wallet, SQL, a doctor step), 2 usage error. A
 * failure prints {@code OTN-nnnn: message} on stderr; the stack trace only with {@code --verbose}.
 * Tests run the tool in-process with {@link #run(Io, String...)}.
 */
@Command(name = "orathin", mixinStandardHelpOptions = true, version = "orathin 0.1.0",
        description = "Thin Oracle Net client for Oracle Autonomous Database: demo, SQL, wallets, connect diagnosis.",
        subcommands = {DemoCommand.class, SqlCommand.class, WalletCommand.class, ResolveCommand.class, DoctorCommand.class, SelftestCommand.class,
            TestkitCommand.class, TraceCommand.class, CommandLine.HelpCommand.class})
public final class OrathinCli implements Runnable {

    /** Success. */
    public static final int EXIT_OK = 0;
    /** Failure: connect, wallet, SQL or a doctor step failed. */
    public static final int EXIT_FAILURE = 1;
    /** Usage error: unknown option, missing or invalid argument. */
    public static final int EXIT_USAGE = 2;

    static final Map<String, String> EXIT_CODES = exitCodes();

    @Spec
    CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On failure, print the stack trace after the OTN-nnnn message.")
    boolean verbose;

    private final Io io;

    /** The streams and environment a run uses (injectable for tests). */
    public record Io(InputStream in, PrintStream out, PrintStream err, UnaryOperator<String> env, boolean interactive) {
        /** The process's own streams and environment. */
        public static Io system() {
            return new Io(System.in, System.out, System.err, System::getenv, System.console() != null);
        }
    }

    OrathinCli(Io io) {
        this.io = io;
    }

    Io io() {
        return io;
    }

    /** Runs the tool and exits with its exit code. */
    public static void main(String[] args) {
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // LittleProxy (demo) logs through SLF4J; without a binding SLF4J warns on stderr at start-up
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        int code = run(Io.system(), args);
        if (code == EXIT_OK && (DemoCommand.keepsRunning() || TestkitCommand.serving())) {
            // --keep / serve: the servers run until Ctrl-C; their shutdown hooks close them
            try {
                new java.util.concurrent.CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.exit(code);
    }

    /** Runs the tool in this process; returns the exit code. */
    public static int run(Io io, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        try {
            return commandLine(io, verbose).execute(args);
        } catch (Throwable t) {
            // picocli hands only Exceptions to the handler below; Errors (OutOfMemoryError,
            // StackOverflowError) arrive here and still get one line with a code, not a stack trace
            PrintStream err = io.err();
            err.println(oneLine(t));
            if (verbose) {
                t.printStackTrace(err);
            }
            err.flush();
            return EXIT_FAILURE;
        }
    }

    /**
     * The one line printed for a failure: the message of an orathin exception, else a code for an
     * unexpected failure with its type and message, and the hint to use {@code --verbose}.
     */
    static String oneLine(Throwable t) {
        if (t instanceof OrathinException oe) {
            return oe.getMessage();
        }
        CliErrorCode code = t instanceof VirtualMachineError ? CliErrorCode.RESOURCE_EXHAUSTED : CliErrorCode.INTERNAL;
        String what = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()));
        return new CliException(code, what + " (run with --verbose for the stack trace)").getMessage();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }

    static CommandLine commandLine(Io io, boolean verbose) {
        CommandLine cl = new CommandLine(new OrathinCli(io));
        cl.setOut(new PrintWriter(io.out(), true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(io.err(), true, StandardCharsets.UTF_8));
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof CommandLine.ParameterException pe) {
                err.println(pe.getMessage());
                pe.getCommandLine().usage(err);
                err.flush();
                return EXIT_USAGE;
            }
            err.println(ex instanceof OrathinException oe ? oe.getMessage() : oneLine(ex));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_FAILURE;
        });
        apply(cl);
        return cl;
    }

    private static void apply(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        for (CommandLine sub : cl.getSubcommands().values()) {
            apply(sub);
        }
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("0", "success");
        m.put("1", "failure: connect, wallet, SQL or a doctor step failed (OTN-nnnn message on stderr)");
        m.put("2", "usage error: unknown option, missing or invalid argument");
        return m;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
