package dev.orathin;

import dev.orathin.net.ConnectParameter;
import dev.orathin.net.Redaction;
import dev.orathin.wallet.Wallet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything a connect needs, immutable. Build it with {@link #builder()}, or from the names users
 * already have in their configuration with {@link #fromMap(Map)}: python-oracledb style
 * ({@code user}, {@code password}, {@code dsn}, {@code config_dir}, {@code wallet_location},
 * {@code wallet_password}, {@code https_proxy}, {@code retry_count}...) and ojdbc style
 * ({@code oracle.net.tns_admin}, {@code oracle.net.wallet_location},
 * {@code oracle.net.wallet_password}, {@code oracle.net.httpsProxyHost}/{@code Port}...).
 * Descriptor parameters (retry_count, https_proxy, ssl_server_dn_match, ...) are passed to the
 * naming layer, where they win over the descriptor and sqlnet.ora.
 *
 * <p>{@link #toString()} never shows passwords.
 */
public final class ConnectParams {

    /** Default bound on the whole connect (all addresses, retries, login). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** Default bound on each server round trip after connect. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(5);

    private final String dsn;
    private final String user;
    private final char[] password;
    private final Path configDir;
    private final String walletLocation;
    private final char[] walletPassword;
    private final char[] newPassword;
    private final Wallet wallet;
    private final Duration connectTimeout;
    private final Duration callTimeout;
    private final Map<String, String> descriptorParams;
    private final dev.orathin.net.ConnectListener connectListener;
    private final CallListener callListener;

    private ConnectParams(Builder b) {
        this.dsn = Objects.requireNonNull(b.dsn, "dsn");
        this.user = b.user;
        this.password = b.password == null ? null : b.password.clone();
        this.configDir = b.configDir;
        this.walletLocation = b.walletLocation;
        this.walletPassword = b.walletPassword == null ? null : b.walletPassword.clone();
        this.newPassword = b.newPassword == null ? null : b.newPassword.clone();
        this.wallet = b.wallet;
        this.connectTimeout = b.connectTimeout;
        this.callTimeout = b.callTimeout;
        this.descriptorParams = Map.copyOf(b.descriptorParams);
        this.connectListener = b.connectListener;
        this.callListener = b.callListener;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Names {@link #fromMap} takes itself (python-oracledb and ojdbc spellings, lower case); the
     * descriptor parameters of {@link #DESCRIPTOR_PARAMS} are taken too, bare or with the
     * {@code oracle.net.} prefix.
     */
    static final java.util.Set<String> OWN_NAMES = java.util.Set.of("user", "username", "password", "dsn", "url", "connect_string",
            "connectstring", "config_dir", "configdir", "oracle.net.tns_admin", "tns_admin", "wallet_location", "walletlocation",
            "oracle.net.wallet_location", "wallet_password", "walletpassword", "oracle.net.wallet_password", "new_password",
            "newpassword", "oracle.jdbc.newpassword", "oracle.net.httpsproxyhost", "oracle.net.httpsproxyport", "connect_timeout_ms",
            "call_timeout", "oracle.jdbc.readtimeout");

    /**
     * The descriptor parameters the naming layer applies: every API / Easy Connect name of the
     * connect-parameter catalogue ({@link ConnectParameter}), so this list cannot drift from it.
     */
    static final java.util.Set<String> DESCRIPTOR_PARAMS = ConnectParameter.all().stream()
            .flatMap(p -> p.apiNames().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * Parameters from python-oracledb or ojdbc names (case-insensitive).
     *
     * <p>A name no layer knows is an error offering the nearest known name, except an ojdbc
     * setting ({@code oracle.*}) that is not a near miss of a known one: shared pool configuration
     * carries those ({@code oracle.jdbc.fanEnabled}), so they are ignored with a WARNING log line.
     *
     * @throws OrathinUsageException OTN-1070 for a name no layer knows (the message offers the
     *     nearest known name), OTN-1072 for a timeout that is not a number of milliseconds
     */
    public static ConnectParams fromMap(Map<String, String> map) {
        Map<String, String> known = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : map.entrySet()) {
            String key = e.getKey();
            String k = key.toLowerCase(Locale.ROOT);
            String bare = k.startsWith("oracle.net.") ? k.substring("oracle.net.".length()) : k;
            if (OWN_NAMES.contains(k) || DESCRIPTOR_PARAMS.contains(bare)) {
                known.put(key, e.getValue());
                continue;
            }
            java.util.Optional<String> near = nearest(k);
            if (k.startsWith("oracle.") && near.isEmpty()) {
                // an ojdbc setting orathin has no counterpart for (oracle.jdbc.fanEnabled, oracle.jdbc.implicitStatementCacheSize,
                // ...): services carry them in shared pool configuration, so they are ignored with a warning, not fatal
                System.getLogger("dev.orathin.connect").log(System.Logger.Level.WARNING, "connect parameter \"" + key
                        + "\" is an ojdbc setting orathin does not use; ignored");
                continue;
            }
            throw new OrathinUsageException(CoreErrorCode.UNKNOWN_PARAMETER, "connect parameter \"" + key + "\" is not known"
                    + near.map(n -> "; did you mean \"" + n + "\"?").orElse("; known names: " + new java.util.TreeSet<>(OWN_NAMES)
                    + " and the descriptor parameters " + new java.util.TreeSet<>(DESCRIPTOR_PARAMS)));
        }
        map = known;
        Builder b = builder();
        Map<String, String> params = new LinkedHashMap<>();
        String proxyHost = null;
        String proxyPort = null;
        for (Map.Entry<String, String> e : map.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            String v = e.getValue();
            switch (k) {
                case "user", "username" -> b.user(v);
                case "password" -> b.password(v.toCharArray());
                case "dsn", "url", "connect_string", "connectstring" -> b.dsn(v);
                case "config_dir", "configdir", "oracle.net.tns_admin", "tns_admin" -> b.configDir(Path.of(v));
                case "wallet_location", "walletlocation", "oracle.net.wallet_location" -> b.walletLocation(v);
                case "wallet_password", "walletpassword", "oracle.net.wallet_password" -> b.walletPassword(v.toCharArray());
                case "new_password", "newpassword", "oracle.jdbc.newpassword" -> b.newPassword(v.toCharArray());
                case "oracle.net.httpsproxyhost" -> proxyHost = v;
                case "oracle.net.httpsproxyport" -> proxyPort = v;
                case "connect_timeout_ms" -> b.connectTimeout(Duration.ofMillis(millis(e.getKey(), v)));
                case "call_timeout", "oracle.jdbc.readtimeout" -> b.callTimeout(Duration.ofMillis(millis(e.getKey(), v)));
                default -> params.put(k.startsWith("oracle.net.") ? k.substring("oracle.net.".length()) : k, v);
            }
        }
        if (proxyHost != null) {
            params.put("https_proxy", proxyHost);
        }
        if (proxyPort != null) {
            params.put("https_proxy_port", proxyPort);
        }
        b.descriptorParams(params);
        return b.build();
    }

    private static long millis(String key, String v) {
        try {
            long ms = Long.parseLong(v == null ? "" : v.trim());
            if (ms > 0) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new OrathinUsageException(CoreErrorCode.INVALID_PARAMETER, "connect parameter " + key + ": expected a positive number"
                + " of milliseconds, found \"" + v + "\"");
    }

    /** The known name closest to {@code k} by edit distance, when it is close enough to be a typo. */
    static java.util.Optional<String> nearest(String k) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (java.util.Set<String> names : java.util.List.of(OWN_NAMES, DESCRIPTOR_PARAMS)) {
            for (String n : new java.util.TreeSet<>(names)) {
                int d = dev.orathin.net.internal.naming.ConnectStringResolver.editDistance(k, n);
                if (d < bestDistance) {
                    best = n;
                    bestDistance = d;
                }
            }
        }
        return bestDistance <= Math.max(2, k.length() / 3) ? java.util.Optional.of(best) : java.util.Optional.empty();
    }

    /** Parameters from {@link Properties} (same names as {@link #fromMap(Map)}). */
    public static ConnectParams fromProperties(Properties p) {
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return fromMap(m);
    }

    /** The dsn: alias, Easy Connect or descriptor. */
    public String dsn() {
        return dsn;
    }

    /** The user, or null. */
    public String user() {
        return user;
    }

    /** True when a password was given (without copying it). */
    public boolean hasPassword() {
        return password != null;
    }

    /** A copy of the password (clear it after use), or null. */
    public char[] password() {
        return password == null ? null : password.clone();
    }

    /** The configuration directory (or wallet.zip), or null for TNS_ADMIN and friends. */
    public Path configDir() {
        return configDir;
    }

    /** The wallet location (directory, file, wallet.zip, or {@code SYSTEM}), or null. */
    public String walletLocation() {
        return walletLocation;
    }

    /** A copy of the wallet password, or null. */
    public char[] walletPassword() {
        return walletPassword == null ? null : walletPassword.clone();
    }

    /** A copy of the new password to set while logging in (expired passwords), or null. */
    public char[] newPassword() {
        return newPassword == null ? null : newPassword.clone();
    }

    /** The wallet given as an object (e.g. from {@code Wallets.fromBytes}), or null; it wins over every location. */
    public Wallet wallet() {
        return wallet;
    }

    /** Bound on the whole connect. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Bound on each round trip after connect. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Descriptor parameters (python-oracledb names) handed to the naming layer. */
    public Map<String, String> descriptorParams() {
        return descriptorParams;
    }

    /** A builder holding a copy of these parameters (secrets copied too), to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dsn = dsn;
        b.user = user;
        b.password = password == null ? null : password.clone();
        b.configDir = configDir;
        b.walletLocation = walletLocation;
        b.walletPassword = walletPassword == null ? null : walletPassword.clone();
        b.newPassword = newPassword == null ? null : newPassword.clone();
        b.wallet = wallet;
        b.connectTimeout = connectTimeout;
        b.callTimeout = callTimeout;
        b.descriptorParams.putAll(descriptorParams);
        b.connectListener = connectListener;
        b.callListener = callListener;
        return b;
    }

    /**
     * These parameters with other listeners (null means none): how a {@code DataSource} or pool
     * adds its metrics to parameters read from a URL or properties.
     */
    public ConnectParams withListeners(dev.orathin.net.ConnectListener connect, CallListener calls) {
        return toBuilder().connectListener(connect).callListener(calls).build();
    }

    /** Observer of the connect's steps (DNS, TCP, TLS, attempts, retries); {@code ConnectListener.NONE} by default. */
    public dev.orathin.net.ConnectListener connectListener() {
        return connectListener;
    }

    /** Observer of every call of the connection (metrics, tracing); {@link CallListener#NONE} by default. */
    public CallListener callListener() {
        return callListener;
    }

    /** Never shows passwords: the dsn goes through {@link Redaction#connectString(String)} (proxy credentials, secrets in it). */
    @Override
    public String toString() {
        return "ConnectParams[dsn=" + Redaction.connectString(dsn) + ", user=" + user + ", configDir=" + configDir + ", walletLocation=" + walletLocation
                + (wallet != null ? ", wallet=in-memory" : "") + ", params=" + descriptorParams.keySet() + "]";
    }

    /** Builder of {@link ConnectParams}. */
    public static final class Builder {
        private String dsn;
        private String user;
        private char[] password;
        private Path configDir;
        private String walletLocation;
        private char[] walletPassword;
        private char[] newPassword;
        private Wallet wallet;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private final Map<String, String> descriptorParams = new LinkedHashMap<>();
        private dev.orathin.net.ConnectListener connectListener = dev.orathin.net.ConnectListener.NONE;
        private CallListener callListener = CallListener.NONE;

        private Builder() {
        }

        /** Alias, Easy Connect string or descriptor. */
        public Builder dsn(String dsn) {
            this.dsn = dsn;
            return this;
        }

        /** The user (or {@code proxy_user[target_user]}). */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The password (copied). */
        public Builder password(char[] password) {
            this.password = password == null ? null : password.clone();
            return this;
        }

        /** Where tnsnames.ora / sqlnet.ora are (a directory or a wallet.zip). */
        public Builder configDir(Path configDir) {
            this.configDir = configDir;
            return this;
        }

        /** The wallet: a directory, a wallet file, a wallet.zip, or {@code SYSTEM}. */
        public Builder walletLocation(String walletLocation) {
            this.walletLocation = walletLocation;
            return this;
        }

        /** The wallet password (copied). */
        public Builder walletPassword(char[] walletPassword) {
            this.walletPassword = walletPassword == null ? null : walletPassword.clone();
            return this;
        }

        /**
         * A new password to set during login (copied), as python-oracledb's {@code newpassword}: the
         * way in when the current one has expired (ORA-28001).
         */
        public Builder newPassword(char[] newPassword) {
            this.newPassword = newPassword == null ? null : newPassword.clone();
            return this;
        }

        /**
         * An already loaded wallet (in-memory: {@code Wallets.fromBytes} / {@code fromText}, e.g. from a
         * secret store); it wins over {@link #walletLocation(String)} and WALLET_LOCATION.
         */
        public Builder wallet(Wallet wallet) {
            this.wallet = wallet;
            return this;
        }

        /** Bound on the whole connect (default 60 s). */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        /** Bound on each round trip after connect (default 5 min). */
        public Builder callTimeout(Duration d) {
            this.callTimeout = positive(d, "callTimeout");
            return this;
        }

        /**
         * Observes the connect: every attempt's DNS, TCP, proxy, TLS and identity steps, the
         * listener's answers, retries and the outcome (docs/observability.md). Null means none.
         */
        public Builder connectListener(dev.orathin.net.ConnectListener listener) {
            this.connectListener = listener == null ? dev.orathin.net.ConnectListener.NONE : listener;
            return this;
        }

        /** Observes every call the connection makes (duration, round trips, rows, bytes, outcome). Null means none. */
        public Builder callListener(CallListener listener) {
            this.callListener = listener == null ? CallListener.NONE : listener;
            return this;
        }

        /** A descriptor parameter with its python-oracledb name (retry_count, https_proxy, ...). */
        public Builder param(String name, String value) {
            descriptorParams.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        private Builder descriptorParams(Map<String, String> p) {
            descriptorParams.putAll(p);
            return this;
        }

        /** Builds the parameters. */
        public ConnectParams build() {
            return new ConnectParams(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }

    /** Clears a password copy. */
    static void clear(char[] c) {
        if (c != null) {
            Arrays.fill(c, '\0');
        }
    }
}
