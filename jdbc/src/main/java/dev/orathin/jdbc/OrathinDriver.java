package dev.orathin.jdbc;

import dev.orathin.ConnectParams;
import dev.orathin.Orathin;
import dev.orathin.net.Redaction;
import dev.orathin.errors.OrathinException;
import dev.orathin.jdbc.internal.Errors;
import dev.orathin.jdbc.internal.JdbcConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The orathin JDBC driver. URLs: {@code jdbc:orathin:@alias?TNS_ADMIN=/dir}, {@code
 * jdbc:orathin:@tcps://host:1522/service?wallet_location=/dir} (Easy Connect) and {@code
 * jdbc:orathin:@(DESCRIPTION=...)}; ojdbc's {@code jdbc:oracle:thin:@...} forms too when the
 * property or system property {@code orathin.acceptOracleUrls=true} is set, so existing
 * configuration works unchanged. Properties take ojdbc names ({@code oracle.net.tns_admin},
 * {@code oracle.net.wallet_location}, ...) and python-oracledb names ({@code config_dir},
 * {@code wallet_location}, ...); {@link #getPropertyInfo} lists them.
 */
public final class OrathinDriver implements Driver {

    /** The driver's own URL prefix. */
    public static final String PREFIX = "jdbc:orathin:@";
    /** ojdbc's prefix, accepted when {@value #ACCEPT_ORACLE_URLS} is true. */
    public static final String ORACLE_PREFIX = "jdbc:oracle:thin:@";
    /**
     * The wallet-credential form, as ojdbc's {@code jdbc:oracle:thin:/@alias}: no user and no
     * password; both come from the wallet's Secure External Password Store entry for the alias.
     */
    public static final String STORED_CREDENTIAL_PREFIX = "jdbc:orathin:/@";
    /** Property (or system property) that makes the driver accept {@code jdbc:oracle:thin:@} URLs. */
    public static final String ACCEPT_ORACLE_URLS = "orathin.acceptOracleUrls";

    static {
        try {
            DriverManager.registerDriver(new OrathinDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        return connect(url, info, null, null);
    }

    /** {@link #connect(String, Properties)} with listeners ({@link OrathinDataSource}'s). */
    Connection connect(String url, Properties info, dev.orathin.net.ConnectListener connectListener, dev.orathin.CallListener callListener)
            throws SQLException {
        Properties merged = new Properties();
        if (info != null) {
            merged.putAll(info);
        }
        if (!acceptsURL(url, merged)) {
            return null; // JDBC: not our URL, let DriverManager try the next driver
        }
        try {
            ConnectParams params = params(url, merged);
            if (connectListener != null || callListener != null) {
                params = params.withListeners(connectListener, callListener);
            }
            return JdbcConnection.open(Orathin.connect(params), Redaction.jdbcUrl(url), params.user());
        } catch (OrathinException e) {
            throw Errors.translate(e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Errors.error(JdbcErrorCode.INVALID_CONNECT_PARAMS, "invalid connection parameters for " + Redaction.jdbcUrl(url) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return acceptsURL(url, new Properties());
    }

    private static boolean acceptsURL(String url, Properties info) {
        if (url == null) {
            return false;
        }
        if (url.startsWith(PREFIX) || url.startsWith(STORED_CREDENTIAL_PREFIX)) {
            return true;
        }
        boolean oracle = Boolean.parseBoolean(info.getProperty(ACCEPT_ORACLE_URLS, System.getProperty(ACCEPT_ORACLE_URLS, "false")));
        return oracle && url.startsWith(ORACLE_PREFIX);
    }

    /** The connect parameters a URL and its properties mean (URL query parameters win over properties). */
    static ConnectParams params(String url, Properties info) {
        String rest = url.startsWith(PREFIX) ? url.substring(PREFIX.length())
                : url.startsWith(STORED_CREDENTIAL_PREFIX) ? url.substring(STORED_CREDENTIAL_PREFIX.length())
                : url.substring(ORACLE_PREFIX.length());
        Properties p = new Properties();
        p.putAll(info);
        String dsn = rest;
        if (!rest.startsWith("(")) {
            int q = rest.indexOf('?');
            String head = q >= 0 ? rest.substring(0, q) : rest;
            boolean easyConnect = head.contains("/") || head.contains(":");
            if (q >= 0 && !easyConnect) {
                dsn = rest.substring(0, q);
                for (String kv : rest.substring(q + 1).split("&")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        String k = URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8);
                        p.setProperty(k.equalsIgnoreCase("TNS_ADMIN") ? "config_dir" : k.toLowerCase(Locale.ROOT),
                                URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            // Easy Connect keeps its ?key=value part: the naming layer reads it (wallet_location, retry_count, ...)
        }
        p.remove(ACCEPT_ORACLE_URLS);
        p.setProperty("dsn", dsn);
        // DriverManager's login timeout (HikariCP's DriverDataSource sets it from connectionTimeout) bounds the whole connect
        int login = DriverManager.getLoginTimeout();
        if (login > 0) {
            String given = p.getProperty("connect_timeout_ms");
            long millis = login * 1000L;
            if (given == null || parseMillis(given) > millis) {
                p.setProperty("connect_timeout_ms", String.valueOf(millis));
            }
        }
        return ConnectParams.fromProperties(p);
    }

    private static long parseMillis(String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // ConnectParams reports the bad value
        }
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        String[][] known = {
            {"user", "database user (proxy logins: proxy[client])"},
            {"password", "the user's password"},
            {"config_dir", "directory with tnsnames.ora / sqlnet.ora (ojdbc: oracle.net.tns_admin; URL: TNS_ADMIN)"},
            {"wallet_location", "wallet directory, file or wallet.zip (ojdbc: oracle.net.wallet_location)"},
            {"wallet_password", "wallet password for ewallet.pem / ewallet.p12 (ojdbc: oracle.net.wallet_password)"},
            {"https_proxy", "HTTPS proxy host (ojdbc: oracle.net.httpsProxyHost)"},
            {"https_proxy_port", "HTTPS proxy port (ojdbc: oracle.net.httpsProxyPort)"},
            {"new_password", "a new password to set at logon (expired passwords; ojdbc: oracle.jdbc.newPassword)"},
            {"connect_timeout_ms", "bound on the whole connect, milliseconds (DriverManager.getLoginTimeout() applies when smaller)"},
            {"call_timeout", "bound on each call, milliseconds (ojdbc: oracle.jdbc.ReadTimeout)"},
            {"retry_count", "connect retries over the address list"},
            {ACCEPT_ORACLE_URLS, "true: also accept jdbc:oracle:thin:@ URLs"},
        };
        DriverPropertyInfo[] out = new DriverPropertyInfo[known.length];
        for (int i = 0; i < known.length; i++) {
            out[i] = new DriverPropertyInfo(known[i][0], info == null ? null : info.getProperty(known[i][0]));
            out[i].description = known[i][1];
            out[i].required = known[i][0].equals("user") || known[i][0].equals("password");
        }
        return out;
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public boolean jdbcCompliant() {
        return false; // a subset of JDBC: see jdbc/README.md
    }

    @Override
    public Logger getParentLogger() {
        return parentLogger();
    }

    /**
     * The parent of orathin's loggers ({@code dev.orathin}: {@code dev.orathin.net.connect},
     * {@code dev.orathin.connect}, {@code dev.orathin.calls}, {@code dev.orathin.packets}, ...). orathin logs
     * through {@code System.Logger}, which goes to {@code java.util.logging} unless a
     * {@code System.LoggerFinder} (SLF4J, Log4j) is installed; with one installed, configure the same
     * names there.
     */
    static Logger parentLogger() {
        return Logger.getLogger("dev.orathin");
    }
}
