package dev.orathin.wallet.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader found in one wallet file, before keys are paired with certificates: raw keys and
 * certificates with the PKCS#12 attributes used for pairing, plus stored credentials.
 */
public final class ParsedWallet {

    /** A private key and its PKCS#12 attributes (both may be null, e.g. for PEM). */
    public record Key(PrivateKey key, String friendlyName, byte[] localKeyId) {
    }

    /** A certificate and its PKCS#12 attributes (both may be null). */
    public record Cert(X509Certificate cert, String friendlyName, byte[] localKeyId) {
        /** True when this bag carries the same localKeyId as {@code key}. */
        public boolean linkedTo(Key key) {
            return localKeyId != null && key.localKeyId() != null && Arrays.equals(localKeyId, key.localKeyId());
        }
    }

    /** Keys in file order. */
    public final List<Key> keys = new ArrayList<>();
    /** Certificates in file order. */
    public final List<Cert> certs = new ArrayList<>();
    /** Secure External Password Store entries: name (for example {@code oracle.security.client.username1}) to value. */
    public final Map<String, char[]> secrets = new LinkedHashMap<>();
    /** Human-readable notes about what was skipped (no secrets). */
    public final List<String> notes = new ArrayList<>();
    /** The PBE algorithms seen, for the description. */
    public final List<String> algorithms = new ArrayList<>();
}
