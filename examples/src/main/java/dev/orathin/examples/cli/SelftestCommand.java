package dev.orathin.examples.cli;

import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orathin selftest}: runs the interop scenarios against the database the user points it at
 * and prints a pass/fail report with timings that can be pasted into a bug report. It creates its
 * own tables under a unique prefix and drops them at the end; the report holds no password, key or
 * wallet content (orathin's errors carry codes and server text only).
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = {"Check orathin against a database: connect, typed round trip, commit/rollback, 10,000-row fetch,",
            "an ORA error then a usable connection, ping. Creates and drops its own tables (prefix ORATHIN_ST_<random>).",
            "Prints a report with timings (no secrets); exit code 0 when every step passes, 1 otherwise.",
            "Password: --password-env NAME or --password-file FILE, else a prompt (never echoed)."})
public final class SelftestCommand implements Callable<Integer> {

    @ParentCommand
    OrathinCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectOptions conn;

    @Override
    public Integer call() {
        OrathinCli.Io io = root.io();
        PrintWriter out = spec.commandLine().getOut();
        out.println("orathin selftest " + spec.root().version()[0].replace("orathin ", "") + " — dsn " + conn.dsn
                + (conn.configDir == null ? "" : " (config " + conn.configDir + ")") + ", java " + Runtime.version());
        long start = System.nanoTime();
        OracleConnection c;
        try {
            c = Orathin.connect(conn.connectParams(io));
        } catch (OrathinException e) {
            out.printf("FAIL  %-26s %7d ms  %s%n", "connect", millis(start), e.getMessage());
            out.println("result: FAILED at connect (nothing was created)");
            out.flush();
            return OrathinCli.EXIT_FAILURE;
        }
        try (c) {
            out.printf("PASS  %-26s %7d ms  server %s, %s%n", "connect", millis(start), c.serverVersion(),
                    c.connectTrace().route());
            c.loginWarning().ifPresent(w -> out.println("      login warning: " + w.message()));
            SelftestScenarios scenarios = new SelftestScenarios(c);
            out.println("      objects prefix: " + scenarios.prefix());
            List<SelftestScenarios.Step> steps = scenarios.run();
            long failed = steps.stream().filter(s -> !s.ok()).count();
            for (SelftestScenarios.Step s : steps) {
                out.printf("%s  %-26s %7d ms%s%n", s.ok() ? "PASS" : "FAIL", s.name(), s.millis(),
                        s.detail() == null ? "" : "  " + s.detail().replace('\n', ' '));
            }
            out.println("result: " + (failed == 0 ? "PASSED" : "FAILED") + " — " + (steps.size() + 1 - failed) + " of " + (steps.size() + 1)
                    + " steps passed in " + millis(start) + " ms");
            out.flush();
            return failed == 0 ? OrathinCli.EXIT_OK : OrathinCli.EXIT_FAILURE;
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
