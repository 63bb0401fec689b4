package dev.orathin.examples.cli;

import dev.orathin.net.AttemptPlan;
import dev.orathin.net.Route;
import dev.orathin.net.naming.ResolvedConnect;
import dev.orathin.net.internal.plan.WireDescriptor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orathin resolve} (alias {@code explain}): the effective descriptor, every parameter with
 * where it came from, and the attempt plan, without touching the network.
 */
@Command(name = "resolve", aliases = "explain", mixinStandardHelpOptions = true,
        description = "Show the effective descriptor, every parameter with its origin (file:line, dsn, argument, default),"
                + " secrets redacted, and the attempts in order. No network I/O.")
public final class ResolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectOptions conn;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    /** Resolves the connect options (shared with doctor). */
    static ResolvedConnect resolve(ConnectOptions conn) {
        dev.orathin.ConnectParams.Builder b = dev.orathin.ConnectParams.builder().configDir(conn.configDir).dsn(conn.dsn);
        conn.params().forEach(b::param);
        return dev.orathin.Orathin.resolve(b.build());
    }

    /** The attempt plan of a resolved connect, in the order it would be tried this time. */
    static AttemptPlan plan(ResolvedConnect r) {
        return dev.orathin.Orathin.plan(r);
    }

    /**
     * The parameters with their origin, secrets and proxy passwords redacted structurally
     * ({@code Param.shown()}, driven by the parameter catalogue).
     */
    static String redactedExplain(ResolvedConnect r) {
        return r.explain();
    }

    /** The canonical descriptor with passwords and proxy credentials replaced by {@code ******}, from the parsed model. */
    static String redactedDescriptor(ResolvedConnect r) {
        return WireDescriptor.shown(r.descriptions());
    }

    @Override
    public Integer call() {
        ResolvedConnect r = resolve(conn);
        AttemptPlan plan = plan(r);
        PrintWriter out = spec.commandLine().getOut();
        List<String> attempts = new ArrayList<>();
        int n = 1;
        for (AttemptPlan.DescriptionPlan d : plan.descriptions()) {
            for (Route route : d.routes()) {
                attempts.add(n++ + ". " + route + (route.isTcps() ? " (TLS, " + dnRule(route) + ")" : "")
                        + " connect " + route.timeouts().connect().toSeconds() + " s, transport " + route.timeouts().transportConnect().toSeconds() + " s");
            }
            if (d.retryCount() > 0) {
                attempts.add("   then " + d.retryCount() + " more pass(es), " + d.retryDelay().toSeconds() + " s apart");
            }
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", r.kind().name());
            m.put("alias", r.alias());
            m.put("configSource", r.configSource());
            m.put("filesRead", r.filesRead());
            m.put("descriptor", redactedDescriptor(r));
            m.put("parameters", List.of(redactedExplain(r).split("\n")));
            m.put("attempts", attempts);
            m.put("warnings", r.warnings());
            out.println(Json.write(m));
            return OrathinCli.EXIT_OK;
        }
        out.println("descriptor:");
        out.println("  " + redactedDescriptor(r));
        out.println();
        out.println("parameters (where each value came from):");
        out.print(redactedExplain(r));
        out.println();
        out.println("attempt plan (LOAD_BALANCE may reorder it on each connect):");
        attempts.forEach(a -> out.println("  " + a));
        return OrathinCli.EXIT_OK;
    }

    static String dnRule(Route route) {
        Route.TlsOptions t = route.tls();
        if (!t.serverDnMatch()) {
            return "server DN not checked";
        }
        if (t.serverCertDn() != null) {
            return "server DN must be " + t.serverCertDn();
        }
        return "server certificate must match host " + route.host();
    }
}
