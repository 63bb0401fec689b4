package dev.orathin.net;

import java.time.Duration;

/**
 * One connection attempt of a connect: which route, how far it got, what happened, how long it took.
 *
 * @param route the address tried, as {@code protocol://host:port [via proxy]}
 * @param phase the last phase reached (DNS, TCP, PROXY, TLS, NS, TLS2, DONE)
 * @param outcome what happened ("ok", or the error code and message)
 * @param elapsed time spent on the attempt
 */
public record ConnectAttempt(String route, Phase phase, String outcome, Duration elapsed) {

    /** The phases of one attempt, in order. */
    public enum Phase {
        /** Resolving the host name. */
        DNS,
        /** Opening the TCP connection. */
        TCP,
        /** HTTP CONNECT through the HTTPS proxy. */
        PROXY,
        /** First TLS handshake. */
        TLS,
        /** Oracle Net CONNECT / ACCEPT exchange. */
        NS,
        /** Second TLS handshake after the listener hand-off. */
        TLS2,
        /** Session open. */
        DONE
    }

    @Override
    public String toString() {
        return route + " [" + phase + ", " + elapsed.toMillis() + " ms]: " + outcome;
    }
}
