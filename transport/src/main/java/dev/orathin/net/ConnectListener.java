package dev.orathin.net;

import dev.orathin.net.internal.session.NetConnector;
/**
 * Observes the steps of a connect (okhttp's {@code EventListener} model): DNS, TCP, proxy tunnel,
 * each TLS handshake and identity check, the listener's answers, failed attempts and retries. Every
 * method has a no-op default that forwards to {@link #event(ConnectEvent)}, so a listener overrides
 * either the steps it cares about or just {@code event}.
 *
 * <p>Methods are called on the thread that runs {@code NetConnector.connect}, in order. They must
 * return quickly; an exception thrown by a listener is logged and otherwise ignored. Events never
 * carry secrets (see {@link ConnectEvent}).
 */
public interface ConnectListener {

    /** A listener that ignores every event. */
    ConnectListener NONE = new ConnectListener() {
    };

    /** A host name resolved. */
    default void dnsResolved(ConnectEvent.DnsResolved e) {
        event(e);
    }

    /** A TCP connection is up. */
    default void tcpConnected(ConnectEvent.TcpConnected e) {
        event(e);
    }

    /** The HTTPS proxy opened the tunnel. */
    default void proxyTunnelOpened(ConnectEvent.ProxyTunnelOpened e) {
        event(e);
    }

    /** A TLS handshake completed. */
    default void tlsHandshakeDone(ConnectEvent.TlsHandshakeDone e) {
        event(e);
    }

    /** The server identity was checked. */
    default void identityChecked(ConnectEvent.IdentityChecked e) {
        event(e);
    }

    /** The listener answered CONNECT. */
    default void netAnswer(ConnectEvent.NetAnswer e) {
        event(e);
    }

    /** An attempt failed. */
    default void attemptFailed(ConnectEvent.AttemptFailed e) {
        event(e);
    }

    /** An attempt ended (summary). */
    default void attemptEnded(ConnectEvent.AttemptEnded e) {
        event(e);
    }

    /** A retry pass is about to start. */
    default void retryScheduled(ConnectEvent.RetryScheduled e) {
        event(e);
    }

    /** The connect failed. */
    default void connectFailed(ConnectEvent.ConnectFailed e) {
        event(e);
    }

    /** The connect succeeded. */
    default void connected(ConnectEvent.Connected e) {
        event(e);
    }

    /** Receives every event the typed methods do not handle; does nothing by default. */
    default void event(ConnectEvent e) {
    }
}
