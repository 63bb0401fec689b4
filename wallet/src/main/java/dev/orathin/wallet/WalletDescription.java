package dev.orathin.wallet;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a wallet holds, for people and tools ({@code wallet show}): one {@link Entry} per
 * certificate with its key (if any), plus warnings. Contains no secrets; {@link #toString()} is a
 * readable table.
 *
 * @param source where the wallet was read from (file path, zip entry, "memory", "system")
 * @param format the container format
 * @param entries client identities first, then trusted certificates
 * @param credentials connect strings with stored credentials (the passwords are not shown)
 * @param warnings wallet-level and entry-level warnings, in entry order
 */
public record WalletDescription(String source, WalletFormat format, List<Entry> entries,
        List<String> credentials, List<String> warnings) {

    /** The role of a certificate in the wallet. */
    public enum Role {
        /** A client certificate with its private key. */
        KEY,
        /** An intermediate or CA certificate in a client chain. */
        CHAIN,
        /** A trust anchor for verifying the server. */
        TRUSTED
    }

    /**
     * One certificate.
     *
     * @param role its role
     * @param alias the alias for key entries, else the empty string
     * @param subject subject DN (RFC 2253)
     * @param issuer issuer DN (RFC 2253)
     * @param serial serial number in hex
     * @param sha256 SHA-256 fingerprint of the encoded certificate, colon-separated upper-case hex
     * @param keyType public key algorithm (RSA, EC)
     * @param keySize public key size in bits
     * @param notBefore start of validity
     * @param notAfter end of validity
     * @param warnings warnings for this entry (expiry, key mismatch)
     */
    public record Entry(Role role, String alias, String subject, String issuer, String serial, String sha256,
            String keyType, int keySize, Instant notBefore, Instant notAfter, List<String> warnings) {
        /** Copies the lists. */
        public Entry {
            Objects.requireNonNull(role, "role");
            warnings = List.copyOf(warnings);
        }
    }

    /** Copies the lists. */
    public WalletDescription {
        entries = List.copyOf(entries);
        credentials = List.copyOf(credentials);
        warnings = List.copyOf(warnings);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("Wallet ").append(source).append(" (").append(format).append(")\n");
        String fmt = "%-7s %-10s %-40s %-40s %-40s %-8s %-10s %-10s%n";
        sb.append(String.format(fmt, "ROLE", "ALIAS", "SUBJECT", "ISSUER", "SERIAL", "KEY", "NOT BEFORE",
                "NOT AFTER"));
        for (Entry e : entries) {
            sb.append(String.format(fmt, e.role(), e.alias(), cut(e.subject(), 40), cut(e.issuer(), 40),
                    cut(e.serial(), 40), e.keyType() + " " + e.keySize(), e.notBefore().toString().substring(0, 10),
                    e.notAfter().toString().substring(0, 10)));
            sb.append("        SHA-256 ").append(e.sha256()).append('\n');
        }
        for (String c : credentials) {
            sb.append("credential for ").append(c).append('\n');
        }
        for (String w : warnings) {
            sb.append("WARNING: ").append(w).append('\n');
        }
        return sb.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }
}
