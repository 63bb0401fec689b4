package dev.orathin.wallet;

import dev.orathin.wallet.internal.Keys;
import dev.orathin.wallet.internal.ParsedWallet;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what a reader parsed into a {@link Wallet}: pairs keys with certificates (localKeyId,
 * then friendlyName, then public key: wallets.md §2.3), builds chains, deduplicates trust anchors
 * (self-signed user certificates appear twice: §5 trap 4) and collects SEPS credentials.
 */
final class Assembly {

    private static final String SEPS_PREFIX = "oracle.security.client.";
    private static final int MAX_CHAIN = 8;

    private Assembly() {
    }

    static Wallet build(ParsedWallet p, WalletFormat format, String source) {
        List<KeyEntry> entries = new ArrayList<>();
        Set<ParsedWallet.Cert> leaves = new HashSet<>();
        List<String> notes = new ArrayList<>(p.algorithms.stream().distinct().collect(Collectors.toList()));
        Set<String> aliases = new HashSet<>();
        for (int k = 0; k < p.keys.size(); k++) {
            ParsedWallet.Key key = p.keys.get(k);
            String alias = key.friendlyName() != null ? key.friendlyName() : "key" + (k + 1);
            while (!aliases.add(alias)) {
                alias = alias + "#" + (k + 1);
            }
            ParsedWallet.Cert leaf = null;
            for (ParsedWallet.Cert c : p.certs) {
                if (c.linkedTo(key)) {
                    leaf = c;
                    break;
                }
            }
            if (leaf != null && !Keys.matches(key.key(), leaf.cert().getPublicKey())) {
                throw new WalletException(WalletErrorCode.KEY_CERTIFICATE_MISMATCH, source + ": private key '" + alias
                        + "' (" + Keys.typeAndSize(key.key()) + ") does not match its certificate "
                        + leaf.cert().getSubjectX500Principal().getName() + " ("
                        + Keys.typeAndSize(leaf.cert().getPublicKey()) + ")");
            }
            if (leaf == null) {
                for (ParsedWallet.Cert c : p.certs) {
                    if (!leaves.contains(c) && Keys.matches(key.key(), c.cert().getPublicKey())) {
                        leaf = c;
                        break;
                    }
                }
            }
            if (leaf == null) {
                if (format == WalletFormat.PEM) {
                    throw new WalletException(WalletErrorCode.KEY_CERTIFICATE_MISMATCH, source + ": private key '"
                            + alias + "' (" + Keys.typeAndSize(key.key()) + ") matches none of the " + p.certs.size()
                            + " certificate(s) in the file" + subjects(p.certs));
                }
                // orapki keeps a key whose certificate request was never answered ("Requested Certificates").
                notes.add("key '" + alias + "' has no certificate (pending request), skipped");
                continue;
            }
            leaves.add(leaf);
            entries.add(new KeyEntry(alias, key.key(), chain(leaf.cert(), p.certs)));
        }
        Map<String, X509Certificate> trust = new LinkedHashMap<>();
        for (ParsedWallet.Cert c : p.certs) {
            if (!leaves.contains(c)) {
                trust.putIfAbsent(fingerprint(c.cert()), c.cert());
            }
        }
        Map<String, StoredCredential> creds = credentials(p.secrets, source);
        if (entries.isEmpty() && trust.isEmpty() && creds.isEmpty()) {
            throw new WalletException(WalletErrorCode.EMPTY_TRUST, source + ": expected a key, certificates or"
                    + " stored credentials, found none (" + p.keys.size() + " key(s) without certificate)");
        }
        return new Wallet(entries, entries.size() == 1 ? 0 : -1, List.copyOf(trust.values()), creds, format, source,
                notes);
    }

    private static String subjects(List<ParsedWallet.Cert> certs) {
        return certs.isEmpty() ? "" : ": " + certs.stream().map(c -> c.cert().getSubjectX500Principal().getName())
                .collect(Collectors.joining("; "));
    }

    /** Leaf first, then issuers found among the wallet's certificates by name and signature. */
    private static List<X509Certificate> chain(X509Certificate leaf, List<ParsedWallet.Cert> all) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        X509Certificate cur = leaf;
        while (chain.size() < MAX_CHAIN && !cur.getIssuerX500Principal().equals(cur.getSubjectX500Principal())) {
            X509Certificate next = null;
            for (ParsedWallet.Cert c : all) {
                X509Certificate cand = c.cert();
                if (cand.getSubjectX500Principal().equals(cur.getIssuerX500Principal()) && !chain.contains(cand)
                        && verifies(cur, cand)) {
                    next = cand;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            chain.add(next);
            cur = next;
        }
        return chain;
    }

    private static boolean verifies(X509Certificate c, X509Certificate issuer) {
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash certificate", e);
        }
    }

    /** connect_string&lt;N&gt; + username&lt;N&gt; + password&lt;N&gt; become one credential (wallets.md §2.2). */
    private static Map<String, StoredCredential> credentials(Map<String, char[]> secrets, String source) {
        Map<String, StoredCredential> out = new LinkedHashMap<>();
        for (Map.Entry<String, char[]> e : secrets.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(SEPS_PREFIX + "connect_string")) {
                continue;
            }
            String n = name.substring((SEPS_PREFIX + "connect_string").length());
            char[] user = secrets.get(SEPS_PREFIX + "username" + n);
            char[] pw = secrets.get(SEPS_PREFIX + "password" + n);
            if (user == null || pw == null) {
                continue;
            }
            String cs = new String(e.getValue());
            out.put(cs, new StoredCredential(cs, new String(user), pw));
        }
        return out;
    }
}
