package dev.orathin.wallet;

import dev.orathin.wallet.internal.Keys;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An Oracle wallet in memory: the client identities (private key + certificate chain; none for a
 * trust-only wallet), the trust anchors used to check the server, Secure External Password Store
 * credentials, and where it came from. Load one with {@link Wallets}.
 *
 * <p>When the wallet holds several keys, none is chosen silently: {@link #privateKey()} and the
 * TLS methods fail with {@link WalletErrorCode#AMBIGUOUS_KEY} until {@link #select} picks one.
 *
 * <p>Immutable. {@link #toString()} and {@link #description()} never show key material or passwords.
 */
public final class Wallet {

    /** Certificates expiring within this window get a warning in {@link #describe()}. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private final List<KeyEntry> entries;
    private final int selected;
    private final List<X509Certificate> trust;
    private final Map<String, StoredCredential> credentials;
    private final WalletFormat format;
    private final String source;
    private final List<String> notes;

    Wallet(List<KeyEntry> entries, int selected, List<X509Certificate> trust,
            Map<String, StoredCredential> credentials, WalletFormat format, String source, List<String> notes) {
        this.entries = List.copyOf(entries);
        this.selected = selected;
        this.trust = List.copyOf(trust);
        this.credentials = new LinkedHashMap<>(credentials);
        this.format = Objects.requireNonNull(format, "format");
        this.source = Objects.requireNonNull(source, "source");
        this.notes = List.copyOf(notes);
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
        List<KeyEntry> entries = privateKey == null ? List.of() : List.of(new KeyEntry("client", privateKey, chain));
        return new Wallet(entries, privateKey == null ? -1 : 0, trust, Map.of(), WalletFormat.IN_MEMORY,
                "in-memory wallet", List.of());
    }

    /**
     * The selected client key; empty for a trust-only wallet.
     *
     * @throws WalletException AMBIGUOUS_KEY when there are several keys and none was selected
     */
    public Optional<PrivateKey> privateKey() {
        return selectedEntry().map(KeyEntry::privateKey);
    }

    /**
     * The selected client certificate chain, leaf first; empty for a trust-only wallet.
     *
     * @throws WalletException AMBIGUOUS_KEY when there are several keys and none was selected
     */
    public List<X509Certificate> certificateChain() {
        return selectedEntry().map(KeyEntry::chain).orElse(List.of());
    }

    /** The trust anchors used to verify the server. */
    public List<X509Certificate> trustedCertificates() {
        return trust;
    }

    /** Every client identity in the wallet, in file order. */
    public List<KeyEntry> keyEntries() {
        return entries;
    }

    /**
     * The client identity used for TLS: the only one, or the selected one; empty when there is none.
     *
     * @throws WalletException AMBIGUOUS_KEY when there are several and none was selected
     */
    public Optional<KeyEntry> selectedEntry() {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        if (selected < 0) {
            throw new WalletException(WalletErrorCode.AMBIGUOUS_KEY, source + ": holds " + entries.size()
                    + " private keys (" + entries.stream().map(e -> e.alias() + " = "
                    + e.certificate().getSubjectX500Principal().getName()).collect(Collectors.joining("; "))
                    + "); choose one with Wallet.select(CertificateSelector.alias(...)) or by thumbprint");
        }
        return Optional.of(entries.get(selected));
    }

    /**
     * The client identity, required (for mutual TLS).
     *
     * @throws WalletException NO_PRIVATE_KEY for a trust-only wallet, AMBIGUOUS_KEY as {@link #selectedEntry()}
     */
    public KeyEntry requireClientKey() {
        return selectedEntry().orElseThrow(() -> new WalletException(WalletErrorCode.NO_PRIVATE_KEY, source
                + ": expected a private key for the client certificate, found no key and " + trust.size()
                + " certificate(s); mutual TLS needs a wallet with the key (for a PEM: the ENCRYPTED PRIVATE KEY block)"));
    }

    /**
     * This wallet with the client identity chosen by {@code selector}.
     *
     * @throws WalletException SELECTION_NOT_FOUND listing the aliases and thumbprints available
     */
    public Wallet select(CertificateSelector selector) {
        Objects.requireNonNull(selector, "selector");
        for (int i = 0; i < entries.size(); i++) {
            if (selector.matches(entries.get(i))) {
                return new Wallet(entries, i, trust, credentials, format, source, notes);
            }
        }
        throw new WalletException(WalletErrorCode.SELECTION_NOT_FOUND, source + ": no key entry matches "
                + selector + "; entries: " + (entries.isEmpty() ? "none (trust-only wallet)"
                : entries.stream().map(e -> e.alias() + " (SHA-256 " + CertificateSelector.thumbprint(e.certificate(),
                        "SHA-256") + ")").collect(Collectors.joining(", "))));
    }

    /**
     * The credential stored in the wallet's Secure External Password Store for {@code connectString}
     * (exact match first, then ignoring case and surrounding blanks).
     */
    public Optional<StoredCredential> credentials(String connectString) {
        Objects.requireNonNull(connectString, "connectString");
        StoredCredential c = credentials.get(connectString);
        if (c != null) {
            return Optional.of(c);
        }
        String k = connectString.strip();
        return credentials.values().stream().filter(s -> s.connectString().strip().equalsIgnoreCase(k)).findFirst();
    }

    /** The connect strings that have stored credentials. */
    public List<String> credentialConnectStrings() {
        return List.copyOf(credentials.keySet());
    }

    /** The container this wallet was read from. */
    public WalletFormat format() {
        return format;
    }

    /** Where the wallet was read from: the chosen file, {@code zip!/entry}, "memory" or "system". */
    public String source() {
        return source;
    }

    /** Key managers presenting the selected client certificate (none for a trust-only wallet). */
    public KeyManagerFactory keyManagerFactory() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] transientPassword = new char[0];
            Optional<KeyEntry> e = selectedEntry();
            if (e.isPresent()) {
                ks.setKeyEntry("client", e.get().privateKey(), transientPassword,
                        e.get().chain().toArray(new X509Certificate[0]));
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, transientPassword);
            return kmf;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new WalletException(WalletErrorCode.TLS_SETUP_FAILED, source + ": cannot build key managers ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Trust managers that accept servers chaining to {@link #trustedCertificates()}.
     *
     * @throws WalletException EMPTY_TRUST when the wallet has no trusted certificate
     */
    public TrustManagerFactory trustManagerFactory() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (format == WalletFormat.SYSTEM) {
                tmf.init((KeyStore) null);
                return tmf;
            }
            if (trust.isEmpty()) {
                throw new WalletException(WalletErrorCode.EMPTY_TRUST, source
                        + ": expected at least one trusted certificate to verify the server with, found none;"
                        + " add the CA certificate to the wallet or use Wallets.system() for public CAs");
            }
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            int i = 0;
            for (X509Certificate c : trust) {
                ts.setCertificateEntry("trust-" + i++, c);
            }
            tmf.init(ts);
            return tmf;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new WalletException(WalletErrorCode.TLS_SETUP_FAILED, source + ": cannot build trust managers ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** A JSSE context using this wallet's key managers and trust managers. */
    public SSLContext sslContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagerFactory().getKeyManagers(), trustManagerFactory().getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new WalletException(WalletErrorCode.TLS_SETUP_FAILED, source + ": cannot build TLS context ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** One line: where the wallet came from (the chosen file) and what it holds, without secrets. */
    public String description() {
        StringBuilder sb = new StringBuilder();
        sb.append(format).append(' ').append(source);
        if (!notes.isEmpty()) {
            sb.append(" [").append(String.join(", ", notes)).append(']');
        }
        sb.append(": ");
        if (entries.isEmpty()) {
            sb.append("no private key");
        } else {
            sb.append(entries.size()).append(entries.size() == 1 ? " key (" : " keys (");
            sb.append(entries.stream().map(e -> (entries.indexOf(e) == selected ? "*" : "") + e.alias() + " "
                    + Keys.typeAndSize(e.privateKey()) + " " + e.certificate().getSubjectX500Principal().getName())
                    .collect(Collectors.joining("; "))).append(')');
        }
        sb.append(", ").append(trust.size()).append(" trusted certificate(s)");
        if (!credentials.isEmpty()) {
            sb.append(", ").append(credentials.size()).append(" stored credential(s)");
        }
        return sb.toString();
    }

    /** The entries of this wallet with warnings relative to now. */
    public WalletDescription describe() {
        return describe(Instant.now());
    }

    /** The entries of this wallet with expiry warnings computed at {@code now}. */
    public WalletDescription describe(Instant now) {
        List<WalletDescription.Entry> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (KeyEntry e : entries) {
            List<X509Certificate> chain = e.chain();
            for (int i = 0; i < chain.size(); i++) {
                X509Certificate c = chain.get(i);
                List<String> w = new ArrayList<>(expiry(c, now));
                if (i == 0 && !Keys.matches(e.privateKey(), c.getPublicKey())) {
                    w.add("private key " + e.alias() + " does not match certificate " + c.getSubjectX500Principal().getName());
                }
                out.add(entry(i == 0 ? WalletDescription.Role.KEY : WalletDescription.Role.CHAIN, e.alias(), c, w));
                w.forEach(x -> warnings.add((x.startsWith("private") ? "" : e.alias() + ": ") + x));
            }
        }
        if (format != WalletFormat.SYSTEM) {
            for (X509Certificate c : trust) {
                List<String> w = expiry(c, now);
                out.add(entry(WalletDescription.Role.TRUSTED, "", c, w));
                w.forEach(x -> warnings.add("trusted " + c.getSubjectX500Principal().getName() + ": " + x));
            }
            if (trust.isEmpty()) {
                warnings.add("no trusted certificates: the server cannot be verified with this wallet alone");
            }
        }
        if (entries.size() > 1 && selected < 0) {
            warnings.add(entries.size() + " private keys and none selected");
        }
        return new WalletDescription(source, format, out, credentialConnectStrings(), warnings);
    }

    private static List<String> expiry(X509Certificate c, Instant now) {
        Instant notAfter = c.getNotAfter().toInstant();
        if (notAfter.isBefore(now)) {
            return List.of("certificate expired on " + notAfter);
        }
        if (c.getNotBefore().toInstant().isAfter(now)) {
            return List.of("certificate not valid before " + c.getNotBefore().toInstant());
        }
        if (notAfter.isBefore(now.plus(EXPIRY_WARNING))) {
            return List.of("certificate expires on " + notAfter + " (within " + EXPIRY_WARNING.toDays() + " days)");
        }
        return List.of();
    }

    private static WalletDescription.Entry entry(WalletDescription.Role role, String alias, X509Certificate c,
            List<String> warnings) {
        String fp;
        try {
            fp = HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            fp = "?";
        }
        return new WalletDescription.Entry(role, alias, c.getSubjectX500Principal().getName(),
                c.getIssuerX500Principal().getName(), c.getSerialNumber().toString(16), fp,
                c.getPublicKey().getAlgorithm(), Keys.size(c.getPublicKey()), c.getNotBefore().toInstant(),
                c.getNotAfter().toInstant(), warnings);
    }

    @Override
    public String toString() {
        return "Wallet[" + description() + "]";
    }
}
