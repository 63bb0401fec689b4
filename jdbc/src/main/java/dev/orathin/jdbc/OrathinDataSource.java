package dev.orathin.jdbc;

import dev.orathin.net.Redaction;
import dev.orathin.jdbc.internal.Errors;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} with JavaBean properties, for pools and frameworks: HikariCP's
 * {@code dataSourceClassName=dev.orathin.jdbc.OrathinDataSource} with {@code dataSource.url},
 * {@code dataSource.user}, {@code dataSource.password}, {@code dataSource.walletLocation}, ...
 */
public class OrathinDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private String configDir;
    private String walletLocation;
    private String walletPassword;
    private Integer connectTimeoutSeconds;
    private int loginTimeout;
    private final Properties extra = new Properties();
    private PrintWriter logWriter;
    private dev.orathin.net.ConnectListener connectListener;
    private dev.orathin.CallListener callListener;

    /** The JDBC URL ({@code jdbc:orathin:@...}). */
    public void setUrl(String url) {
        this.url = url;
    }

    /** The JDBC URL. */
    public String getUrl() {
        return url;
    }

    /** The database user. */
    public void setUser(String user) {
        this.user = user;
    }

    /** The database user. */
    public String getUser() {
        return user;
    }

    /** The user's password (never returned by a getter). */
    public void setPassword(String password) {
        this.password = password;
    }

    /** The directory with tnsnames.ora (TNS_ADMIN). */
    public void setConfigDir(String configDir) {
        this.configDir = configDir;
    }

    /** The wallet directory, file or wallet.zip. */
    public void setWalletLocation(String walletLocation) {
        this.walletLocation = walletLocation;
    }

    /** The wallet password (ewallet.pem / ewallet.p12; never returned by a getter). */
    public void setWalletPassword(String walletPassword) {
        this.walletPassword = walletPassword;
    }

    /** Bound on the whole connect, seconds. */
    public void setConnectTimeout(int seconds) {
        this.connectTimeoutSeconds = seconds;
    }

    /**
     * Observes every call of the connections this data source opens (duration, round trips, rows,
     * bytes, outcome): the metrics and tracing hook ({@code orathin-micrometer},
     * {@code orathin-opentelemetry}). Null means none.
     */
    public void setCallListener(dev.orathin.CallListener listener) {
        this.callListener = listener;
    }

    /** Observes the connects this data source makes (attempts, TLS, retries, outcome). Null means none. */
    public void setConnectListener(dev.orathin.net.ConnectListener listener) {
        this.connectListener = listener;
    }

    /** Any other connect parameter (ojdbc or python-oracledb name). */
    public void setProperty(String name, String value) {
        extra.setProperty(name, value);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pw) throws SQLException {
        if (url == null) {
            throw Errors.error(JdbcErrorCode.INVALID_CONNECT_PARAMS, "OrathinDataSource needs a url (jdbc:orathin:@...), found none");
        }
        Properties p = new Properties();
        p.putAll(extra);
        put(p, "user", username);
        put(p, "password", pw);
        put(p, "config_dir", configDir);
        put(p, "wallet_location", walletLocation);
        put(p, "wallet_password", walletPassword);
        // the login timeout (HikariCP sets it from connectionTimeout) bounds the whole connect, as does connectTimeout: the smaller wins
        long millis = Long.MAX_VALUE;
        if (connectTimeoutSeconds != null && connectTimeoutSeconds > 0) {
            millis = connectTimeoutSeconds * 1000L;
        }
        if (loginTimeout > 0) {
            millis = Math.min(millis, loginTimeout * 1000L);
        }
        if (millis != Long.MAX_VALUE) {
            p.setProperty("connect_timeout_ms", String.valueOf(millis));
        }
        if (url.startsWith(OrathinDriver.ORACLE_PREFIX)) {
            p.setProperty(OrathinDriver.ACCEPT_ORACLE_URLS, "true");
        }
        Connection c = new OrathinDriver().connect(url, p, connectListener, callListener);
        if (c == null) {
            throw Errors.error(JdbcErrorCode.INVALID_CONNECT_PARAMS, "not an orathin URL: " + Redaction.jdbcUrl(url) + " (expected jdbc:orathin:@...)");
        }
        return c;
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /**
     * Bounds the whole connect (DNS, TCP, TLS, Oracle Net, login) to {@code seconds}; 0 means the
     * default ({@link dev.orathin.ConnectParams#DEFAULT_CONNECT_TIMEOUT}). HikariCP sets it from
     * its connectionTimeout.
     */
    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() {
        return OrathinDriver.parentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw Errors.error(JdbcErrorCode.NOT_A_WRAPPER, "not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "OrathinDataSource[" + Redaction.jdbcUrl(url) + ", user=" + user + "]";
    }
}
