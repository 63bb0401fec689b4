package dev.orathin.wallet;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * One client identity in a wallet: a private key with its certificate chain (leaf first) and the
 * alias it had in the wallet ({@code orakey}, {@code orakey1}, ... for orapki wallets).
 *
 * @param alias the wallet alias (PKCS#12 friendlyName, or {@code key1}, {@code key2}, ... in PEM order)
 * @param privateKey the key
 * @param chain the certificate chain, leaf first, never empty
 */
public record KeyEntry(String alias, PrivateKey privateKey, List<X509Certificate> chain) {

    /** Validates and copies. */
    public KeyEntry {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a key entry needs at least its leaf certificate");
        }
    }

    /** The leaf (client) certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Redacted: alias, key algorithm and subject only. */
    @Override
    public String toString() {
        return "KeyEntry[" + alias + ", " + privateKey.getAlgorithm() + ", "
                + certificate().getSubjectX500Principal().getName() + "]";
    }
}
