package dev.orathin.examples;

import dev.orathin.ConnectParams;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import java.io.PrintStream;

/**
 * Easy Connect with the wallet named in the connect string itself, no tnsnames.ora needed:
 * {@code tcps://host:1522/service?wallet_location=/path/to/wallet}.
 *
 * <pre>
 * ORATHIN_PASSWORD=... java dev.orathin.examples.EasyConnectWallet \
 *     "tcps://adb.eu-frankfurt-1.oraclecloud.com:1522/abc_mydb_high.adb.oraclecloud.com?wallet_location=/opt/wallet_mydb" admin
 * </pre>
 * The wallet directory must hold {@code cwallet.sso} (auto-login) or the wallet password must be
 * in {@code ORATHIN_WALLET_PASSWORD}.
 */
public final class EasyConnectWallet {

    private EasyConnectWallet() {
    }

    /** Runs the example; exit code 0 on success, 1 on a connect failure, 2 on usage errors. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: EasyConnectWallet <easy-connect-string> <user>   (ORATHIN_PASSWORD in the environment)");
            System.exit(2);
        }
        System.exit(run(args[0], args[1], Env.password("ORATHIN_PASSWORD"), Env.password("ORATHIN_WALLET_PASSWORD"), System.out));
    }

    /** Connects with the Easy Connect string, pings, prints the session; returns the exit code. */
    public static int run(String easyConnect, String user, char[] password, char[] walletPassword, PrintStream out) {
        ConnectParams p = ConnectParams.builder().dsn(easyConnect).user(user).password(password).walletPassword(walletPassword).build();
        try (OracleConnection c = Orathin.connect(p)) {
            c.ping();
            out.println("connected to " + c.banner() + ", session " + c.sessionId() + " over " + c.connectTrace().route());
            return 0;
        } catch (OrathinException e) {
            out.println(e.getMessage());
            return 1;
        }
    }
}
