package dev.orathin.examples.cli;

import dev.orathin.testkit.Fault;
import dev.orathin.testkit.OracleTestServer;
import dev.orathin.testkit.PrivateFiles;
import dev.orathin.testkit.TestDatabase;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orathin testkit serve}: the test server standalone, for pointing other tools at it. */
@Command(name = "testkit", mixinStandardHelpOptions = true, description = "Run the in-process test server standalone.",
        subcommands = TestkitCommand.Serve.class)
public final class TestkitCommand implements Runnable {

    private static volatile OracleTestServer serving;
    /** The temporary client-config directory of {@code serve} without {@code --dir}: removed on stop. */
    private static volatile Path temporary;

    @ParentCommand
    OrathinCli root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: serve");
    }

    /** True while {@code testkit serve} left a server running in this process. */
    static boolean serving() {
        return serving != null;
    }

    /** Stops the server {@code testkit serve} started (tests, shutdown hook) and removes its temporary directory. */
    public static void stop() {
        OracleTestServer s = serving;
        serving = null;
        if (s != null) {
            s.close();
        }
        Path t = temporary;
        temporary = null;
        PrivateFiles.deleteTree(t);
    }

    /** {@code testkit serve}. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Start the listener + database, write a client config directory, and keep running until Ctrl-C.")
    static final class Serve implements Callable<Integer> {
        @ParentCommand
        TestkitCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--port", defaultValue = "0", description = "Listener port (default: any free port).")
        int port;

        @Option(names = "--tcp", description = "Plain TCP instead of TCPS (no wallet).")
        boolean tcp;

        @Option(names = "--no-handoff", description = "TCPS without the ADB listener hand-off (RESEND + second TLS).")
        boolean noHandoff;

        @Option(names = "--service", paramLabel = "NAME", defaultValue = "testdb_high,testdb_low", split = ",",
                description = "Service names (default: ${DEFAULT-VALUE}).")
        List<String> services;

        @Option(names = "--user", paramLabel = "NAME=PASSWORD_ENV", required = true,
                description = "A database user and the environment variable holding its password (repeatable), e.g. --user admin=ADMIN_PW.")
        Map<String, String> users = new LinkedHashMap<>();

        @Option(names = "--refuse", paramLabel = "SERVICE=ORA", description = "Refuse a service with this ORA error number (repeatable).")
        Map<String, Integer> refusals = new LinkedHashMap<>();

        @Option(names = "--fault", paramLabel = "FAULT",
                description = "Fault for the next connection (repeatable): wrong-dn, expired-cert, other-ca, reject-client-cert,"
                        + " never-answer, drop-mid-tls.")
        List<String> faults = List.of();

        @Option(names = "--config-dir", paramLabel = "DIR", description = "Where to write the client configuration (default: a new temporary directory).")
        Path dir;

        @Option(names = "--wallet-password-env", paramLabel = "NAME",
                description = "Environment variable with the password for ewallet.pem/.p12 (default: only cwallet.sso is usable without one;"
                        + " a random password is written to wallet-password.txt).")
        String walletPasswordEnv;

        @Override
        public Integer call() throws Exception {
            OrathinCli.Io io = parent.root.io();
            Map<String, char[]> accounts = new LinkedHashMap<>();
            users.forEach((u, env) -> accounts.put(u, Secrets.read(io, "password of " + u, env, null, true)));
            OracleTestServer.Builder b = OracleTestServer.builder().port(port).service(services.toArray(String[]::new))
                    .database(TestDatabase.withUsers(accounts));
            if (!tcp) {
                b.tcps().adbHandoff(!noHandoff);
            }
            refusals.forEach(b::refuse);
            OracleTestServer server = b.build().start();
            try {
                for (String f : faults) {
                    server.enqueueFault(fault(f));
                }
                PrintWriter out = spec.commandLine().getOut();
                out.printf("testkit listening on %s://%s:%d, services %s%n", tcp ? "tcp" : "tcps", server.host(), server.port(), server.services());
                if (!tcp) {
                    Path target = dir != null ? PrivateFiles.directory(dir) : PrivateFiles.temporaryDirectory("orathin-testkit-");
                    if (dir == null) {
                        temporary = target; // removed when the server stops
                    }
                    char[] wpw = walletPasswordEnv != null ? Secrets.read(io, "wallet password", walletPasswordEnv, null, true) : null;
                    if (wpw == null) {
                        wpw = Long.toString(new java.security.SecureRandom().nextLong() & Long.MAX_VALUE, 36).toCharArray();
                        PrivateFiles.write(target.resolve("wallet-password.txt"), (new String(wpw) + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                    server.writeClientConfig(target, wpw);
                    PrivateFiles.write(target.resolve("wallet.zip"), server.walletZip(wpw));
                    java.util.Arrays.fill(wpw, '\0');
                    out.println("client config (tnsnames.ora, sqlnet.ora, wallets, wallet.zip) in " + target);
                }
                for (String s : server.services()) {
                    out.println("  " + s + " = " + server.descriptor(s));
                }
                out.println("Ctrl-C stops the server.");
                out.flush();
                serving = server;
                Runtime.getRuntime().addShutdownHook(new Thread(TestkitCommand::stop, "orathin-testkit-stop"));
                return OrathinCli.EXIT_OK;
            } catch (Exception e) {
                server.close();
                throw e;
            } finally {
                accounts.values().forEach(p -> java.util.Arrays.fill(p, '\0'));
            }
        }

        private Fault fault(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "wrong-dn" -> new Fault.WrongDnCertificate();
                case "expired-cert" -> new Fault.ExpiredCertificate();
                case "other-ca" -> new Fault.OtherCaCertificate();
                case "reject-client-cert" -> new Fault.RejectClientCertificate();
                case "never-answer" -> new Fault.NeverAnswer();
                case "drop-mid-tls" -> new Fault.DropMidTlsHandshake();
                default -> throw new ParameterException(spec.commandLine(), "unknown fault '" + name + "'; expected one of wrong-dn,"
                        + " expired-cert, other-ca, reject-client-cert, never-answer, drop-mid-tls");
            };
        }
    }
}
