package dev.orathin.wallet;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An Oracle wallet in memory: the client's private key and certificate chain (absent for a
 * trust-only wallet) and the trust anchors used to check the server.
 *
 * <p>Immutable. {@link #toString()} never shows key material.
 *
 * <p>(Skeleton: the loaders, selection and {@code describe()} are built in the wallet issue.)
 */
public final class Wallet {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final List<X509Certificate> trust;
    private final String description;

    private Wallet(PrivateKey privateKey, List<X509Certificate> chain, List<X509Certificate> trust,
            String description) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.trust = List.copyOf(trust);
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * A wallet from material already in memory.
     *
     * @param privateKey the client key, or {@code null} for a trust-only wallet
     * @param chain the client certificate chain, leaf first (empty when there is no key)
     * @param trust the trust anchors for the server certificate
     */
    public static Wallet of(PrivateKey privateKey, List<X509Certificate> chain, List<X509Certificate> trust) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(trust, "trust");
        if (privateKey != null && chain.isEmpty()) {
            throw new IllegalArgumentException("a private key needs its certificate chain");
        }
        return new Wallet(privateKey, chain, trust, "in-memory wallet");
    }

    /** The client private key, if the wallet has one. */
    public java.util.Optional<PrivateKey> privateKey() {
        return java.util.Optional.ofNullable(privateKey);
    }

    /** The client certificate chain, leaf first; empty for a trust-only wallet. */
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /** The trust anchors used to verify the server. */
    public List<X509Certificate> trustedCertificates() {
        return trust;
    }

    /** Key managers presenting the client certificate (none for a trust-only wallet). */
    public KeyManagerFactory keyManagerFactory() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] transientPassword = new char[0];
            if (privateKey != null) {
                ks.setKeyEntry("client", privateKey, transientPassword, chain.toArray(new X509Certificate[0]));
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, transientPassword);
            return kmf;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build key managers from wallet", e);
        }
    }

    /** Trust managers that accept servers chaining to {@link #trustedCertificates()}. */
    public TrustManagerFactory trustManagerFactory() {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            int i = 0;
            for (X509Certificate c : trust) {
                ts.setCertificateEntry("trust-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            return tmf;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build trust managers from wallet", e);
        }
    }

    /** A JSSE client context using this wallet's key managers and trust managers. */
    public SSLContext sslContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagerFactory().getKeyManagers(), trustManagerFactory().getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build TLS context from wallet", e);
        }
    }

    /** Where the wallet came from and what it holds, without secrets. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "Wallet[" + description + ", key=" + (privateKey == null ? "none" : privateKey.getAlgorithm())
                + ", chain=" + chain.size() + ", trust=" + trust.size() + "]";
    }
}
