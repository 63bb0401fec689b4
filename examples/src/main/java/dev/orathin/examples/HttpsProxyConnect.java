package dev.orathin.examples;

import dev.orathin.ConnectParams;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Connects through a corporate HTTPS proxy (HTTP CONNECT tunnel): the seed flow plus
 * {@code https_proxy} and {@code https_proxy_port}, as python-oracledb takes them. The same can be
 * written in tnsnames.ora as {@code (HTTPS_PROXY=proxy.corp)(HTTPS_PROXY_PORT=8080)} in the ADDRESS.
 *
 * <pre>
 * ORATHIN_PASSWORD=... java dev.orathin.examples.HttpsProxyConnect /opt/wallet_mydb mydb_high admin proxy.corp 8080
 * </pre>
 */
public final class HttpsProxyConnect {

    private HttpsProxyConnect() {
    }

    /** Runs the example; exit code 0 on success, 1 on a connect failure, 2 on usage errors. */
    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: HttpsProxyConnect <configDir> <alias> <user> <proxyHost> <proxyPort>   (ORATHIN_PASSWORD,"
                    + " ORATHIN_WALLET_PASSWORD in the environment)");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), args[1], args[2], Env.password("ORATHIN_PASSWORD"), Env.password("ORATHIN_WALLET_PASSWORD"),
                args[3], Integer.parseInt(args[4]), System.out));
    }

    /** Connects through the proxy and prints how long the tunnel took; returns the exit code. */
    public static int run(Path configDir, String alias, String user, char[] password, char[] walletPassword, String proxyHost, int proxyPort,
            PrintStream out) {
        ConnectParams p = ConnectParams.builder().configDir(configDir).dsn(alias).user(user).password(password)
                .walletLocation(configDir.toString()).walletPassword(walletPassword)
                .param("https_proxy", proxyHost).param("https_proxy_port", String.valueOf(proxyPort)).build();
        try (OracleConnection c = Orathin.connect(p)) {
            c.ping();
            out.println("connected to " + c.banner() + " over " + c.connectTrace().route() + "; phases " + c.connectTrace().phases());
            return 0;
        } catch (OrathinException e) {
            out.println(e.getMessage());
            return 1;
        }
    }
}
