package dev.orathin.net;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One observable step of a connect, reported to a {@link ConnectListener} in the order it happens
 * (okhttp's {@code EventListener} model). Events carry routes, certificates and error values but
 * never a secret: a route prints its proxy without the password, and connect data is not included.
 */
public sealed interface ConnectEvent {

    /**
     * A host name of a route resolved (one attempt per address follows).
     *
     * @param route the route as planned (host name, no IP yet)
     * @param addresses the IPs in the resolver's order
     * @param took time spent resolving
     */
    record DnsResolved(Route route, List<String> addresses, Duration took) implements ConnectEvent {
        /** Copies the list. */
        public DnsResolved {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * The TCP connection is up (to the database address, or to the HTTPS proxy).
     *
     * @param route the route being tried
     * @param remote the socket peer, {@code ip:port}
     * @param took time spent connecting
     */
    record TcpConnected(Route route, String remote, Duration took) implements ConnectEvent {
    }

    /**
     * The HTTPS proxy answered the CONNECT request with a 2xx status: the tunnel is open.
     *
     * @param route the route being tried
     * @param statusLine the proxy's status line, e.g. {@code HTTP/1.1 200 Connection established}
     * @param took time from sending CONNECT to the answer
     */
    record ProxyTunnelOpened(Route route, String statusLine, Duration took) implements ConnectEvent {
    }

    /**
     * A TLS handshake completed (before the identity check).
     *
     * @param route the route being tried
     * @param handshake 1 for the first handshake, 2 for the one after the listener hand-off (RESEND)
     * @param protocol the negotiated protocol, e.g. {@code TLSv1.3}
     * @param cipherSuite the negotiated cipher suite
     * @param peerChain the server's certificate chain, leaf first
     * @param clientCertificate the client certificate sent, or {@code null} when none was asked for or available
     * @param took time spent in the handshake
     */
    record TlsHandshakeDone(Route route, int handshake, String protocol, String cipherSuite, List<X509Certificate> peerChain,
            X509Certificate clientCertificate, Duration took) implements ConnectEvent {
        /** Copies the chain. */
        public TlsHandshakeDone {
            peerChain = List.copyOf(peerChain);
        }
    }

    /**
     * The server identity was checked against the descriptor's rules; a failed verdict ends the
     * attempt before any Oracle Net byte is written.
     *
     * @param route the route being tried
     * @param handshake which handshake's certificate (1 or 2)
     * @param verdict the rule, expected and actual values, and the result
     */
    record IdentityChecked(Route route, int handshake, IdentityVerdict verdict) implements ConnectEvent {
    }

    /**
     * The listener answered CONNECT.
     *
     * @param route the route being tried
     * @param kind ACCEPT, REDIRECT, RESEND or REFUSE
     * @param detail what the answer carried: version and SDU, redirect address, hand-off flag, or the refusal error
     */
    record NetAnswer(Route route, Kind kind, String detail) implements ConnectEvent {
        /** The listener's answers to CONNECT. */
        public enum Kind {
            /** The session is open. */
            ACCEPT,
            /** Go to another address. */
            REDIRECT,
            /** Send CONNECT again (with a new TLS handshake first when flagged: the ADB hand-off). */
            RESEND,
            /** The listener refused the connection. */
            REFUSE
        }
    }

    /**
     * One attempt failed.
     *
     * @param route the route tried
     * @param phase the phase it failed in
     * @param error the failure
     * @param permanent true when retrying the same address cannot help (a certificate or identity
     *     fault, a protocol mismatch): the address is left out of later RETRY_COUNT passes
     */
    record AttemptFailed(Route route, ConnectAttempt.Phase phase, NetException error, boolean permanent) implements ConnectEvent {
        /** Validates. */
        public AttemptFailed {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * Summary of one finished attempt (failed or successful), as it appears in the attempt log.
     *
     * @param attempt route, phase reached, outcome, elapsed
     */
    record AttemptEnded(ConnectAttempt attempt) implements ConnectEvent {
    }

    /**
     * A RETRY_COUNT pass is about to start, after RETRY_DELAY.
     *
     * @param pass the pass number about to run (2 = first retry)
     * @param passes the passes allowed in all (RETRY_COUNT + 1)
     * @param delay the pause before it
     * @param addresses how many addresses of the description are left to try (permanently failed ones are left out)
     */
    record RetryScheduled(int pass, int passes, Duration delay, int addresses) implements ConnectEvent {
    }

    /**
     * The whole connect failed; this is the exception the caller receives.
     *
     * @param error the reported failure
     * @param attempts how many attempts were made
     * @param elapsed time since the connect began
     */
    record ConnectFailed(NetException error, int attempts, Duration elapsed) implements ConnectEvent {
    }

    /**
     * The connect succeeded.
     *
     * @param route the route of the open session
     * @param attempts how many attempts were made, the successful one included
     * @param elapsed time since the connect began
     */
    record Connected(Route route, int attempts, Duration elapsed) implements ConnectEvent {
    }
}
