package dev.orathin.examples.cli;

import dev.orathin.ConnectParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The connect options shared by {@code sql}, {@code resolve} and {@code doctor}. */
public final class ConnectOptions {

    @Option(names = {"-c", "--config-dir"}, paramLabel = "DIR",
            description = "Directory with tnsnames.ora/sqlnet.ora (the unzipped ADB wallet), or a wallet.zip file.")
    Path configDir;

    @Option(names = {"-d", "--dsn"}, required = true, paramLabel = "DSN",
            description = "tnsnames.ora alias (mydb_high), Easy Connect string or full descriptor.")
    String dsn;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Database user.")
    String user;

    @Option(names = {"-w", "--wallet"}, paramLabel = "PATH",
            description = "Wallet directory or file (default: WALLET_LOCATION, else the config directory); SYSTEM = JDK trust store.")
    String wallet;

    @Option(names = "--password-env", paramLabel = "NAME", description = "Read the database password from this environment variable.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the database password from the first line of this file.")
    Path passwordFile;

    @Option(names = "--wallet-password-env", paramLabel = "NAME", description = "Read the wallet password from this environment variable.")
    String walletPasswordEnv;

    @Option(names = "--wallet-password-file", paramLabel = "FILE", description = "Read the wallet password from the first line of this file.")
    Path walletPasswordFile;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Bound of the whole connect, retries included (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "Connect parameter, python-oracledb names (https_proxy=host, https_proxy_port=443, retry_count=0, ...).")
    Map<String, String> params = new LinkedHashMap<>();

    /** The explicit parameters as given. */
    Map<String, String> params() {
        return params == null ? Map.of() : params;
    }

    /** The database password: env, file or prompt; null when not required and not available. */
    char[] password(OrathinCli.Io io, boolean required) {
        return Secrets.read(io, "password for " + (user == null ? "the database user" : user), passwordEnv, passwordFile, required);
    }

    /**
     * The wallet password: from env or file; prompted for only when the wallet is a password
     * wallet (ewallet.pem / ewallet.p12 without cwallet.sso) and a terminal is available.
     */
    char[] walletPassword(OrathinCli.Io io) {
        if (walletPasswordEnv != null || walletPasswordFile != null) {
            return Secrets.read(io, "wallet password", walletPasswordEnv, walletPasswordFile, true);
        }
        Path dir = wallet != null && !wallet.equalsIgnoreCase("SYSTEM") ? Path.of(wallet) : configDir;
        if (dir != null && Files.isDirectory(dir) && !Files.exists(dir.resolve("cwallet.sso"))
                && (Files.exists(dir.resolve("ewallet.pem")) || Files.exists(dir.resolve("ewallet.p12")))) {
            return Secrets.read(io, "wallet password", null, null, false);
        }
        return null;
    }

    Duration connectTimeout() {
        return Duration.ofSeconds(Math.max(1, connectTimeoutSeconds));
    }

    /**
     * The parameters of the steps before login (resolve, wallet, plan): no user and no password
     * prompt, the wallet password when one is given or needed.
     */
    ConnectParams setupParams(OrathinCli.Io io) {
        ConnectParams.Builder b = ConnectParams.builder().configDir(configDir).dsn(dsn).walletLocation(wallet)
                .walletPassword(walletPassword(io)).connectTimeout(connectTimeout());
        params().forEach(b::param);
        return b.build();
    }

    /**
     * The connect parameters for {@code Orathin.connect}. Without {@code -u} and without a password
     * source, user and password come from the wallet's stored credential for the dsn
     * ({@code mkstore -createCredential}), as with ojdbc's {@code /@alias}.
     */
    ConnectParams connectParams(OrathinCli.Io io) {
        boolean storedCredential = user == null && passwordEnv == null && passwordFile == null;
        ConnectParams.Builder b = ConnectParams.builder().configDir(configDir).dsn(dsn).user(user)
                .password(storedCredential ? null : password(io, true)).walletLocation(wallet).walletPassword(walletPassword(io))
                .connectTimeout(connectTimeout());
        params().forEach(b::param);
        return b.build();
    }
}
