package dev.orathin.examples;

import dev.orathin.ConnectParams;
import dev.orathin.Cursor;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Connects without blocking the caller: {@link Orathin#connectAsync} returns a
 * {@link CompletionStage}; the work after the connect (here a query)
 * is chained on it, and the connection is closed when the chain ends, on success or failure.
 *
 * <pre>
 * ORATHIN_PASSWORD=... ORATHIN_WALLET_PASSWORD=... java dev.orathin.examples.AsyncConnect /opt/wallet_mydb mydb_high admin
 * </pre>
 */
public final class AsyncConnect {

    private AsyncConnect() {
    }

    /** Runs the example; exit code 0 on success, 1 on a connect failure, 2 on usage errors. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: AsyncConnect <configDir> <alias> <user>   (ORATHIN_PASSWORD, ORATHIN_WALLET_PASSWORD in the environment)");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), args[1], args[2], Env.password("ORATHIN_PASSWORD"), Env.password("ORATHIN_WALLET_PASSWORD"),
                System.out).toCompletableFuture().join());
    }

    /** Starts the connect and returns at once; the stage completes with the exit code. */
    public static CompletionStage<Integer> run(Path configDir, String alias, String user, char[] password, char[] walletPassword,
            PrintStream out) {
        ConnectParams p = ConnectParams.builder().configDir(configDir).dsn(alias).user(user).password(password)
                .walletLocation(configDir.toString()).walletPassword(walletPassword).build();
        CompletableFuture<OracleConnection> connecting = Orathin.connectAsync(p).toCompletableFuture();
        out.println("connect started; the caller's thread is free");
        return connecting.thenApply(c -> {
            try (c; Cursor cur = c.execute("select sysdate from dual")) {
                cur.next();
                out.printf("connected to %s; query answered: sysdate %s%n", c.banner(), cur.getObject(1));
                return 0;
            }
        }).exceptionally(t -> {
            Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
            out.println(cause instanceof OrathinException ? cause.getMessage() : cause.toString());
            return 1;
        });
    }
}
