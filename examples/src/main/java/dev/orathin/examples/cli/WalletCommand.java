package dev.orathin.examples.cli;

import dev.orathin.wallet.Wallet;
import dev.orathin.wallet.WalletDescription;
import dev.orathin.wallet.Wallets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orathin wallet show|check PATH}: what a wallet holds and whether it is usable. */
@Command(name = "wallet", description = "Show or check a wallet (ewallet.pem, ewallet.p12, cwallet.sso, wallet.zip or a directory).",
        subcommands = {WalletCommand.Show.class, WalletCommand.Check.class}, mixinStandardHelpOptions = true)
public final class WalletCommand implements Runnable {

    @ParentCommand
    OrathinCli root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: show or check");
    }

    /** Options shared by show and check. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        WalletCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PATH", description = "Wallet directory, wallet file or wallet.zip.")
        Path path;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @Option(names = "--password-env", paramLabel = "NAME", description = "Wallet password from this environment variable.")
        String passwordEnv;

        @Option(names = "--password-file", paramLabel = "FILE", description = "Wallet password from the first line of this file.")
        Path passwordFile;

        WalletDescription load() {
            OrathinCli.Io io = parent.root.io();
            char[] pw = null;
            if (passwordEnv != null || passwordFile != null) {
                pw = Secrets.read(io, "wallet password", passwordEnv, passwordFile, true);
            } else if (needsPassword(path)) {
                pw = Secrets.read(io, "wallet password", null, null, false);
            }
            Wallet w = Wallets.load(path, pw);
            if (pw != null) {
                java.util.Arrays.fill(pw, '\0');
            }
            return w.describe();
        }

        private static boolean needsPassword(Path p) {
            String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (Files.isDirectory(p)) {
                return !Files.exists(p.resolve("cwallet.sso"))
                        && (Files.exists(p.resolve("ewallet.p12")) || Files.exists(p.resolve("ewallet.pem")));
            }
            return name.equals("ewallet.p12") || name.endsWith(".p12") || name.endsWith(".pfx");
        }

        /** Warnings that make the wallet unusable (not merely expiring soon). */
        static List<String> blocking(WalletDescription d) {
            List<String> out = new ArrayList<>();
            for (String w : d.warnings()) {
                if (w.contains("expired") || w.contains("not valid before") || w.contains("does not match") || w.contains("none selected")) {
                    out.add(w);
                }
            }
            if (d.entries().stream().noneMatch(e -> e.role() == WalletDescription.Role.KEY)) {
                out.add("no private key: the wallet cannot authenticate this client (ADB mutual TLS needs one)");
            }
            return out;
        }

        void print(WalletDescription d, PrintWriter out, boolean check) {
            List<String> blocking = blocking(d);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source", d.source());
                m.put("format", d.format().name());
                List<Object> entries = new ArrayList<>();
                for (WalletDescription.Entry e : d.entries()) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("role", e.role().name());
                    x.put("alias", e.alias());
                    x.put("subject", e.subject());
                    x.put("issuer", e.issuer());
                    x.put("serial", e.serial());
                    x.put("sha256", e.sha256());
                    x.put("key", e.keyType() + " " + e.keySize());
                    x.put("notBefore", e.notBefore().toString());
                    x.put("notAfter", e.notAfter().toString());
                    x.put("warnings", e.warnings());
                    entries.add(x);
                }
                m.put("entries", entries);
                m.put("credentials", d.credentials());
                m.put("warnings", d.warnings());
                if (check) {
                    m.put("ok", blocking.isEmpty());
                    m.put("problems", blocking);
                }
                out.println(Json.write(m));
                return;
            }
            out.println("wallet  " + d.source());
            out.println("format  " + d.format());
            for (WalletDescription.Entry e : d.entries()) {
                out.println();
                out.println("  " + e.role() + (e.alias().isEmpty() ? "" : " (" + e.alias() + ")"));
                out.println("    subject      " + e.subject());
                out.println("    issuer       " + e.issuer());
                out.println("    sha256       " + e.sha256());
                out.println("    key          " + e.keyType() + " " + e.keySize());
                out.println("    valid        " + e.notBefore() + " .. " + e.notAfter());
                for (String w : e.warnings()) {
                    out.println("    WARNING      " + w);
                }
            }
            if (!d.credentials().isEmpty()) {
                out.println();
                out.println("stored credentials (passwords not shown): " + String.join(", ", d.credentials()));
            }
            if (!d.warnings().isEmpty()) {
                out.println();
                d.warnings().forEach(w -> out.println("warning: " + w));
            }
            if (check) {
                out.println();
                if (blocking.isEmpty()) {
                    out.println("OK: the wallet has a client key and " + count(d, WalletDescription.Role.TRUSTED) + " trusted certificate(s)");
                } else {
                    blocking.forEach(b -> out.println("FAIL: " + b));
                }
            }
        }

        private static long count(WalletDescription d, WalletDescription.Role role) {
            return d.entries().stream().filter(e -> e.role() == role).count();
        }
    }

    /** {@code wallet show}. */
    @Command(name = "show", description = "Format, entries (subject, issuer, fingerprint, key, validity) and warnings.",
            mixinStandardHelpOptions = true)
    static final class Show extends Base {
        @Override
        public Integer call() {
            print(load(), spec.commandLine().getOut(), false);
            return OrathinCli.EXIT_OK;
        }
    }

    /** {@code wallet check}: exit code 1 when the wallet cannot work (expired, key mismatch, no key). */
    @Command(name = "check", description = "Like show, then exit 1 if the wallet cannot work (expired, key/certificate mismatch, no key).",
            mixinStandardHelpOptions = true)
    static final class Check extends Base {
        @Override
        public Integer call() {
            WalletDescription d = load();
            print(d, spec.commandLine().getOut(), true);
            return blocking(d).isEmpty() ? OrathinCli.EXIT_OK : OrathinCli.EXIT_FAILURE;
        }
    }
}
