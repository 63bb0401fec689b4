package dev.orathin;

import dev.orathin.internal.config.CentralConfig;
import dev.orathin.internal.trace.PacketTrace;
import dev.orathin.internal.ttc.Login;
import dev.orathin.net.AttemptPlan;
import dev.orathin.net.internal.plan.AttemptPlanner;
import dev.orathin.net.internal.session.NetConnector;
import dev.orathin.net.NetSession;
import dev.orathin.net.internal.naming.ConnectStringResolver;
import dev.orathin.net.internal.naming.NamingRequest;
import dev.orathin.net.naming.ResolvedConnect;
import dev.orathin.net.internal.plan.WireDescriptor;
import dev.orathin.net.Redaction;
import dev.orathin.wallet.StoredCredential;
import dev.orathin.wallet.Wallet;
import dev.orathin.wallet.Wallets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Entry point: connect to an Oracle database the way python-oracledb's thin mode does.
 *
 * <pre>{@code
 * try (OracleConnection c = Orathin.connect(Path.of("/opt/wallet_mydb"), "mydb_high", "admin", password,
 *                                           "/opt/wallet_mydb", walletPassword)) {
 *     c.ping();
 * }
 * }</pre>
 */
public final class Orathin {

    /** This driver's name and version as the database records it (V$SESSION_CONNECT_INFO). */
    public static final String DRIVER_NAME = "orathin 0.1.0";

    /** Logger for the connect flow: wallet chosen, login, failures (docs/observability.md). */
    static final String LOGGER = "dev.orathin.connect";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final System.Logger LOG = System.getLogger(LOGGER);

    private Orathin() {
    }

    /** Connects with a config directory, dsn, credentials and an auto-login or password-less wallet. */
    public static OracleConnection connect(Path configDir, String dsn, String user, char[] password, String walletLocation) {
        return connect(configDir, dsn, user, password, walletLocation, null);
    }

    /** Connects with a config directory, dsn, credentials and a wallet with its password (ewallet.pem / ewallet.p12). */
    public static OracleConnection connect(Path configDir, String dsn, String user, char[] password, String walletLocation,
            char[] walletPassword) {
        return connect(ConnectParams.builder().configDir(configDir).dsn(dsn).user(user).password(password).walletLocation(walletLocation)
                .walletPassword(walletPassword).build());
    }

