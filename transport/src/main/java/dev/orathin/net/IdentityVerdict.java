package dev.orathin.net;

import java.util.Objects;

/**
 * The outcome of the server identity check after a TLS handshake (protocol.md §10.2): which rule
 * applied, what it expected, what the certificate had, and whether they matched.
 *
 * @param mode the rule that applied
 * @param expected what the rule expected: the SSL_SERVER_CERT_DN, the host name, or the service name (weak mode); empty when {@link Mode#OFF}
 * @param actual what the certificate presented: its subject, plus SAN entries for host matching
 * @param ok true when the certificate passed
 */
public record IdentityVerdict(Mode mode, String expected, String actual, boolean ok) {

    /** Which identity rule was applied. */
    public enum Mode {
        /** SSL_SERVER_CERT_DN given: the subject must be that DN (order-insensitive). */
        CERT_DN,
        /** SSL_SERVER_DN_MATCH on without a DN: the descriptor host must be in the SAN (or the CN without DNS SANs). */
        HOST,
        /** SSL_ALLOW_WEAK_DN_MATCH: the host did not match, the CN equal to the service name was accepted instead. */
        WEAK_SERVICE,
        /** SSL_SERVER_DN_MATCH off: only the chain was verified (by the trust manager). */
        OFF
    }

    /** Validates. */
    public IdentityVerdict {
        Objects.requireNonNull(mode, "mode");
        expected = Objects.requireNonNullElse(expected, "");
        actual = Objects.requireNonNullElse(actual, "");
    }

    @Override
    public String toString() {
        return mode + (ok ? " ok" : " FAILED") + (mode == Mode.OFF ? "" : ": expected \"" + expected + "\", certificate " + actual);
    }
}
