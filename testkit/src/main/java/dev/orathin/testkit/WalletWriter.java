package dev.orathin.testkit;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * The password-protected wallet files ({@code ewallet.p12}, {@code ewallet.pem}) in the forms
 * Java's own readers take, because ojdbc11 reads them with the JDK and not with oraclepki:
 *
 * <ul>
 *   <li>{@code ewallet.p12} + password: ojdbc loads it as a JDK {@code PKCS12} KeyStore, which sees
 *       only shrouded key bags and takes a certificate as trusted only when it carries the
 *       trusted-key-usage attribute (OID 2.16.840.1.113894.746875.1.1, what {@code keytool}
 *       writes). A wallet written by orapki (unshrouded key bag, trust flags as secret bags) shows
 *       0 entries to {@code keytool -list} and fails in ojdbc with "PKIX path building failed"; so
 *       did the testkit's Oracle-profile file.</li>
 *   <li>{@code ewallet.pem} + password: ojdbc's {@code PEMKeyStore} decrypts the key with
 *       {@code SecretKeyFactory.getInstance(EncryptedPrivateKeyInfo.getAlgName())}; on JDK 17 that
 *       name is "PBES2" for a PBES2 key, which no provider has (ORA-17971). PBES1
 *       pbeWithSHAAnd3-KeyTripleDES-CBC is named "PBEWithSHA1AndDESede", which SunJCE has.</li>
 * </ul>
 * orathin's wallet module, python-oracledb and node-oracledb read both forms as well.
 */
final class WalletWriter {

    /** Oracle's trusted-key-usage attribute: the JDK PKCS12 KeyStore's marker of a trusted certificate entry. */
    static final ASN1ObjectIdentifier TRUSTED_KEY_USAGE = new ASN1ObjectIdentifier("2.16.840.1.113894.746875.1.1");
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final int ITERATIONS = 10_000;

    private WalletWriter() {
    }

    /** ewallet.pem: the client key (PKCS#8, PBE-SHA1-3DES), then the client certificate, then the CA. */
    static byte[] pem(TestPki pki, char[] password) {
        try {
            JceOpenSSLPKCS8EncryptorBuilder eb = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.PBE_SHA1_3DES);
            eb.setProvider(BC);
            eb.setIterationCount(ITERATIONS);
            eb.setPassword(password);
            StringWriter out = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(out)) {
                w.writeObject(new JcaPKCS8Generator(pki.client().privateKey(), eb.build()));
                for (X509Certificate c : pki.client().chain()) {
                    w.writeObject(c);
                }
            }
            return out.toString().getBytes(StandardCharsets.US_ASCII);
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot write ewallet.pem", e);
        }
    }

    /**
     * ewallet.p12 as the JDK reads it: the key in a PBES2/AES-256 shrouded key bag with friendly name
     * {@code orakey}, its certificate chain as cert bags, the CA once more as a trusted cert bag with
     * the trusted-key-usage attribute (anyExtendedKeyUsage); certificates in a PBES2 encrypted safe,
     * SHA-1 MAC (what orapki writes).
     */
    static byte[] pkcs12(TestPki pki, char[] password) {
        try {
            List<X509Certificate> chain = pki.client().chain();
            byte[] keyId = ClientConfig.localKeyId(1, 1, 1);
            OutputEncryptor keyEnc = aes256(password);
            JcaPKCS12SafeBagBuilder key = new JcaPKCS12SafeBagBuilder(pki.client().privateKey(), keyEnc);
            key.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString("orakey"));
            key.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(keyId));
            List<PKCS12SafeBag> certs = new ArrayList<>();
            JcaPKCS12SafeBagBuilder user = new JcaPKCS12SafeBagBuilder(chain.get(0));
            user.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString("orakey"));
            user.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(keyId));
            certs.add(user.build());
            for (int i = 1; i < chain.size(); i++) {
                JcaPKCS12SafeBagBuilder trusted = new JcaPKCS12SafeBagBuilder(chain.get(i));
                trusted.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString("trusted" + i));
                trusted.addBagAttribute(TRUSTED_KEY_USAGE, Extension.extendedKeyUsage.branch("0")); // anyExtendedKeyUsage 2.5.29.37.0
                certs.add(trusted.build());
            }
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addData(key.build());
            pfx.addEncryptedData(aes256(password), certs.toArray(new PKCS12SafeBag[0]));
            return pfx.build(new JcePKCS12MacCalculatorBuilder(OIWObjectIdentifiers.idSHA1).setProvider(BC).setIterationCount(ITERATIONS),
                    password).getEncoded();
        } catch (IOException | OperatorCreationException | PKCSException e) {
            throw new IllegalStateException("cannot write ewallet.p12", e);
        }
    }

    private static OutputEncryptor aes256(char[] password) throws OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setProvider(BC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setIterationCount(ITERATIONS)
                .build(password);
    }
}