    /**
     * Connects with full parameters. {@link ConnectParams#connectTimeout()} bounds the whole
     * connect: the network part gets all of it and the login what is left.
     *
     * @throws OrathinUsageException OTN-1071 before any network I/O when a user is given without a password
     */
    public static OracleConnection connect(ConnectParams given) {
        // a config-<scheme>:// dsn is expanded first: its document may supply the user, the password and the timeouts
        ConnectParams p = CentralConfig.expand(given);
        long deadline = System.nanoTime() + p.connectTimeout().toNanos();
        if (p.user() != null && !p.hasPassword()) {
            throw new OrathinUsageException(CoreErrorCode.PASSWORD_MISSING, "user " + p.user() + " was given without a password;"
                    + " give the password too (ConnectParams.Builder.password, the JDBC property \"password\" or"
                    + " OrathinDataSource.setPassword)");
        }
        Prepared prepared = prepare(p);
        ResolvedConnect resolved = prepared.resolved();
        Wallet wallet = prepared.wallet();
        // looked up before any network I/O: no connect when the wallet has no credential for this connect string
        StoredCredential stored = p.user() == null && !p.hasPassword() ? storedCredential(p, resolved, wallet) : null;
        AttemptPlan plan = prepared.plan();
        NetSession net = PacketTrace.wrapIfEnabled(NetConnector.connect(plan, wallet, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000L)),
                p.connectListener()));
        String user = p.user();
        char[] password = p.password();
        char[] newPassword = p.newPassword();
        try {
            if (stored != null) {
                user = stored.user();
                password = stored.password();
            }
            WireDescriptor.Cid cid = WireDescriptor.Cid.ofThisProcess();
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000L));
            String loginUser = user;
            Login.Session session = new Login(net, left, RANDOM).run(new Login.Credentials(user, password == null
                    ? new char[0] : password, newPassword, cid.program(), cid.host(), cid.user(),
                    String.valueOf(ProcessHandle.current().pid()), DRIVER_NAME, timeZone()));
            LOG.log(System.Logger.Level.DEBUG, () -> "login ok: user " + loginUser + " on " + net.trace().route() + ", session "
                    + session.sessionId() + "," + session.serialNumber());
            return new OracleConnection(net, session, p.callTimeout(), p.callListener());
        } catch (RuntimeException e) {
            net.abort();
            // the message carries the ORA code and text only: never a password
            String failedUser = user;
            LOG.log(System.Logger.Level.INFO, () -> "login failed: user " + failedUser + " on " + net.trace().route() + ": "
                    + e.getMessage());
            throw e;
        } finally {
            ConnectParams.clear(password);
            ConnectParams.clear(newPassword);
        }
    }

    /**
     * The wallet-stored credential (Secure External Password Store, {@code mkstore -createCredential})
     * for a connect without user and password ({@code /@alias}): matched on the dsn as given, then on
     * the alias it resolved to, as ojdbc matches it.
     */
    static StoredCredential storedCredential(ConnectParams p, ResolvedConnect r, Wallet wallet) {
        if (wallet == null) {
            throw new OrathinUsageException(CoreErrorCode.NO_STORED_CREDENTIAL, "no user and no password were given, and there is no"
                    + " wallet to hold a stored credential for \"" + Redaction.connectString(p.dsn()) + "\"; give user and password, or a"
                    + " wallet with one (mkstore -createCredential)");
        }
        java.util.Optional<StoredCredential> c = wallet.credentials(p.dsn());
        if (c.isEmpty() && r.alias() != null) {
            c = wallet.credentials(r.alias());
        }
        return c.orElseThrow(() -> new OrathinUsageException(CoreErrorCode.NO_STORED_CREDENTIAL, "no user and no password were"
                + " given, and the wallet (" + wallet.source() + ") holds no credential for \"" + Redaction.connectString(p.dsn())
                + "\"; it holds credentials for " + wallet.credentialConnectStrings().stream().map(Redaction::connectString).toList()));
    }

    /**
     * What a connect with these parameters will use, worked out before any network I/O — the one
     * recipe shared by {@link #connect(ConnectParams)}, {@code orathin resolve} and the doctor.
     *
     * @param resolved the connect string resolved to descriptors (with where each value came from)
     * @param wallet the wallet the connect uses, or null (TCPS then trusts the JDK's store and sends no certificate)
     * @param walletSource how the wallet was chosen ("walletLocation parameter", "found in the configuration directory", ...),
     *     or null without a wallet
     * @param plan the attempts in the order they would be made this time
     */
    public record Prepared(ResolvedConnect resolved, Wallet wallet, String walletSource, AttemptPlan plan) {
    }

    /** A wallet and how it was chosen. */
    public record ChosenWallet(Wallet wallet, String source) {
    }

    /** {@link #resolve}, {@link #chooseWallet} and {@link #plan} in one. */
    public static Prepared prepare(ConnectParams given) {
        ConnectParams p = CentralConfig.expand(given);
        ResolvedConnect resolved = resolve(p);
        ChosenWallet w = chooseWallet(p, resolved);
        return new Prepared(resolved, w == null ? null : w.wallet(), w == null ? null : w.source(), plan(resolved));
    }

    /** Step 1 of {@link #prepare}: the dsn resolved (tnsnames.ora alias, Easy Connect or descriptor) with the parameters. */
    public static ResolvedConnect resolve(ConnectParams given) {
        ConnectParams p = CentralConfig.expand(given);
        return ConnectStringResolver.resolve(new NamingRequest(p.dsn(), p.configDir(), null, p.descriptorParams(), null));
    }

    /**
     * Step 2 of {@link #prepare}: the wallet, chosen in this order — the in-memory one given in the
     * parameters, the explicit location ({@code SYSTEM} = JDK trust), WALLET_LOCATION from the
     * descriptor or sqlnet.ora ({@code ?/network/admin} meaning the config directory, as in ADB
     * downloads), the config directory itself when it holds a wallet file; null when none applies.
     */
    public static ChosenWallet chooseWallet(ConnectParams given, ResolvedConnect r) {
        ConnectParams p = CentralConfig.expand(given);
        if (p.wallet() != null) {
            return chosen(p.wallet(), "given in the parameters");
        }
        // the configuration directory actually used: the argument, else the one naming found through
        // oracle.net.tns_admin / TNS_ADMIN / ORACLE_HOME (so the ADB sqlnet.ora works unchanged there too)
        Path configDir = p.configDir() != null ? p.configDir() : directory(r.configSource());
        String location = p.walletLocation();
        String how = "walletLocation parameter";
        if (location == null) {
            how = "WALLET_LOCATION of the descriptor / sqlnet.ora";
            location = r.walletLocation().orElse(null);
            if (location != null && location.startsWith("?") && configDir != null) {
                location = configDir.toString();
            }
        }
        if (location == null && configDir != null && Files.isDirectory(configDir)) {
            for (String f : Wallets.FILES_IN_ORDER) {
                if (Files.exists(configDir.resolve(f))) {
                    location = configDir.toString();
                    how = "found in the configuration directory";
                    break;
                }
            }
        }
        if (location == null) {
            LOG.log(System.Logger.Level.DEBUG, "wallet: none (TCPS uses the JDK's default trust and no client certificate)");
            return null;
        }
        if (location.equalsIgnoreCase("SYSTEM")) {
            return chosen(Wallets.system(), how);
        }
        char[] pw = p.walletPassword();
        if (pw == null) {
            // a wallet_password written into the connect string: a client-only parameter, never sent
            dev.orathin.net.Param inDsn = r.descriptions().descriptions().get(0).security().params().get("WALLET_PASSWORD");
            pw = inDsn == null ? null : inDsn.value().toCharArray();
        }
        try {
            return chosen(Wallets.loadCached(Path.of(location), pw), how);
        } finally {
            ConnectParams.clear(pw);
        }
    }

    /** Step 3 of {@link #prepare}: the attempts in the order they would be made (load balancing shuffles per call). */
    public static AttemptPlan plan(ResolvedConnect r) {
        return new AttemptPlanner(RANDOM, WireDescriptor.Cid.ofThisProcess(), null, null).plan(r.descriptions());
    }

    /** Connects on another thread. */
    public static CompletionStage<OracleConnection> connectAsync(ConnectParams p) {
        return CompletableFuture.supplyAsync(() -> connect(p));
    }

    /** Logs which wallet a connect uses: format, file, keys and trust, never a password or key material. */
    private static ChosenWallet chosen(Wallet w, String how) {
        LOG.log(System.Logger.Level.DEBUG, () -> "wallet (" + how + "): " + w.description());
        return new ChosenWallet(w, how);
    }

    /** The path of a naming config source when it is a directory (not a wallet.zip, not bytes), else null. */
    private static Path directory(String configSource) {
        if (configSource == null) {
            return null;
        }
        try {
            Path d = Path.of(configSource);
            return Files.isDirectory(d) ? d : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static String timeZone() {
        ZoneOffset o = ZoneId.systemDefault().getRules().getOffset(java.time.Instant.now());
        int s = o.getTotalSeconds();
        int abs = Math.abs(s);
        return String.format("%s%02d:%02d", s < 0 ? "-" : "+", abs / 3600, abs % 3600 / 60);
    }
}
