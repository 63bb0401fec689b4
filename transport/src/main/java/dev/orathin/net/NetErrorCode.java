package dev.orathin.net;

import dev.orathin.errors.ErrorCode;

/**
 * Stable codes of transport (3xxx: DNS, TCP, proxy, TLS, timeouts) and Oracle Net protocol (4xxx)
 * failures. Numbers are never reused. Each code also says whether an attempt that failed with it
 * is worth repeating against the same address ({@link #permanent()}).
 */
public enum NetErrorCode implements ErrorCode {
    /** The host name did not resolve. */
    DNS_FAILED(3001, "host name could not be resolved"),
    /** Nothing listens at the address (TCP RST). */
    TCP_REFUSED(3002, "TCP connection refused"),
    /** TRANSPORT_CONNECT_TIMEOUT fired during the TCP connect. */
    TCP_CONNECT_TIMEOUT(3003, "TCP connect timed out (TRANSPORT_CONNECT_TIMEOUT)"),
    /** CONNECT_TIMEOUT fired before the attempt (TCP + proxy + TLS + Oracle Net) completed. */
    CONNECT_TIMEOUT(3004, "connect attempt timed out (CONNECT_TIMEOUT)"),
    /** The overall connect deadline passed. */
    OVERALL_TIMEOUT(3005, "overall connect timeout expired"),
    /** RECV_TIMEOUT (or the call's own timeout) fired while waiting for the server. */
    RECV_TIMEOUT(3006, "receive timed out"),
    /** The HTTPS proxy answered CONNECT with a non-2xx status. */
    PROXY_REFUSED(3010, "HTTPS proxy refused the tunnel"),
    /** The HTTPS proxy did not answer in time. */
    PROXY_TIMEOUT(3011, "HTTPS proxy did not answer"),
    /** An HTTPS proxy was configured on a plain TCP address. */
    PROXY_REQUIRES_TCPS(3012, "HTTPS proxy needs a TCPS address", true),
    /** The TLS handshake failed for another reason. */
    TLS_HANDSHAKE_FAILED(3020, "TLS handshake failed"),
    /** The server certificate does not chain to a trusted certificate of the wallet. */
    TLS_UNTRUSTED_SERVER(3021, "server certificate not trusted", true),
    /** SSL_SERVER_CERT_DN did not match the server certificate's subject. */
    TLS_DN_MISMATCH(3022, "server certificate DN does not match SSL_SERVER_CERT_DN", true),
    /** SSL_SERVER_DN_MATCH on: the host is not in the certificate's SAN / CN. */
    TLS_HOST_MISMATCH(3023, "server certificate does not match the host", true),
    /** The server rejected the client certificate (or none was offered to a server that needs one). */
    TLS_CLIENT_REJECTED(3024, "server rejected the client certificate", true),
    /** The server certificate expired or is not yet valid. */
    TLS_CERT_EXPIRED(3025, "server certificate expired or not yet valid", true),
    /** The peer closed the connection. */
    CONNECTION_CLOSED(3030, "connection closed by the peer"),
    /** Another I/O error on the socket. */
    IO_ERROR(3031, "network I/O error"),
    /** A TCP address whose listener answered with TLS bytes: the address needs PROTOCOL=tcps. */
    PROTOCOL_MISMATCH(3032, "the listener speaks TLS but the address says PROTOCOL=tcp", true),
    /** A packet that does not follow the Oracle Net format. */
    MALFORMED_PACKET(4001, "malformed Oracle Net packet"),
    /** A well-formed packet that is not allowed at this point. */
    UNEXPECTED_PACKET(4002, "unexpected Oracle Net packet"),
    /** The listener refused the connection (REFUSE with an ORA code). */
    LISTENER_REFUSED(4010, "listener refused the connection"),
    /** REFUSE 12514: the service is not registered with the listener. */
    SERVICE_NOT_REGISTERED(4011, "service not registered with the listener"),
    /** REFUSE 12505: the SID is not known to the listener. */
    SID_NOT_KNOWN(4012, "SID not known to the listener"),
    /** More REDIRECTs than allowed in one attempt. */
    TOO_MANY_REDIRECTS(4020, "too many redirects"),
    /** The server accepted an Oracle Net version older than 315 (before 12.1). */
    VERSION_TOO_OLD(4021, "server Oracle Net version too old", true),
    /** The server requires Native Network Encryption / integrity, which thin mode does not do. */
    NATIVE_ENCRYPTION_REQUIRED(4022, "server requires Native Network Encryption", true),
    /** The server ended the session (DATA with the EOF flag, or CONTROL with an error). */
    SESSION_ENDED(4030, "server ended the session"),
    /** The session was already closed when used. */
    SESSION_CLOSED(4031, "session is closed");

    private final int number;
    private final String summary;
    private final boolean permanent;

    NetErrorCode(int number, String summary) {
        this(number, summary, false);
    }

    NetErrorCode(int number, String summary, boolean permanent) {
        this.number = number;
        this.summary = summary;
        this.permanent = permanent;
    }

    /**
     * True when retrying the same address cannot help within a connect: the certificate, the
     * identity check, the client certificate, the protocol or a configuration is wrong. The
     * connector then leaves the address out of later RETRY_COUNT passes (other addresses are still
     * tried: another host may present another certificate). Refusals, timeouts, resets and
     * "service not registered yet" are transient and follow the descriptor's retry rules.
     */
    public boolean permanent() {
        return permanent;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String summary() {
        return summary;
    }

    /**
     * Network trouble, timeouts and a listener that is not ready (service not registered yet,
     * handlers busy) may pass; certificate, DN and protocol faults fail the same way each time.
     */
    @Override
    public boolean isTransient() {
        return switch (this) {
            case DNS_FAILED, TCP_REFUSED, TCP_CONNECT_TIMEOUT, CONNECT_TIMEOUT, OVERALL_TIMEOUT, RECV_TIMEOUT, PROXY_REFUSED,
                    PROXY_TIMEOUT, CONNECTION_CLOSED, IO_ERROR, LISTENER_REFUSED, SERVICE_NOT_REGISTERED, SESSION_ENDED -> true;
            default -> false;
        };
    }
}
