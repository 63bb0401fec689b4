package dev.orathin.examples;

import dev.orathin.ConnectParams;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Connects with the {@code Wallet_mydb.zip} downloaded from the ADB console as it is, without
 * unzipping: the zip is both the configuration (tnsnames.ora, sqlnet.ora) and the wallet.
 *
 * <pre>
 * ORATHIN_PASSWORD=... java dev.orathin.examples.WalletZipDirect ~/Downloads/Wallet_mydb.zip mydb_high admin
 * </pre>
 * The zip's {@code cwallet.sso} is used, so no wallet password is needed.
 */
public final class WalletZipDirect {

    private WalletZipDirect() {
    }

    /** Runs the example; exit code 0 on success, 1 on a connect failure, 2 on usage errors. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: WalletZipDirect <wallet.zip> <alias> <user>   (ORATHIN_PASSWORD in the environment)");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), args[1], args[2], Env.password("ORATHIN_PASSWORD"), System.out));
    }

    /** Connects with the zip as configuration and wallet; returns the exit code. */
    public static int run(Path walletZip, String alias, String user, char[] password, PrintStream out) {
        ConnectParams p = ConnectParams.builder().configDir(walletZip).dsn(alias).user(user).password(password)
                .walletLocation(walletZip.toString()).build();
        try (OracleConnection c = Orathin.connect(p)) {
            c.ping();
            out.println("connected to " + c.banner() + " with " + walletZip.getFileName() + ", session " + c.sessionId());
            return 0;
        } catch (OrathinException e) {
            out.println(e.getMessage());
            return 1;
        }
    }
}
