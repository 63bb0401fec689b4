package dev.orathin.examples.cli;

import dev.orathin.ConnectParams;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.net.ConnectAttempt;
import dev.orathin.net.ConnectTrace;
import dev.orathin.testkit.PrivateFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orathin demo}: the whole ADB flow on this machine, no database needed. Starts the testkit
 * (TCPS service with the listener hand-off), writes a fresh wallet and config directory, starts an
 * HTTP CONNECT proxy, then connects exactly as an application would with the seed flow
 * ({@code connect(configDir, "demo_high", user, password, walletLocation, walletPassword)}) through
 * the proxy, and prints what happened and the connect timeline.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the ADB connect flow end to end against an in-process test server, through a real HTTP proxy.")
public final class DemoCommand implements Callable<Integer> {

    private static volatile DemoEnvironment kept;
    private static volatile Path keptTemporary;

    @ParentCommand
    OrathinCli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--keep", description = "Leave the server and proxy running and print how to connect to them (Ctrl-C stops).")
    boolean keep;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the wallet and config (default: a new temporary directory).")
    Path dir;

    @Option(names = "--no-proxy", description = "Connect directly instead of through the HTTP proxy.")
    boolean noProxy;

    /** True after {@code demo --keep} left a server running in this process. */
    static boolean keepsRunning() {
        return kept != null;
    }

    /** Stops what {@code demo --keep} left running (for tests and the shutdown hook). */
    public static void stopKept() {
        DemoEnvironment k = kept;
        kept = null;
        if (k != null) {
            k.close();
        }
        Path t = keptTemporary;
        keptTemporary = null;
        PrivateFiles.deleteTree(t);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        // without --dir: a private temporary directory, removed when the demo ends (or, with --keep, on exit)
        Path target = dir != null ? dir : PrivateFiles.temporaryDirectory("orathin-demo-");
        Path temporary = dir != null ? null : target;
        out.println("orathin demo: the Autonomous Database connect flow, on this machine");
        out.println();
        long t0 = System.nanoTime();
        out.println("  generating a CA and certificates, starting the test server and proxy ...");
        out.flush();
        DemoEnvironment env = DemoEnvironment.start(target, "demo", 0, !noProxy);
        boolean handedOver = false;
        try {
            out.printf("  started test listener + database  tcps://localhost:%d  services %s%n", env.server().port(), env.server().services());
            out.printf("  wrote wallet and config           %s  (tnsnames.ora, sqlnet.ora, ewallet.pem/.p12, cwallet.sso, wallet.zip)%n", target);
            if (!noProxy) {
                out.printf("  started HTTP CONNECT proxy        127.0.0.1:%d%n", env.proxyPort());
            }
            out.printf("  ready in %d ms%n%n", (System.nanoTime() - t0) / 1_000_000);
            out.println("connect(configDir, \"" + env.alias() + "\", \"" + DemoEnvironment.USER + "\", password, walletLocation, walletPassword)"
                    + (noProxy ? "" : "  with https_proxy=127.0.0.1 https_proxy_port=" + env.proxyPort()));
            ConnectParams.Builder b = ConnectParams.builder().configDir(target).dsn(env.alias()).user(DemoEnvironment.USER)
                    .password(DemoEnvironment.read(env.passwordFile())).walletLocation(target.toString())
                    .walletPassword(DemoEnvironment.read(env.walletPasswordFile())).connectTimeout(Duration.ofSeconds(30));
            if (!noProxy) {
                b.param("https_proxy", "127.0.0.1").param("https_proxy_port", String.valueOf(env.proxyPort()));
            }
            long c0 = System.nanoTime();
            try (OracleConnection c = Orathin.connect(b.build())) {
                Duration connectTime = Duration.ofNanos(System.nanoTime() - c0);
                out.println("  connected: " + c.banner() + ", session " + c.sessionId() + "," + c.serialNumber());
                printTimeline(c.connectTrace(), connectTime, out);
                long p0 = System.nanoTime();
                c.ping();
                out.printf("  ping: %.1f ms%n", (System.nanoTime() - p0) / 1e6);
                DemoSql.run(c, out);
            }
            if (keep) {
                printKeep(env, out);
                kept = env;
                keptTemporary = temporary;
                handedOver = true;
                Runtime.getRuntime().addShutdownHook(new Thread(DemoCommand::stopKept, "orathin-demo-stop"));
            } else {
                out.println();
                out.println("demo OK (run `orathin demo --keep` to leave the server running and connect to it yourself)");
            }
            return OrathinCli.EXIT_OK;
        } finally {
            if (!handedOver) {
                env.close();
                PrivateFiles.deleteTree(temporary);
            }
        }
    }

