package dev.orathin.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orathin doctor}: step-by-step connect diagnosis (see {@link Doctor}). */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Diagnose a connection step by step: config files, alias resolution, wallet, then per address DNS, TCP,"
                + " proxy CONNECT, TLS, DN match, Oracle Net answer, second TLS; login when --user is given.",
            "Each step prints OK/WARN/FAIL/SKIP with its time; a FAIL names the likely cause and the fix."})
public final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    OrathinCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectOptions conn;

    @Option(names = "--json", description = "Print one JSON document instead of the step list.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.println("orathin doctor: " + dev.orathin.net.Redaction.connectString(conn.dsn));
        }
        String[] scope = {""};
        Doctor.Report report = new Doctor(conn, root.io(), step -> {
            if (json) {
                return;
            }
            if (!step.scope().equals(scope[0])) {
                scope[0] = step.scope();
                out.println();
                out.println(step.scope().equals("setup") || step.scope().equals("login") ? step.scope() + ":" : "address " + step.scope() + ":");
            }
            out.printf("  [%-4s] %-7s %6d ms  %s%n", step.status(), step.name(), step.millis(), step.shown());
            if (step.cause() != null) {
                out.println("                          cause: " + step.cause());
            }
            if (step.fix() != null) {
                out.println("                          fix:   " + step.fix());
            }
            out.flush();
        }).run();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dsn", report.dsn());
            m.put("ok", report.ok());
            Map<String, List<Object>> scopes = new LinkedHashMap<>();
            for (Doctor.Step s : report.steps()) {
                scopes.computeIfAbsent(s.scope(), k -> new ArrayList<>()).add(s.json());
            }
            m.put("setup", scopes.getOrDefault("setup", List.of()));
            List<Object> addresses = new ArrayList<>();
            scopes.forEach((k, v) -> {
                if (!k.equals("setup") && !k.equals("login")) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("address", k);
                    a.put("steps", v);
                    addresses.add(a);
                }
            });
            m.put("addresses", addresses);
            m.put("login", scopes.getOrDefault("login", List.of()));
            out.println(Json.write(m));
        } else {
            out.println();
            out.println(report.ok() ? "OK: the connection works" : "FAIL: see the first FAIL above for the cause and the fix");
        }
        return report.ok() ? OrathinCli.EXIT_OK : OrathinCli.EXIT_FAILURE;
    }
}
