package dev.orathin.testkit;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for tests: one CA and the certificates an ADB-like deployment uses — the
 * listener's, the database's (presented after the hand-off), a client certificate — plus the bad
 * ones faults need (wrong DN, expired, issued by another CA). RSA 2048, SHA-256.
 *
 * <p>Key generation is the slow part, so {@link #shared()} keeps one instance per JVM.
 */
public final class TestPki {

    /** DN of the listener certificate; its SAN holds localhost and 127.0.0.1. */
    public static final String LISTENER_DN = "CN=localhost,OU=listener,O=orathin testkit,L=Redwood City,ST=California,C=US";
    /** DN of the database certificate presented after the ADB hand-off. */
    public static final String DATABASE_DN = "CN=localhost,OU=database,O=orathin testkit,L=Redwood City,ST=California,C=US";
    /** DN of the client certificate (ADB style: a dnQualifier and a hex CN). */
    public static final String CLIENT_DN = "CN=orathin-test-client,O=orathin testkit";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static volatile TestPki shared;

    private final TestCertificate ca;
    private final TestCertificate otherCa;
    private final TestCertificate listener;
    private final TestCertificate database;
    private final TestCertificate client;
    private final TestCertificate wrongDn;
    private final TestCertificate expired;
    private final TestCertificate fromOtherCa;

    private TestPki() {
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofDays(1));
        Instant to = now.plus(Duration.ofDays(3650));
        ca = selfSigned("CN=orathin Test Root CA,O=orathin testkit", from, to);
        otherCa = selfSigned("CN=Some Other CA,O=elsewhere", from, to);
        listener = issue(ca, LISTENER_DN, from, to, List.of("localhost"), List.of("127.0.0.1"), false);
        database = issue(ca, DATABASE_DN, from, to, List.of("localhost"), List.of("127.0.0.1"), false);
        client = issue(ca, CLIENT_DN, from, to, List.of(), List.of(), true);
        wrongDn = issue(ca, "CN=wrong.example.com,O=not the database", from, to, List.of("wrong.example.com"), List.of(), false);
        expired = issue(ca, LISTENER_DN, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)),
                List.of("localhost"), List.of("127.0.0.1"), false);
        fromOtherCa = issue(otherCa, LISTENER_DN, from, to, List.of("localhost"), List.of("127.0.0.1"), false);
    }

    /** A PKI shared by every test in this JVM (created on first use). */
    public static TestPki shared() {
        TestPki p = shared;
        if (p == null) {
            synchronized (TestPki.class) {
                p = shared;
                if (p == null) {
                    shared = p = new TestPki();
                }
            }
        }
        return p;
    }

    /** A fresh PKI (new CA), for tests that need a CA nobody else trusts. */
    public static TestPki create() {
        return new TestPki();
    }

    /** The root CA every good certificate chains to. */
    public TestCertificate ca() {
        return ca;
    }

    /** The listener's certificate (first TLS handshake). */
    public TestCertificate listener() {
        return listener;
    }

    /** The database's certificate (second TLS handshake, after RESEND). */
    public TestCertificate database() {
        return database;
    }

    /** The client certificate the generated wallets hold. */
    public TestCertificate client() {
        return client;
    }

    /** A server certificate whose DN and SAN match nothing the client dials. */
    public TestCertificate wrongDn() {
        return wrongDn;
    }

    /** A server certificate that has expired. */
    public TestCertificate expired() {
        return expired;
    }

    /** A server certificate from a CA the client does not trust. */
    public TestCertificate fromOtherCa() {
        return fromOtherCa;
    }

    /** Issues a new certificate from this PKI's CA (for tests needing their own DNs or SANs). */
    public TestCertificate issue(String dn, List<String> dnsNames, List<String> ipAddresses, boolean clientAuth) {
        Instant now = Instant.now();
        return issue(ca, dn, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), dnsNames, ipAddresses, clientAuth);
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, new SecureRandom());
        return g.generateKeyPair();
    }

    private static TestCertificate selfSigned(String dn, Instant from, Instant to) {
        try {
            KeyPair kp = rsa();
            X500Name name = x500(dn);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(from), Date.from(to), name, kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            X509Certificate cert = sign(b, kp);
            return new TestCertificate(kp.getPrivate(), cert, List.of(cert));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot create test CA", e);
        }
    }

    private static TestCertificate issue(TestCertificate issuer, String dn, Instant from, Instant to,
            List<String> dnsNames, List<String> ips, boolean clientAuth) {
        try {
            KeyPair kp = rsa();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(), Date.from(from), Date.from(to),
                    x500(dn), kp.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer.certificate()));
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            ips.forEach(n -> names.add(new GeneralName(GeneralName.iPAddress, n)));
            if (!names.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
            }
            X509Certificate cert = sign(b, new KeyPair(issuer.certificate().getPublicKey(), issuer.privateKey()));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(cert);
            chain.addAll(issuer.chain());
            return new TestCertificate(kp.getPrivate(), cert, List.copyOf(chain));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue test certificate " + dn, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner s = new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(b.build(s));
    }

    /** Parses an RFC 2253 DN (most specific RDN first, as printed) into X.500 encoding order. */
    private static X500Name x500(String dn) {
        return X500Name.getInstance(new javax.security.auth.x500.X500Principal(dn).getEncoded());
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }
}
