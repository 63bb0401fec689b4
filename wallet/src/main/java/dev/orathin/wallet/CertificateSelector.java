package dev.orathin.wallet;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Chooses the client identity when a wallet holds several keys: by alias, or by the SHA-1 or
 * SHA-256 thumbprint of the leaf certificate (hex, colons and case ignored).
 */
public final class CertificateSelector {

    private final String kind;
    private final String value;

    private CertificateSelector(String kind, String value) {
        this.kind = kind;
        this.value = value;
    }

    /** Selects the entry whose alias (for example {@code orakey1}) equals {@code alias}. */
    public static CertificateSelector alias(String alias) {
        return new CertificateSelector("alias", Objects.requireNonNull(alias, "alias"));
    }

    /** Selects the entry whose leaf certificate has this SHA-1 thumbprint. */
    public static CertificateSelector sha1(String hex) {
        return new CertificateSelector("SHA-1", normalise(hex));
    }

    /** Selects the entry whose leaf certificate has this SHA-256 thumbprint. */
    public static CertificateSelector sha256(String hex) {
        return new CertificateSelector("SHA-256", normalise(hex));
    }

    private static String normalise(String hex) {
        return Objects.requireNonNull(hex, "hex").replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** True when {@code entry} is the one this selector names. */
    public boolean matches(KeyEntry entry) {
        if (kind.equals("alias")) {
            return entry.alias().equals(value);
        }
        return thumbprint(entry.certificate(), kind).equals(value);
    }

    /** Lower-case hex digest of the certificate encoding. */
    static String thumbprint(X509Certificate c, String algorithm) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash certificate", e);
        }
    }

    @Override
    public String toString() {
        return kind + " " + value;
    }
}