    /**
     * Prints the connect phases in milliseconds, in the order they happen, then the login: the
     * transport records DNS..TLS2 itself; the login (O5LOGON and session setup) is the rest of the
     * time {@code Orathin.connect} took.
     */
    static void printTimeline(ConnectTrace trace, Duration connectTime, PrintWriter out) {
        out.println("  connect timeline (" + trace.route() + "):");
        long transport = 0;
        for (ConnectAttempt.Phase p : ConnectAttempt.Phase.values()) {
            Duration d = trace.phases().get(p);
            if (d != null) {
                transport += d.toNanos();
                out.printf("    %-6s %8.1f ms  %s%n", p, d.toNanos() / 1e6, describe(p));
            }
        }
        out.printf("    %-6s %8.1f ms  %s%n", "auth", Math.max(0, connectTime.toNanos() - transport) / 1e6,
                "the rest of the connect call: naming, wallet load, O5LOGON login, session setup");
        out.printf("    %-6s %8.1f ms  (%d Oracle Net round trips before the login)%n", "total", connectTime.toNanos() / 1e6, trace.roundTrips());
    }

    private static String describe(ConnectAttempt.Phase p) {
        return switch (p) {
            case DNS -> "host name lookup";
            case TCP -> "TCP connect";
            case PROXY -> "HTTP CONNECT through the proxy";
            case TLS -> "TLS handshake with the listener (mutual TLS, wallet key)";
            case NS -> "Oracle Net CONNECT -> RESEND (hand-off) / ACCEPT";
            case TLS2 -> "second TLS handshake, with the database (hand-off)";
            case DONE -> "authentication (O5LOGON) and session setup";
        };
    }

    private static void printKeep(DemoEnvironment env, PrintWriter out) {
        Path d = env.dir();
        String proxyArgs = env.proxyPort() > 0 ? " -p https_proxy=127.0.0.1 -p https_proxy_port=" + env.proxyPort() : "";
        out.println();
        out.println("The server keeps running (Ctrl-C stops it). Passwords are in " + env.passwordFile() + " and " + env.walletPasswordFile() + ".");
        out.println();
        out.println("with this tool:");
        out.println("  java -jar orathin.jar sql -c " + d + " -d " + env.alias() + " -u " + DemoEnvironment.USER
                + " --password-file " + env.passwordFile() + " --wallet-password-file " + env.walletPasswordFile() + proxyArgs
                + " \"select sysdate from dual\"");
        out.println("  java -jar orathin.jar doctor -c " + d + " -d " + env.alias() + " --wallet-password-file " + env.walletPasswordFile());
        out.println();
        out.println("with ojdbc11 23ai (ojdbc11.jar and oraclepki.jar on the class path; it uses the auto-login cwallet.sso):");
        out.println("  jdbc:oracle:thin:@" + env.alias() + "?TNS_ADMIN=" + d + "   user " + DemoEnvironment.USER);
        out.println();
        out.println("with python-oracledb (thin):");
        out.println("  python3 -c \"import oracledb; c = oracledb.connect(user='" + DemoEnvironment.USER + "', password=open('"
                + env.passwordFile() + "').read().strip(), dsn='" + env.alias() + "', config_dir='" + d + "', wallet_location='" + d
                + "', wallet_password=open('" + env.walletPasswordFile() + "').read().strip()); print(c.version)\"");
    }
}
