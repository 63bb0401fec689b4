package dev.orathin.net.internal.events;

import dev.orathin.net.ConnectEvent;
import dev.orathin.net.ConnectListener;
import java.lang.System.Logger.Level;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * The built-in listener that writes connect events to {@code System.Logger} {@value #LOGGER}
 * (docs/observability.md): attempts, retries, redirects, hand-offs and TLS protocol / cipher at
 * DEBUG; a failed attempt at INFO, or WARNING when it is permanent (the address is dropped); the
 * failed connect at INFO (the caller gets the exception); a server or client certificate that expires within
 * {@link #EXPIRY_WARNING} (or has expired) at WARNING. Lines carry routes, codes and certificate
 * subjects, never connect data, passwords or keys.
 */
public final class LoggingConnectListener implements ConnectListener {

    /** Logger name for connect events. */
    public static final String LOGGER = "dev.orathin.net.connect";
    /** Certificates expiring sooner than this are logged at WARNING (as the wallet module's own warning). */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    static final LoggingConnectListener INSTANCE = new LoggingConnectListener(System.getLogger(LOGGER));

    private final System.Logger log;

    /** A listener writing to {@code log}. */
    public LoggingConnectListener(System.Logger log) {
        this.log = log;
    }

    @Override
    public void dnsResolved(ConnectEvent.DnsResolved e) {
        debug(() -> e.route() + ": " + e.route().host() + " resolved to " + e.addresses() + " in " + e.took().toMillis() + " ms");
    }

    @Override
    public void tcpConnected(ConnectEvent.TcpConnected e) {
        debug(() -> e.route() + ": TCP connected to " + e.remote() + " in " + e.took().toMillis() + " ms");
    }

    @Override
    public void proxyTunnelOpened(ConnectEvent.ProxyTunnelOpened e) {
        debug(() -> e.route() + ": proxy tunnel open (" + e.statusLine() + ") in " + e.took().toMillis() + " ms");
    }

    @Override
    public void tlsHandshakeDone(ConnectEvent.TlsHandshakeDone e) {
        debug(() -> e.route() + ": TLS handshake " + e.handshake() + " done: " + e.protocol() + ", " + e.cipherSuite() + ", server \""
                + (e.peerChain().isEmpty() ? "?" : e.peerChain().get(0).getSubjectX500Principal().getName()) + "\", client certificate "
                + (e.clientCertificate() == null ? "none" : "\"" + e.clientCertificate().getSubjectX500Principal().getName() + "\""));
        if (log.isLoggable(Level.WARNING)) {
            Instant now = Instant.now();
            for (X509Certificate c : e.peerChain()) {
                expiry(e, "server", c, now);
            }
            if (e.clientCertificate() != null) {
                expiry(e, "client", e.clientCertificate(), now);
            }
        }
    }

    private void expiry(ConnectEvent.TlsHandshakeDone e, String whose, X509Certificate c, Instant now) {
        Instant end = c.getNotAfter().toInstant();
        if (end.isBefore(now.plus(EXPIRY_WARNING))) {
            long days = Duration.between(now, end).toDays();
            log.log(Level.WARNING, e.route() + ": the " + whose + " certificate \"" + c.getSubjectX500Principal().getName() + "\" "
                    + (end.isBefore(now) ? "expired on " + end : "expires on " + end + " (in " + days + " days)")
                    + (whose.equals("client") ? "; download a new wallet before then" : ""));
        }
    }

    @Override
    public void identityChecked(ConnectEvent.IdentityChecked e) {
        debug(() -> e.route() + ": server identity (handshake " + e.handshake() + "): " + e.verdict());
    }

    @Override
    public void netAnswer(ConnectEvent.NetAnswer e) {
        debug(() -> e.route() + ": listener answered " + e.kind() + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")"));
    }

    @Override
    public void attemptFailed(ConnectEvent.AttemptFailed e) {
        Level level = e.permanent() ? Level.WARNING : Level.INFO;
        if (log.isLoggable(level)) {
            log.log(level, e.route() + ": attempt failed in " + e.phase() + ": " + firstLine(e.error().getMessage())
                    + (e.permanent() ? " [permanent: this address is not retried]" : ""));
        }
    }

    @Override
    public void attemptEnded(ConnectEvent.AttemptEnded e) {
        debug(() -> "attempt " + e.attempt());
    }

    @Override
    public void retryScheduled(ConnectEvent.RetryScheduled e) {
        debug(() -> "retry: pass " + e.pass() + " of " + e.passes() + " over " + e.addresses() + " address(es) after "
                + e.delay().toMillis() + " ms (RETRY_DELAY)");
    }

    @Override
    public void connectFailed(ConnectEvent.ConnectFailed e) {
        if (log.isLoggable(Level.INFO)) {
            log.log(Level.INFO, "connect failed after " + e.attempts() + " attempt(s) in " + e.elapsed().toMillis() + " ms: "
                    + firstLine(e.error().getMessage()));
        }
    }

    @Override
    public void connected(ConnectEvent.Connected e) {
        debug(() -> e.route() + ": connected after " + e.attempts() + " attempt(s) in " + e.elapsed().toMillis() + " ms");
    }

    private void debug(java.util.function.Supplier<String> line) {
        if (log.isLoggable(Level.DEBUG)) {
            log.log(Level.DEBUG, line.get());
        }
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
