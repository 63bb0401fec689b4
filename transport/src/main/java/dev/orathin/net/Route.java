package dev.orathin.net;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One concrete way to reach a listener: protocol, host and port, optionally through an HTTPS
 * proxy, with the connect data to send and the TLS and timeout settings that apply. The attempt
 * planner turns a descriptor into an ordered list of routes.
 *
 * @param protocol {@code tcp} or {@code tcps}
 * @param host the host name or IP literal from the descriptor (used for the DN/host check)
 * @param address the IP to dial, or {@code null} to resolve {@code host} at connect time
 * @param port the port
 * @param proxy the HTTPS proxy, or {@code null}
 * @param connectData the descriptor text sent in CONNECT
 * @param serviceName the service name (for SNI and the weak DN check), or {@code null}
 * @param tls TLS settings (ignored for tcp)
 * @param timeouts the bounds of this attempt
 * @param sdu the session data unit to ask for
 */
public record Route(String protocol, String host, String address, int port, Proxy proxy, String connectData, String serviceName,
        TlsOptions tls, Timeouts timeouts, int sdu) {

    /** Default SDU asked for (python-oracledb and ojdbc use 8192). */
    public static final int DEFAULT_SDU = 8192;

    /** Validates the route. */
    public Route {
        protocol = Objects.requireNonNull(protocol, "protocol").toLowerCase(Locale.ROOT);
        if (!protocol.equals("tcp") && !protocol.equals("tcps")) {
            throw new IllegalArgumentException("protocol must be tcp or tcps, was " + protocol);
        }
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        Objects.requireNonNull(connectData, "connectData");
        tls = tls == null ? TlsOptions.DEFAULT : tls;
        timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
        if (sdu < 512 || sdu > 2_097_152) {
            throw new IllegalArgumentException("SDU must be 512..2097152, was " + sdu);
        }
    }

    /** A route with defaults for everything but the essentials. */
    public static Route of(String protocol, String host, int port, String connectData) {
        return new Route(protocol, host, null, port, null, connectData, null, null, null, DEFAULT_SDU);
    }

    /** The CONNECTION_ID inside the connect data, if any (printed in errors, as ojdbc and node do). */
    public String connectionId() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(CONNECTION_ID=([^)]*)\\)").matcher(connectData);
        return m.find() ? m.group(1) : null;
    }

    /** True for TCPS. */
    public boolean isTcps() {
        return protocol.equals("tcps");
    }

    /** This route with a proxy. */
    public Route withProxy(Proxy p) {
        return new Route(protocol, host, address, port, p, connectData, serviceName, tls, timeouts, sdu);
    }

    /** This route with TLS options. */
    public Route withTls(TlsOptions t) {
        return new Route(protocol, host, address, port, proxy, connectData, serviceName, t, timeouts, sdu);
    }

    /** This route with timeouts. */
    public Route withTimeouts(Timeouts t) {
        return new Route(protocol, host, address, port, proxy, connectData, serviceName, tls, t, sdu);
    }

    /** This route with another host/port (after a REDIRECT) and connect data. */
    public Route redirectedTo(String newHost, int newPort, String newConnectData) {
        return new Route(protocol, newHost, null, newPort, proxy, newConnectData, serviceName, tls, timeouts, sdu);
    }

    /** This route with a service name and connect data. */
    public Route withService(String service, String data) {
        return new Route(protocol, host, address, port, proxy, data, service, tls, timeouts, sdu);
    }

    /** This route dialing a resolved IP. */
    public Route withAddress(String ip) {
        return new Route(protocol, host, ip, port, proxy, connectData, serviceName, tls, timeouts, sdu);
    }

    /** Shown in errors and attempt logs: {@code tcps://host:port [ip] via proxy:port}. */
    @Override
    public String toString() {
        return protocol + "://" + host + ":" + port + (address != null && !address.equals(host) ? " [" + address + "]" : "")
                + (proxy != null ? " via proxy " + proxy : "");
    }

    /**
     * An HTTPS proxy (HTTP CONNECT tunnel).
     *
     * @param host proxy host
     * @param port proxy port
     * @param user Basic-auth user, or {@code null}
     * @param password Basic-auth password, or {@code null} (never printed)
     */
    public record Proxy(String host, int port, String user, char[] password) {
        /** Validates the proxy address. */
        public Proxy {
            Objects.requireNonNull(host, "proxy host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("proxy port must be 1..65535, was " + port);
            }
        }

        /** {@code host:port}, with the user but never the password. */
        @Override
        public String toString() {
            return (user != null ? user + "@" : "") + host + ":" + port;
        }
    }

    /**
     * TLS settings of a TCPS route.
     *
     * @param serverDnMatch SSL_SERVER_DN_MATCH: check the server certificate against the host (or DN)
     * @param serverCertDn SSL_SERVER_CERT_DN: the exact subject expected, or {@code null}
     * @param sslVersion SSL_VERSION: {@code TLSv1.2}, {@code TLSv1.3} or {@code null} for both
     * @param useSni USE_SNI: send Oracle's SNI form so the listener can skip the hand-off
     * @param weakDnMatch accept a certificate whose CN equals the service name (weak mode)
     */
    public record TlsOptions(boolean serverDnMatch, String serverCertDn, String sslVersion, boolean useSni, boolean weakDnMatch) {
        /** DN match on (the default of python-oracledb and ADB wallets), both TLS versions, no SNI. */
        public static final TlsOptions DEFAULT = new TlsOptions(true, null, null, false, false);

        /** Validates the SSL version. */
        public TlsOptions {
            if (sslVersion != null && !sslVersion.equals("TLSv1.2") && !sslVersion.equals("TLSv1.3")) {
                throw new IllegalArgumentException("SSL_VERSION must be TLSv1.2 or TLSv1.3, was " + sslVersion);
            }
        }
    }

    /**
     * The bounds of one attempt.
     *
     * @param transportConnect TRANSPORT_CONNECT_TIMEOUT: the TCP connect (default 20 s, as python-oracledb)
     * @param connect CONNECT_TIMEOUT: the whole attempt, TCP + proxy + TLS + Oracle Net (default 60 s)
     * @param recv RECV_TIMEOUT: each read after the session is open ({@code null}: only the caller's bound)
     * @param expireTime EXPIRE_TIME: TCP keepalive idle time ({@code null}: keepalive off)
     */
    public record Timeouts(Duration transportConnect, Duration connect, Duration recv, Duration expireTime) {
        /** Default TCP connect bound, as python-oracledb's DEFAULT_TCP_CONNECT_TIMEOUT. */
        public static final Duration DEFAULT_TRANSPORT_CONNECT = Duration.ofSeconds(20);
        /** Default bound of a whole attempt when CONNECT_TIMEOUT is not set. */
        public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(60);
        /** Defaults. */
        public static final Timeouts DEFAULT = new Timeouts(DEFAULT_TRANSPORT_CONNECT, DEFAULT_CONNECT, null, null);

        /** Fills defaults and validates. */
        public Timeouts {
            transportConnect = positive(transportConnect == null ? DEFAULT_TRANSPORT_CONNECT : transportConnect, "TRANSPORT_CONNECT_TIMEOUT");
            connect = positive(connect == null ? DEFAULT_CONNECT : connect, "CONNECT_TIMEOUT");
            if (recv != null) {
                positive(recv, "RECV_TIMEOUT");
            }
            if (expireTime != null) {
                positive(expireTime, "EXPIRE_TIME");
            }
        }

        private static Duration positive(Duration d, String name) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
