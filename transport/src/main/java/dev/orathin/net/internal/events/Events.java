package dev.orathin.net.internal.events;

import dev.orathin.net.ConnectEvent;
import dev.orathin.net.ConnectListener;
import java.lang.System.Logger.Level;

/**
 * Delivers connect events to the built-in {@link LoggingConnectListener} and the caller's
 * listener. A listener that throws is logged once per event and otherwise ignored: observing a
 * connect must never change its outcome.
 */
public final class Events {

    private static final System.Logger LOG = System.getLogger(LoggingConnectListener.LOGGER);

    private final ConnectListener[] listeners;

    /** Events for {@code user} (may be null) plus logging. */
    public Events(ConnectListener user) {
        this.listeners = user == null || user == ConnectListener.NONE ? new ConnectListener[] {LoggingConnectListener.INSTANCE}
                : new ConnectListener[] {LoggingConnectListener.INSTANCE, user};
    }

    /** Events that go nowhere but the log (tests of single steps). */
    public static Events logOnly() {
        return new Events(null);
    }

    /** Sends {@code e} to every listener, through its typed method. */
    public void emit(ConnectEvent e) {
        for (ConnectListener l : listeners) {
            try {
                dispatch(l, e);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "connect listener " + l.getClass().getName() + " failed on " + e.getClass().getSimpleName()
                        + " (ignored): " + ex);
            }
        }
    }

    private static void dispatch(ConnectListener l, ConnectEvent e) {
        if (e instanceof ConnectEvent.DnsResolved x) {
            l.dnsResolved(x);
        } else if (e instanceof ConnectEvent.TcpConnected x) {
            l.tcpConnected(x);
        } else if (e instanceof ConnectEvent.ProxyTunnelOpened x) {
            l.proxyTunnelOpened(x);
        } else if (e instanceof ConnectEvent.TlsHandshakeDone x) {
            l.tlsHandshakeDone(x);
        } else if (e instanceof ConnectEvent.IdentityChecked x) {
            l.identityChecked(x);
        } else if (e instanceof ConnectEvent.NetAnswer x) {
            l.netAnswer(x);
        } else if (e instanceof ConnectEvent.AttemptFailed x) {
            l.attemptFailed(x);
        } else if (e instanceof ConnectEvent.AttemptEnded x) {
            l.attemptEnded(x);
        } else if (e instanceof ConnectEvent.RetryScheduled x) {
            l.retryScheduled(x);
        } else if (e instanceof ConnectEvent.ConnectFailed x) {
            l.connectFailed(x);
        } else if (e instanceof ConnectEvent.Connected x) {
            l.connected(x);
        } else {
            l.event(e);
        }
    }
}
