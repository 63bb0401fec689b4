package dev.orathin.examples;

import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The flow of Oracle's "connect Python apps with mTLS" guide, in Java: a directory holding the
 * unzipped ADB wallet ({@code tnsnames.ora} + {@code ewallet.pem}), an alias such as
 * {@code mydb_high}, the database user and the wallet password.
 *
 * <pre>
 * ORATHIN_PASSWORD=... ORATHIN_WALLET_PASSWORD=... java dev.orathin.examples.SeedFlow /opt/wallet_mydb mydb_high admin
 * </pre>
 * Passwords come from the environment, never from the command line.
 */
public final class SeedFlow {

    private SeedFlow() {
    }

    /** Runs the example; exit code 0 on success, 1 on a connect failure, 2 on usage errors. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: SeedFlow <configDir> <dsn> <user>   (ORATHIN_PASSWORD, ORATHIN_WALLET_PASSWORD in the environment)");
            System.exit(2);
        }
        String pw = System.getenv("ORATHIN_PASSWORD");
        String wpw = System.getenv("ORATHIN_WALLET_PASSWORD");
        System.exit(run(Path.of(args[0]), args[1], args[2], pw == null ? new char[0] : pw.toCharArray(),
                wpw == null ? null : wpw.toCharArray(), System.out));
    }

    /** Connects with the wallet in {@code configDir}, pings, prints what happened; returns the exit code. */
    public static int run(Path configDir, String dsn, String user, char[] password, char[] walletPassword, PrintStream out) {
        try (OracleConnection c = Orathin.connect(configDir, dsn, user, password, configDir.toString(), walletPassword)) {
            c.ping();
            out.println("connected to " + c.banner() + " (version " + c.serverVersion() + "), session " + c.sessionId() + ","
                    + c.serialNumber());
            out.println("connect phases: " + c.connectTrace().phases());
            return 0;
        } catch (OrathinException e) {
            out.println(e.getMessage());
            return 1;
        }
    }
}
