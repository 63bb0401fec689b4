package dev.orathin.testkit;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate with its private key and issuing chain, made by {@link TestPki}.
 *
 * @param privateKey the key (never printed)
 * @param certificate the leaf certificate
 * @param chain the leaf followed by its issuers, up to and including the root
 */
public record TestCertificate(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    /** The subject DN as RFC 2253 text. */
    public String subjectDn() {
        return certificate.getSubjectX500Principal().getName();
    }

    /** Shows the subject only, never the key. */
    @Override
    public String toString() {
        return "TestCertificate[" + subjectDn() + "]";
    }
}
