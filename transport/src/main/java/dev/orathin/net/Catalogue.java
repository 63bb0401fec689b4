package dev.orathin.net;

import static dev.orathin.net.ConnectParameter.Kind.BOOLEAN;
import static dev.orathin.net.ConnectParameter.Kind.DURATION;
import static dev.orathin.net.ConnectParameter.Kind.INTEGER;
import static dev.orathin.net.ConnectParameter.Kind.NESTED;
import static dev.orathin.net.ConnectParameter.Kind.TEXT;
import static dev.orathin.net.ConnectParameter.Level.ADDRESS;
import static dev.orathin.net.ConnectParameter.Level.ADDRESS_LIST;
import static dev.orathin.net.ConnectParameter.Level.CONNECT_DATA;
import static dev.orathin.net.ConnectParameter.Level.DESCRIPTION;
import static dev.orathin.net.ConnectParameter.Level.DESCRIPTION_LIST;
import static dev.orathin.net.ConnectParameter.Level.SECURITY;

import dev.orathin.net.ConnectParameter.Kind;
import dev.orathin.net.ConnectParameter.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The entries of {@link ConnectParameter#all()}. Sources: the Oracle Net reference for levels and
 * defaults, python-oracledb's parameter list and ojdbc's connection properties for the names,
 * connect-behaviour.md §10 and the CONNECT packets of real clients (../shared/real-packets) for
 * what travels to the listener: only the address, CONNECT_DATA and SOURCE_ROUTE.
 */
final class Catalogue {

    /** Builder-style row helpers keep each entry on one line. */
    private static final List<ConnectParameter> ROWS = new ArrayList<>();

    private static final boolean WIRE = true;
    private static final boolean CLIENT = false;
    private static final boolean SECRET = true;
    private static final boolean PLAIN = false;
    private static final boolean SUPPORTED = true;
    private static final boolean NOT_YET = false;

    static {
        Set<Level> lists = Set.of(DESCRIPTION_LIST, DESCRIPTION, ADDRESS_LIST);
        // steering of the attempt plan: client-only
        row("FAILOVER", DESCRIPTION, lists, BOOLEAN, "on", CLIENT, PLAIN, SUPPORTED, null, "try the next address when one fails", "failover");
        row("LOAD_BALANCE", DESCRIPTION, lists, BOOLEAN, "off (on for Easy Connect host lists)", CLIENT, PLAIN, SUPPORTED, null,
                "shuffle the addresses", "load_balance");
        row("SOURCE_ROUTE", DESCRIPTION, lists, BOOLEAN, "off", WIRE, PLAIN, SUPPORTED, null,
                "connect through the first address (Connection Manager) to the next", "source_route");
        row("RETRY_COUNT", DESCRIPTION, Set.of(DESCRIPTION), INTEGER, "0", CLIENT, PLAIN, SUPPORTED, null,
                "passes over the address list after the first", "retry_count");
        row("RETRY_DELAY", DESCRIPTION, Set.of(DESCRIPTION), DURATION, "1 sec", CLIENT, PLAIN, SUPPORTED, null, "pause between passes",
                "retry_delay");
        row("CONNECT_TIMEOUT", DESCRIPTION, Set.of(DESCRIPTION), DURATION, null, CLIENT, PLAIN, SUPPORTED,
                "SQLNET.OUTBOUND_CONNECT_TIMEOUT", "bound on one attempt up to the Oracle Net answer", "connect_timeout");
        row("TRANSPORT_CONNECT_TIMEOUT", DESCRIPTION, Set.of(DESCRIPTION), DURATION, "20 sec", CLIENT, PLAIN, SUPPORTED,
                "TCP.CONNECT_TIMEOUT", "bound on the TCP connect", "transport_connect_timeout", "tcp_connect_timeout");
        row("RECV_TIMEOUT", DESCRIPTION, Set.of(DESCRIPTION), DURATION, null, CLIENT, PLAIN, SUPPORTED, "SQLNET.RECV_TIMEOUT",
                "bound on each read during connect", "recv_timeout");
        row("EXPIRE_TIME", DESCRIPTION, Set.of(DESCRIPTION), DURATION, null, CLIENT, PLAIN, SUPPORTED, "SQLNET.EXPIRE_TIME",
                "TCP keepalive interval (minutes)", "expire_time");
        row("SDU", DESCRIPTION, Set.of(DESCRIPTION), INTEGER, "8192", CLIENT, PLAIN, SUPPORTED, null,
                "session data unit asked for in the CONNECT header (clamped to 512..2097152)", "sdu");
        row("USE_SNI", DESCRIPTION, Set.of(DESCRIPTION), BOOLEAN, "off", CLIENT, PLAIN, SUPPORTED, null,
                "send the service as TLS SNI so the listener can skip the hand-off", "use_sni");
        row("CONNECTION_ID_PREFIX", DESCRIPTION, Set.of(DESCRIPTION), TEXT, null, CLIENT, PLAIN, SUPPORTED, null,
                "prefix of the CONNECTION_ID sent in CONNECT_DATA", "connection_id_prefix");
        row("ENABLE", DESCRIPTION, Set.of(DESCRIPTION), TEXT, null, CLIENT, PLAIN, NOT_YET, null, "ENABLE=BROKEN keepalive", "enable");
        row("RECV_BUF_SIZE", ADDRESS, Set.of(DESCRIPTION, ADDRESS), INTEGER, null, CLIENT, PLAIN, NOT_YET, null, "socket receive buffer",
                "recv_buf_size");
        row("SEND_BUF_SIZE", ADDRESS, Set.of(DESCRIPTION, ADDRESS), INTEGER, null, CLIENT, PLAIN, NOT_YET, null, "socket send buffer",
                "send_buf_size");
        row("TYPE_OF_SERVICE", DESCRIPTION, Set.of(DESCRIPTION), TEXT, null, CLIENT, PLAIN, NOT_YET, null, "Oracle Rdb service type");
        row("COMPRESSION", DESCRIPTION, Set.of(DESCRIPTION), TEXT, null, CLIENT, PLAIN, NOT_YET, null,
                "network compression (never requested: orathin cannot decompress)");
        row("COMPRESSION_LEVELS", DESCRIPTION, Set.of(DESCRIPTION), NESTED, null, CLIENT, PLAIN, NOT_YET, null, "compression levels");
        // the address being tried: the only address data the listener sees
        row("PROTOCOL", ADDRESS, Set.of(ADDRESS), TEXT, "tcp", WIRE, PLAIN, SUPPORTED, null, "tcp or tcps");
        row("HOST", ADDRESS, Set.of(ADDRESS), TEXT, null, WIRE, PLAIN, SUPPORTED, null, "host name or IP address");
        row("PORT", ADDRESS, Set.of(ADDRESS), INTEGER, "1521", WIRE, PLAIN, SUPPORTED, null, "listener port");
        row("HTTPS_PROXY", ADDRESS, Set.of(ADDRESS), TEXT, null, CLIENT, PLAIN, SUPPORTED, null,
                "HTTP CONNECT proxy for TCPS ([user:password@]host); credentials are redacted", "https_proxy");
        row("HTTPS_PROXY_PORT", ADDRESS, Set.of(ADDRESS), INTEGER, null, CLIENT, PLAIN, SUPPORTED, null, "proxy port", "https_proxy_port");
        // CONNECT_DATA: the listener's section; everything in it travels (secret-looking names excepted)
        row("SERVICE_NAME", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, SUPPORTED, null, "database service");
        row("SID", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, SUPPORTED, null, "instance SID (old style)");
        row("INSTANCE_NAME", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, SUPPORTED, null, "instance of the service");
        row("SERVER", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, SUPPORTED, null, "dedicated, shared or pooled (others rejected)");
        row("POOL_CONNECTION_CLASS", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, SUPPORTED, null, "DRCP connection class",
                "pool_connection_class", "cclass");
        row("POOL_PURITY", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, SUPPORTED, null, "DRCP purity: new or self (others rejected)",
                "pool_purity", "purity");
        row("POOL_NAME", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, SUPPORTED, null, "DRCP pool name", "pool_name");
        row("POOL_BOUNDARY", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, SUPPORTED, null, "DRCP implicit pooling boundary",
                "pool_boundary");
        row("COLOCATION_TAG", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, SUPPORTED, null, "co-locate sessions",
                "colocation_tag");
        row("SERVICE_TAG", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, SUPPORTED, null, "service tag", "service_tag");
        row("FAILOVER_MODE", CONNECT_DATA, Set.of(CONNECT_DATA), NESTED, null, WIRE, PLAIN, NOT_YET, null, "TAF settings (thick mode only)");
        row("GLOBAL_NAME", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, NOT_YET, null, "global database name");
        row("HS", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, NOT_YET, null, "heterogeneous services");
        row("RDB_DATABASE", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, NOT_YET, null, "Oracle Rdb database");
        row("TUNNEL_SERVICE_NAME", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, NOT_YET, null, "Connection Manager tunnel");
        row("SHARDING_KEY", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, NOT_YET, null, "sharding key");
        row("SUPER_SHARDING_KEY", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, NOT_YET, null, "super sharding key");
        row("SHARDING_KEY_ID", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, NOT_YET, null, "sharding key id");
        row("CID", CONNECT_DATA, Set.of(CONNECT_DATA), NESTED, null, WIRE, PLAIN, SUPPORTED, null,
                "client program, host and OS user (always written by orathin)");
        row("CONNECTION_ID", CONNECT_DATA, Set.of(CONNECT_DATA), TEXT, null, WIRE, PLAIN, SUPPORTED, null,
                "trace id of this connect (always generated by orathin)");
        // SECURITY: client-side only, never sent
        row("SSL_SERVER_DN_MATCH", SECURITY, Set.of(SECURITY), BOOLEAN, "yes (TCPS)", CLIENT, PLAIN, SUPPORTED, "SSL_SERVER_DN_MATCH",
                "check the server certificate against the host or SSL_SERVER_CERT_DN", "ssl_server_dn_match");
        row("SSL_SERVER_CERT_DN", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, PLAIN, SUPPORTED, null,
                "the server certificate's expected subject DN", "ssl_server_cert_dn");
        row("SSL_VERSION", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, PLAIN, SUPPORTED, "SSL_VERSION", "TLS 1.2 and/or 1.3",
                "ssl_version");
        row("SSL_ALLOW_WEAK_DN_MATCH", SECURITY, Set.of(SECURITY), BOOLEAN, "off", CLIENT, PLAIN, SUPPORTED, null,
                "accept the listener's DN for the database's (19c behaviour)", "ssl_allow_weak_dn_match");
        row("SSL_CERTIFICATE_ALIAS", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, PLAIN, SUPPORTED, null,
                "which client certificate of the wallet", "ssl_certificate_alias");
        row("SSL_CERTIFICATE_THUMBPRINT", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, PLAIN, SUPPORTED, null,
                "client certificate by thumbprint", "ssl_certificate_thumbprint");
        row("SSL_CLIENT_AUTHENTICATION", SECURITY, Set.of(SECURITY), BOOLEAN, null, CLIENT, PLAIN, NOT_YET, null, "client certificate use");
        row("SSL_DISABLE_WEAK_EC_CURVES", SECURITY, Set.of(SECURITY), BOOLEAN, null, CLIENT, PLAIN, NOT_YET, null, "EC curve policy");
        row("WALLET_LOCATION", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, PLAIN, SUPPORTED, "WALLET_LOCATION",
                "wallet directory or file", "wallet_location");
        row("MY_WALLET_DIRECTORY", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, PLAIN, SUPPORTED, null,
                "wallet directory (older spelling)", "my_wallet_directory");
        row("WALLET_PASSWORD", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, SECRET, SUPPORTED, null,
                "password of ewallet.pem / ewallet.p12 (used when the API gives none)", "wallet_password");
        row("PASSWORD", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, SECRET, NOT_YET, null,
                "a database password written into a connect string: never sent, not used — give it to the API", "password");
        row("NEW_PASSWORD", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, SECRET, NOT_YET, null,
                "a new password written into a connect string: never sent, not used", "new_password");
        row("HTTPS_PROXY_PASSWORD", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, SECRET, NOT_YET, null,
                "proxy password written into a connect string: never sent, not used", "https_proxy_password");
        row("TOKEN", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, SECRET, NOT_YET, null, "database access token: never sent here",
                "token");
        row("ACCESS_TOKEN", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, SECRET, NOT_YET, null, "database access token: never sent here",
                "access_token");
        row("AUTHENTICATION_SERVICE", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, PLAIN, NOT_YET, null, "Kerberos, RADIUS, ...",
                "authentication_service");
        row("TOKEN_AUTH", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, PLAIN, NOT_YET, null, "OCI_TOKEN, OAUTH, ...", "token_auth");
        row("TOKEN_LOCATION", SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, PLAIN, NOT_YET, null, "where token files are",
                "token_location");
        for (String k : List.of("PASSWORD_AUTH", "OCI_IAM_URL", "OCI_TENANCY", "OCI_COMPARTMENT", "OCI_DATABASE", "OCI_CONFIG_FILE",
                "OCI_PROFILE", "AZURE_DB_APP_ID_URI", "TENANT_ID", "CLIENT_ID", "IGNORE_ANO_ENCRYPTION_FOR_TCPS", "KERBEROS5_PRINCIPAL")) {
            row(k, SECURITY, Set.of(SECURITY), TEXT, null, CLIENT, PLAIN, NOT_YET, null, "token and external authentication settings");
        }
    }

    static final List<ConnectParameter> ENTRIES = List.copyOf(ROWS);

    private Catalogue() {
    }

    private static void row(String keyword, Level home, Set<Level> levels, Kind kind, String def, boolean wire, boolean secret,
            boolean supported, String sqlnet, String summary, String... apiNames) {
        ROWS.add(new ConnectParameter(keyword, home, levels, kind, def, wire, secret, supported, List.of(apiNames), sqlnet, summary));
    }
}
